package hv.measures;

import hv.family.Episode;
import hv.family.Family;
import hv.family.Screening;
import hv.time.Dates;
import hv.time.Period;
import hv.time.RunPeriods;
import hv.time.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * PM10 Parent–child interaction. Unit: PC episode.
 *
 * <ul>
 *   <li>Denominator: episodes active in P whose index child has
 *       {@code child_enrollment_date + 4 months ≤ end(E, P)} (the episode's end, also when
 *       the index child has left).
 *   <li>Numerator: a valid {@code PARENT_CHILD_INTERACTION} observation that is a caregiver
 *       row of the episode or a row of its index child, dated in
 *       {@code [max(P.start, child_enrollment_date), end(E, P)]}.
 *   <li>Missing: no rule.
 * </ul>
 * Emitted but outside the denominator: active in P with an index child enrolled less than
 * 4 months by {@code end(E, P)}. Evidence: the first such observation.
 */
public final class Pm10ParentChildInteraction implements Measure {

  public static final String CODE = "PM10";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (IndexChild child : IndexChild.of(family)) {
      Episode e = child.episode();
      LocalDate childEnrolled = child.child().childEnrollmentDate();
      List<Screening> observations = Stream.concat(e.caregiverRows().screenings().stream(),
              child.rows().screenings().stream())
          .filter(s -> s.isValid("PARENT_CHILD_INTERACTION")).toList();
      for (Period p : periods.federal()) {
        Span daysEnrolled = e.enrolled().clip(p.days());
        if (daysEnrolled.isEmpty()) {
          continue;
        }
        LocalDate end = daysEnrolled.end(); // end(E, P)
        boolean fourMonths = childEnrolled != null && !Dates.plusMonths(childEnrolled, 4).isAfter(end);
        Span window = Span.of(childEnrolled == null ? p.start() : Dates.later(p.start(), childEnrolled), end);
        Optional<Screening> first = Rules.first(observations.stream().filter(s -> window.contains(s.screeningDate())));
        units.add(Unit.of(p, CODE, e)
            .inDenominator(fourMonths)
            .achieved(first.isPresent())
            .window(window)
            .evidence(first.orElse(null))
            .note(!fourMonths ? "index child enrolled less than 4 months by the episode's end in the period"
                : first.isPresent() ? "valid parent-child interaction observation in the period"
                : "no valid parent-child interaction observation in the period"));
      }
    }
    return units;
  }
}
