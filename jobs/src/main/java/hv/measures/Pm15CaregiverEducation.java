package hv.measures;

import hv.family.Answer;
import hv.family.CountableRow;
import hv.family.Episode;
import hv.family.Family;
import hv.time.Period;
import hv.time.RunPeriods;
import hv.time.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * PM15 Primary caregiver education. Unit: PC episode.
 *
 * <ul>
 *   <li>Denominator: episodes active in P with {@code education_at_enrollment = LT_HS}.
 *   <li>Numerator: an {@code IN_SCHOOL = Y} answer dated in
 *       {@code [max(P.start, enrollment_date), end(E, P)]}, or any {@code EDUCATION_COMPLETED}
 *       answer dated in {@code [enrollment_date, end(E, P)]}.
 *   <li>Missing: no caregiver {@code IN_SCHOOL} or {@code EDUCATION_COMPLETED} answer dated in
 *       {@code [enrollment_date, end(E, P)]}.
 * </ul>
 * Window: {@code [enrollment_date, end(E, P)]}. Evidence: the first answer that achieves the
 * numerator, else the first answer of either item (which makes the unit not missing).
 */
public final class Pm15CaregiverEducation implements Measure {

  public static final String CODE = "PM15";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Period p : periods.federal()) {
      for (EpisodeInPeriod active : EpisodeInPeriod.of(family, p)) {
        Episode e = active.episode();
        if (!"LT_HS".equals(e.enrollment().educationAtEnrollment())) {
          continue;
        }
        Span window = Span.of(e.enrollment().enrollmentDate(), active.end());
        LocalDate inSchoolFrom = active.window().start();
        Optional<Answer> decisive = e.caregiverRows().answers().stream()
            .filter(a -> (a.item().equals("IN_SCHOOL") || a.item().equals("EDUCATION_COMPLETED"))
                && window.contains(a.assessmentDate()))
            .min(Comparator.comparing((Answer a) -> rank(a, inSchoolFrom)).thenComparing(CountableRow.ORDER));
        boolean achieved = decisive.map(a -> rank(a, inSchoolFrom) == ACHIEVES).orElse(false);
        units.add(active.unit(CODE)
            .window(window)
            .missing(decisive.isEmpty())
            .achieved(achieved)
            .evidence(decisive.orElse(null))
            .note(decisive.isEmpty() ? "no in-school or education-completed answer since enrollment"
                : decisive.get().item().equals("EDUCATION_COMPLETED") ? "education completed since enrollment"
                : achieved ? "in school during the period"
                : "not in school during the period, no education completed"));
      }
    }
    return units;
  }

  private static final int ACHIEVES = 0;

  /**
   * 0: the answer achieves the numerator (any education completed since enrollment, or in
   * school on a day of P: an earlier in-school answer says nothing of P); 1: it does not; 2: an
   * empty in-school value dated in P (says neither, and ranks last, as the DataFrame class's
   * three-valued order did).
   */
  private static int rank(Answer a, LocalDate inSchoolFrom) {
    if (a.item().equals("EDUCATION_COMPLETED")) {
      return ACHIEVES;
    }
    if (a.assessmentDate().isBefore(inSchoolFrom)) {
      return 1;
    }
    return a.value() == null ? 2 : a.value().equals("Y") ? ACHIEVES : 1;
  }
}
