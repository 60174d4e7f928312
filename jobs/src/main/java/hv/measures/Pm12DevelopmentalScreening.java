package hv.measures;

import hv.family.Family;
import hv.family.Screening;
import hv.time.Dates;
import hv.time.Period;
import hv.time.RunPeriods;
import hv.time.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * PM12 Developmental screening. Unit: index child.
 *
 * <ul>
 *   <li>Windows (age, each from {@code birth_date}): 9-month {@code [8 months, 10 months]},
 *       18-month {@code [17 months, 19 months]}, 24/30-month {@code [23 months, 31 months]}.
 *   <li>Denominator: index children with a screening window that ends in P and that were
 *       enrolled on the window's first day and on its last. When two such windows (both
 *       meeting the enrollment condition) end in P, the later one counts.
 *   <li>Numerator: a valid child {@code DEVELOPMENT} screening dated in that window.
 *   <li>Missing: no rule.
 * </ul>
 * Emitted but outside the denominator: a window ends in P, but the child was not enrolled on
 * the first and last day of any window ending in P (the latest such window is shown).
 * Evidence: the first such screening.
 */
public final class Pm12DevelopmentalScreening implements Measure {

  public static final String CODE = "PM12";

  /** A screening window by age: {@code [birth_date + fromMonths, birth_date + toMonths]}. */
  record AgeWindow(String name, int fromMonths, int toMonths) {
    Span of(LocalDate birth) {
      return Span.of(Dates.plusMonths(birth, fromMonths), Dates.plusMonths(birth, toMonths));
    }
  }

  static final List<AgeWindow> WINDOWS = List.of(
      new AgeWindow("9-month", 8, 10), new AgeWindow("18-month", 17, 19), new AgeWindow("24/30-month", 23, 31));

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (IndexChild child : IndexChild.of(family)) {
      for (Period p : periods.federal()) {
        // of the windows ending in P, one meeting the enrollment condition wins, then the later one
        Optional<AgeWindow> counted = WINDOWS.stream()
            .filter(w -> p.days().contains(w.of(child.child().birthDate()).end()))
            .max(Comparator.comparing((AgeWindow w) -> enrolledOnBothEnds(child, w))
                .thenComparing(w -> w.of(child.child().birthDate()).end()));
        if (counted.isEmpty()) {
          continue;
        }
        AgeWindow w = counted.get();
        Span window = w.of(child.child().birthDate());
        boolean enrolled = enrolledOnBothEnds(child, w);
        Optional<Screening> first = Rules.first(child.rows().screenings().stream()
            .filter(s -> s.isValid("DEVELOPMENT") && window.contains(s.screeningDate())));
        units.add(child.unit(p, CODE)
            .inDenominator(enrolled)
            .achieved(first.isPresent())
            .window(window)
            .evidence(first.orElse(null))
            .note(!enrolled ? "not enrolled on the first and last day of a screening window ending in the period"
                : (first.isPresent() ? "valid" : "no valid") + " developmental screening in the " + w.name() + " window"));
      }
    }
    return units;
  }

  private static boolean enrolledOnBothEnds(IndexChild child, AgeWindow w) {
    Span window = w.of(child.child().birthDate());
    return child.enrolled().contains(window.start()) && child.enrolled().contains(window.end());
  }
}
