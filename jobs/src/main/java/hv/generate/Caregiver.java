package hv.generate;

import java.time.LocalDate;

/** A person's stable attributes (caregivers.csv) and age, which a re-enrollment reuses. */
record Caregiver(String id, String role, String sex, String race, String hispanic, String hispanicOrigin,
                 String language, int ageAtFirstEnrollment, LocalDate firstEnrollment) {

  int ageOn(LocalDate day) {
    return ageAtFirstEnrollment + (int) (java.time.temporal.ChronoUnit.YEARS.between(firstEnrollment, day));
  }

  Row row() {
    return Table.CAREGIVERS.row()
        .set("caregiver_id", id)
        .set("sex", sex)
        .set("caregiver_role", role)
        .set("race", race)
        .set("hispanic", hispanic)
        .set("hispanic_origin", hispanicOrigin)
        .set("primary_language", language);
  }
}
