package hv.measures;

import hv.family.Enrollment;
import hv.family.Family;
import hv.time.RunPeriods;
import java.util.ArrayList;
import java.util.List;

/**
 * RC2 Prenatal enrollment. Unit: episode (any caregiver).
 *
 * <ul>
 *   <li>Eligible: episodes with {@code enrollment_date} in P.
 *   <li>Achieved: {@code pregnant_at_enrollment = Y} and
 *       {@code gestational_weeks_at_enrollment < 32} (empty weeks: not achieved).
 * </ul>
 */
public final class Rc2PrenatalEnrollment implements Measure {

  public static final String CODE = "RC2";

  @Override
  public String code() {
    return CODE;
  }

  /** Enrolled pregnant before 32 weeks (RC2, and RC4's eligibility). Empty weeks are below no number. */
  static boolean enrolledBefore32Weeks(Enrollment e) {
    return e.pregnantAtEnrollment() && e.gestationalWeeksAtEnrollment() != null
        && e.gestationalWeeksAtEnrollment() < 32;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (EnrolledInPeriod enrolled : EnrolledInPeriod.of(family, periods)) {
      Enrollment e = enrolled.episode().enrollment();
      boolean achieved = enrolledBefore32Weeks(e);
      Integer weeks = e.gestationalWeeksAtEnrollment();
      units.add(enrolled.unit(CODE)
          .achieved(achieved)
          .note(!e.pregnantAtEnrollment() ? "not pregnant at enrollment"
              : "pregnant at enrollment, gestational weeks " + (weeks == null ? "unknown" : weeks)
                  + (achieved ? " (< 32)" : " (not < 32)")));
    }
    return units;
  }
}
