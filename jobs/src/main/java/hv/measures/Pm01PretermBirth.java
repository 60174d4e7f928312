package hv.measures;

import hv.family.Family;
import hv.time.Period;
import hv.time.RunPeriods;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * PM01 Preterm birth (lower is better). Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children with {@code birth_date} in P whose episode has
 *       {@code pregnant_at_enrollment = Y}, {@code gestational_weeks_at_enrollment < 37}
 *       (empty is not below 37), and {@code enrollment_date ≤ birth_date}. No enrollment
 *       condition on the birth day.
 *   <li>Numerator: {@code gestational_age_weeks < 37}.
 *   <li>Missing: {@code gestational_age_weeks} empty.
 * </ul>
 * Emitted: index children of episodes pregnant at enrollment born in P; the window is P, the
 * evidence date the birth.
 */
public final class Pm01PretermBirth implements Measure {

  public static final String CODE = "PM01";
  static final int TERM_WEEKS = 37;

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (IndexChild child : IndexChild.of(family)) {
      LocalDate birth = child.child().birthDate();
      if (!child.episode().enrollment().pregnantAtEnrollment() || birth == null) {
        continue;
      }
      Integer weeksAtEnrollment = child.episode().enrollment().gestationalWeeksAtEnrollment();
      boolean enrolledEarlyEnough = weeksAtEnrollment != null && weeksAtEnrollment < TERM_WEEKS;
      boolean enrolledBeforeBirth = !child.episode().enrollment().enrollmentDate().isAfter(birth);
      Integer weeksAtBirth = child.child().gestationalAgeWeeks();
      boolean eligible = enrolledEarlyEnough && enrolledBeforeBirth;
      boolean preterm = weeksAtBirth != null && weeksAtBirth < TERM_WEEKS;
      for (Period p : periods.federal()) {
        if (p.days().contains(birth)) {
          units.add(child.unit(p, CODE)
              .inDenominator(eligible)
              .missing(eligible && weeksAtBirth == null)
              .achieved(preterm)
              .window(p.days())
              .evidence(birth, null)
              .note(!enrolledEarlyEnough ? "gestational weeks at enrollment not below 37 or unknown"
                  : !enrolledBeforeBirth ? "born before enrollment"
                  : weeksAtBirth == null ? "gestational age at birth unknown"
                  : preterm ? "born before 37 weeks" : "born at 37 weeks or later"));
        }
      }
    }
    return units;
  }
}
