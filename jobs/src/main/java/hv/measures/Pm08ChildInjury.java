package hv.measures;

import hv.family.Family;
import hv.family.HealthEvent;
import hv.time.Period;
import hv.time.RunPeriods;
import java.util.ArrayList;
import java.util.List;

/**
 * PM08 Child injury: a rate of events per child, not a percentage. Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children active in P.
 *   <li>Numerator: the number of the child's {@code ED_VISIT_INJURY} events dated in P on
 *       days the child was enrolled (each row counts; two on one day count twice).
 *   <li>Missing: no rule.
 * </ul>
 * Evidence: the first such event.
 */
public final class Pm08ChildInjury implements Measure {

  public static final String CODE = "PM08";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Period p : periods.federal()) {
      for (IndexChildInPeriod child : IndexChildInPeriod.of(family, p)) {
        List<HealthEvent> injuries = child.rows().events().stream()
            .filter(e -> e.eventType().equals("ED_VISIT_INJURY") && child.window().contains(e.eventDate()))
            .toList();
        units.add(child.unit(CODE)
            .numerator(injuries.size())
            .evidence(Rules.first(injuries.stream()).orElse(null))
            .note(injuries.size() + " injury ED visits in the period while enrolled"));
      }
    }
    return units;
  }
}
