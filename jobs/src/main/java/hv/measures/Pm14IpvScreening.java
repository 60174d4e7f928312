package hv.measures;

import hv.family.Episode;
import hv.family.Family;
import hv.time.Dates;
import hv.time.RunPeriods;
import hv.time.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * PM14 IPV screening. Unit: PC episode.
 *
 * <ul>
 *   <li>Denominator: episodes whose day {@code enrollment_date + 6 months} is in P and that
 *       are enrolled on that day.
 *   <li>Numerator: a valid caregiver {@code IPV} screening dated in
 *       {@code [enrollment_date, enrollment_date + 6 months]}.
 *   <li>Missing: no rule.
 * </ul>
 * Emitted but outside the denominator: 6-month day in P, not enrolled on it.
 */
public final class Pm14IpvScreening implements Measure {

  public static final String CODE = "PM14";
  private static final EpisodeWindow.Notes NOTES = new EpisodeWindow.Notes("not enrolled on enrollment + 6 months",
      "valid IPV screening within 6 months of enrollment", "no valid IPV screening within 6 months of enrollment");

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Episode e : family.primaryCaregiverEpisodes()) {
      Span window = Span.of(e.enrollment().enrollmentDate(), Dates.plusMonths(e.enrollment().enrollmentDate(), 6));
      units.addAll(new EpisodeWindow(e, window).units(CODE, periods,
          e.caregiverRows().screenings().stream().filter(s -> s.isValid("IPV")).toList(), NOTES));
    }
    return units;
  }
}
