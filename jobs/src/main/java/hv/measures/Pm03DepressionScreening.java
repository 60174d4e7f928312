package hv.measures;

import hv.family.Episode;
import hv.family.Family;
import hv.time.Dates;
import hv.time.RunPeriods;
import hv.time.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PM03 Depression screening. Unit: PC episode.
 *
 * <ul>
 *   <li>Window: {@code [enrollment_date, enrollment_date + 3 months]} when not pregnant at
 *       enrollment; {@code [delivery, delivery + 3 months]} when pregnant at enrollment (no
 *       delivery yet: no window, not in the denominator). {@code w} = the window's end.
 *   <li>Denominator: episodes whose {@code w} is in P and that are enrolled on {@code w}.
 *   <li>Numerator: a valid caregiver {@code DEPRESSION} screening dated in the window.
 *   <li>Missing: no rule.
 * </ul>
 * Emitted but outside the denominator: window end in P, not enrolled on it.
 */
public final class Pm03DepressionScreening implements Measure {

  public static final String CODE = "PM03";
  private static final EpisodeWindow.Notes NOTES = new EpisodeWindow.Notes("not enrolled on window end",
      "valid depression screening in window", "no valid depression screening in window");

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Episode e : family.primaryCaregiverEpisodes()) {
      Optional<LocalDate> start = e.enrollment().pregnantAtEnrollment() ? e.delivery()
          : Optional.of(e.enrollment().enrollmentDate());
      start.ifPresent(s -> units.addAll(new EpisodeWindow(e, Span.of(s, Dates.plusMonths(s, 3))).units(CODE, periods,
          e.caregiverRows().screenings().stream().filter(x -> x.isValid("DEPRESSION")).toList(), NOTES)));
    }
    return units;
  }
}
