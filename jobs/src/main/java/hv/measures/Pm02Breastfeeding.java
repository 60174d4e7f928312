package hv.measures;

import hv.family.Answer;
import hv.family.Family;
import hv.time.Dates;
import hv.time.Period;
import hv.time.RunPeriods;
import hv.time.Span;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * PM02 Breastfeeding. Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children of episodes with a delivery (so enrolled prenatally)
 *       whose 6-month birthday {@code s = birth_date + 6 months} is in P and who (the
 *       children) are enrolled on {@code s}.
 *   <li>Numerator: the {@code BREASTFEEDING_ANY} answer for the child in
 *       {@code [s − 30 days, s + 30 days]} nearest to {@code s} (on a tie, the later one) is
 *       {@code Y}.
 *   <li>Missing: no such answer in that window.
 * </ul>
 * Emitted but outside the denominator: 6-month birthday in P, child not enrolled on it.
 */
public final class Pm02Breastfeeding implements Measure {

  public static final String CODE = "PM02";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (IndexChild child : IndexChild.of(family)) {
      if (child.episode().delivery().isEmpty()) {
        continue;
      }
      LocalDate s = Dates.plusMonths(child.child().birthDate(), 6);
      Span window = Span.of(s.minusDays(30), s.plusDays(30));
      boolean enrolled = child.enrolled().contains(s);
      Optional<Answer> nearest = child.rows().answers().stream()
          .filter(a -> a.item().equals("BREASTFEEDING_ANY") && window.contains(a.assessmentDate()))
          .min(Comparator.comparing((Answer a) -> Math.abs(ChronoUnit.DAYS.between(s, a.assessmentDate())))
              .thenComparing(Answer::assessmentDate, Comparator.reverseOrder())
              .thenComparing(Answer::assessmentId, Comparator.reverseOrder()));
      boolean breastfed = nearest.map(a -> "Y".equals(a.value())).orElse(false);
      for (Period p : periods.federal()) {
        if (p.days().contains(s)) {
          units.add(child.unit(p, CODE)
              .inDenominator(enrolled)
              .missing(enrolled && nearest.isEmpty())
              .achieved(breastfed)
              .window(window)
              .evidence(nearest.orElse(null))
              .note(!enrolled ? "child not enrolled on 6-month birthday"
                  : nearest.isEmpty() ? "no breastfeeding answer within 30 days of 6-month birthday"
                  : breastfed ? "nearest breastfeeding answer is Y" : "nearest breastfeeding answer is N"));
        }
      }
    }
    return units;
  }
}
