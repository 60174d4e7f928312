package hv.generate;

import java.time.LocalDate;

/**
 * Answers to the periodic questionnaires: at intake and every six months the caregiver's
 * insurance, work hours, school and education, and the child's reading/singing days; in
 * infancy the safe-sleep items (all three together) and breastfeeding.
 */
final class QuestionnaireSimulator {

  private final Sink sink;
  private final Dice dice;

  QuestionnaireSimulator(Sink sink) {
    this.sink = sink;
    this.dice = sink.dice;
  }

  void simulate(Episode e) {
    caregiverRounds(e);
    Episode.Kid kid = e.indexKid();
    if (kid != null) {
      infancy(e, kid);
    }
  }

  private void caregiverRounds(Episode e) {
    Circumstances at = e.at;
    String insurance = at.insurance() == null ? "MEDICAID" : at.insurance();
    int hours = at.employmentHours() == null ? 0 : at.employmentHours();
    boolean studying = Boolean.TRUE.equals(at.inSchool());
    boolean noDiploma = "LT_HS".equals(at.education());
    Episode.Kid kid = e.indexKid();
    for (int round = 0; ; round++) {
      LocalDate day = Dice.weekday(round == 0 ? e.start.plusDays(dice.between(0, 14))
          : e.start.plusMonths(6L * round).plusDays(dice.between(-10, 25)));
      if (!e.enrolledOn(day)) {
        return;
      }
      if (round > 0) {
        insurance = nextInsurance(insurance);
        hours = hours == 0 ? (dice.odds(0.18, e.shift(1.0)) ? dice.pick(new Integer[] {15, 20, 25, 30, 40}, 1, 3, 2, 2, 3) : 0)
            : dice.chance(0.12) ? 0 : hours;
        studying = studying ? dice.chance(0.8) : (noDiploma || dice.chance(0.2)) && dice.odds(0.2, e.shift(1.0) + (at.age() < 20 ? 1 : 0));
      }
      answer(e, null, day, 0.88, "INSURANCE", insurance);
      answer(e, null, day, 0.85, "EMPLOYMENT_HOURS", Integer.toString(hours));
      if (noDiploma || studying) {
        answer(e, null, day, 0.85, "IN_SCHOOL", studying ? "Y" : "N");
      }
      if (round > 0 && studying && dice.odds(0.12, e.program.effect)) {
        answer(e, null, day, 1, "EDUCATION_COMPLETED", noDiploma ? "HS_GED"
            : dice.pick(new String[] {"TRAINING_CERTIFICATE", "SOME_COLLEGE", "DEGREE"}, 0.6, 0.3, 0.1));
        noDiploma = false;
        studying = false;
      }
      if (kid != null && !day.isBefore(kid.enrolled())) {
        String days = dice.odds(0.45, e.shift(1.0)) ? "7" : Integer.toString(dice.pick(new Integer[] {0, 1, 2, 3, 4, 5, 6}, 1, 2, 3, 4, 4, 4, 3));
        answer(e, kid, day, 0.85, "READ_TELL_SING_DAYS", days);
      }
    }
  }

  private String nextInsurance(String current) {
    return switch (current) {
      case "MEDICAID" -> dice.pick(new String[] {"MEDICAID", "NONE", "PRIVATE"}, 0.9, 0.06, 0.04);
      case "NONE" -> dice.pick(new String[] {"NONE", "MEDICAID", "PRIVATE"}, 0.5, 0.42, 0.08);
      case "PRIVATE" -> dice.pick(new String[] {"PRIVATE", "MEDICAID", "NONE"}, 0.92, 0.05, 0.03);
      default -> current;
    };
  }

  /** Safe sleep asked at about 1 and 4 months, breastfeeding at about 1 and 6 months. */
  private void infancy(Episode e, Episode.Kid kid) {
    LocalDate birth = kid.birth().date();
    double shift = e.shift(1.0);
    boolean breastfed = dice.odds(0.78, shift);
    for (int[] ageDays : new int[][] {{20, 50}, {100, 140}}) {
      LocalDate day = Dice.weekday(birth.plusDays(dice.between(ageDays[0], ageDays[1])));
      if (day.isBefore(kid.enrolled()) || !e.enrolledOn(day) || !dice.chance(0.85)) {
        continue;
      }
      answer(e, kid, day, 1, "SLEEP_ON_BACK_ALWAYS", dice.odds(0.82, shift) ? "Y" : "N");
      answer(e, kid, day, 0.97, "BED_SHARING", dice.odds(0.25, -shift) ? "Y" : "N");
      answer(e, kid, day, 0.97, "SOFT_BEDDING", dice.odds(0.2, -shift) ? "Y" : "N");
      if (ageDays[0] == 20) {
        answer(e, kid, day, 0.8, "BREASTFEEDING_ANY", breastfed ? "Y" : "N");
      }
    }
    LocalDate sixMonths = Dice.weekday(birth.plusMonths(6).plusDays(dice.between(-20, 20)));
    if (!sixMonths.isBefore(kid.enrolled()) && e.enrolledOn(sixMonths)) {
      answer(e, kid, sixMonths, 0.85, "BREASTFEEDING_ANY", breastfed && dice.odds(0.6, 0.7 * shift) ? "Y" : "N");
    }
  }

  private void answer(Episode e, Episode.Kid kid, LocalDate day, double answeredShare, String item, String value) {
    if (!dice.chance(answeredShare)) {
      return;
    }
    Row row = Table.ASSESSMENTS.row()
        .set("enrollment_id", e.id)
        .set("child_id", kid == null ? null : kid.id())
        .set("assessment_date", day)
        .set("item", item)
        .set("value", value);
    sink.event(e, row, "A", day);
  }
}
