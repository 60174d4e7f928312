package hv.measures;

import hv.family.Caregiver;
import hv.family.Family;
import hv.time.RunPeriods;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RC1 Priority population enrollment. Unit: episode (any caregiver).
 *
 * <ul>
 *   <li>Eligible: episodes with {@code enrollment_date} in P.
 *   <li>Achieved: the caregiver's {@code race} as currently recorded includes {@code BLACK}
 *       or {@code AIAN}, or {@code hispanic_origin = PUERTO_RICAN}, or
 *       {@code age_at_enrollment < 20}.
 * </ul>
 * Evidence: {@code evidence_id} is the caregiver whose record decided, the note names every
 * criterion met.
 */
public final class Rc1PriorityPopulation implements Measure {

  public static final String CODE = "RC1";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (EnrolledInPeriod enrolled : EnrolledInPeriod.of(family, periods)) {
      Caregiver caregiver = enrolled.episode().caregiver();
      Integer age = enrolled.episode().enrollment().ageAtEnrollment();
      List<String> races = Arrays.asList(caregiver.race() == null ? new String[0] : caregiver.race().split(";"));
      List<String> criteria = new ArrayList<>();
      for (String race : List.of("BLACK", "AIAN")) {
        if (races.contains(race)) {
          criteria.add("race " + race);
        }
      }
      if ("PUERTO_RICAN".equals(caregiver.hispanicOrigin())) {
        criteria.add("hispanic origin PUERTO_RICAN");
      }
      if (age != null && age < 20) {
        criteria.add("age at enrollment " + age);
      }
      Unit unit = enrolled.unit(CODE);
      units.add(unit
          .achieved(!criteria.isEmpty())
          .evidence(unit.evidenceDate(), caregiver.caregiverId())
          .note(criteria.isEmpty() ? "not a priority population" : "priority population: " + String.join(", ", criteria)));
    }
    return units;
  }
}
