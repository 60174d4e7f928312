package hv.measures;

import hv.family.Family;
import hv.family.HealthEvent;
import hv.time.Dates;
import hv.time.Period;
import hv.time.RunPeriods;
import hv.time.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PM04 Well-child visit. Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children active in P that have a last recommended visit: with
 *       reference day {@code r = min(P.end, the child's effective exit)}, the visit due at
 *       age {@code a} (5 days; 1, 2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60 months) has due
 *       day {@code u = birth_date + a} and window {@code [u − 14 days, u + 60 days]}; the last
 *       recommended visit is the one with the latest due day whose window ends on or before
 *       {@code r}.
 *   <li>Numerator: a {@code WELL_CHILD_VISIT} event of the child dated in that window.
 *   <li>Missing: no rule.
 * </ul>
 * Emitted but outside the denominator: active in P with no visit window ended by {@code r}
 * (no window on the unit). Evidence: the first such visit.
 */
public final class Pm04WellChildVisit implements Measure {

  public static final String CODE = "PM04";
  static final int DUE_DAYS_FIRST_VISIT = 5;
  static final List<Integer> DUE_MONTHS = List.of(1, 2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60);

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Period p : periods.federal()) {
      for (IndexChildInPeriod child : IndexChildInPeriod.of(family, p)) {
        // r = min(P.end, effective exit): the end of the days of P enrolled
        Optional<Span> window = lastRecommendedVisit(child.child().child().birthDate(), child.window().end())
            .map(u -> Span.of(u.minusDays(14), u.plusDays(60)));
        Optional<HealthEvent> first = window.flatMap(w -> Rules.first(child.rows().events().stream()
            .filter(e -> e.eventType().equals("WELL_CHILD_VISIT") && w.contains(e.eventDate()))));
        Unit unit = child.child().unit(p, CODE)
            .inDenominator(window.isPresent())
            .achieved(first.isPresent())
            .evidence(first.orElse(null))
            .note(window.isEmpty() ? "no recommended visit window ended yet"
                : first.isPresent() ? "well-child visit in the last recommended window"
                : "no well-child visit in the last recommended window");
        units.add(window.map(unit::window).orElse(unit));
      }
    }
    return units;
  }

  /** The latest due day whose window {@code [u − 14 days, u + 60 days]} ends on or before {@code r}. */
  private static Optional<LocalDate> lastRecommendedVisit(LocalDate birth, LocalDate r) {
    if (birth == null) {
      return Optional.empty();
    }
    List<LocalDate> dues = new ArrayList<>(List.of(birth.plusDays(DUE_DAYS_FIRST_VISIT)));
    DUE_MONTHS.forEach(m -> dues.add(Dates.plusMonths(birth, m)));
    return dues.stream().filter(u -> !u.plusDays(60).isAfter(r)).max(LocalDate::compareTo);
  }
}
