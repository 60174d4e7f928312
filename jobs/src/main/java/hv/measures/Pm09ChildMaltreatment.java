package hv.measures;

import hv.family.Family;
import hv.family.HealthEvent;
import hv.time.Period;
import hv.time.RunPeriods;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PM09 Child maltreatment (lower is better). Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children active in P.
 *   <li>Numerator: children with at least one {@code MALTREATMENT_INVESTIGATION} event dated
 *       in P on a day the child was enrolled.
 *   <li>Missing: no rule.
 * </ul>
 * Evidence: the first such event.
 */
public final class Pm09ChildMaltreatment implements Measure {

  public static final String CODE = "PM09";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Period p : periods.federal()) {
      for (IndexChildInPeriod child : IndexChildInPeriod.of(family, p)) {
        Optional<HealthEvent> first = Rules.first(child.rows().events().stream()
            .filter(e -> e.eventType().equals("MALTREATMENT_INVESTIGATION") && child.window().contains(e.eventDate())));
        units.add(child.unit(CODE)
            .achieved(first.isPresent())
            .evidence(first.orElse(null))
            .note(first.isPresent() ? "maltreatment investigation in the period while enrolled"
                : "no maltreatment investigation in the period while enrolled"));
      }
    }
    return units;
  }
}
