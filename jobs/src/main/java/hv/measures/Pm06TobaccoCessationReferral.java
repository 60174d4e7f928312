package hv.measures;

import hv.family.Episode;
import hv.family.Family;
import hv.time.Dates;
import hv.time.RunPeriods;
import hv.time.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * PM06 Tobacco cessation referrals. Unit: PC episode.
 *
 * <ul>
 *   <li>Denominator: episodes with {@code tobacco_use_at_enrollment = Y} whose day
 *       {@code enrollment_date + 3 months} is in P and that are enrolled on that day.
 *   <li>Numerator: a caregiver {@code TOBACCO_CESSATION} referral with {@code referral_date}
 *       in {@code [enrollment_date, enrollment_date + 3 months]}.
 *   <li>Missing: no rule.
 * </ul>
 * Emitted but outside the denominator: 3-month day in P, not enrolled on it.
 */
public final class Pm06TobaccoCessationReferral implements Measure {

  public static final String CODE = "PM06";
  private static final EpisodeWindow.Notes NOTES = new EpisodeWindow.Notes("not enrolled on enrollment + 3 months",
      "tobacco cessation referral within 3 months of enrollment",
      "no tobacco cessation referral within 3 months of enrollment");

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Episode e : family.primaryCaregiverEpisodes()) {
      if (Boolean.TRUE.equals(e.enrollment().tobaccoUseAtEnrollment())) {
        Span window = Span.of(e.enrollment().enrollmentDate(), Dates.plusMonths(e.enrollment().enrollmentDate(), 3));
        units.addAll(new EpisodeWindow(e, window).units(CODE, periods, e.caregiverRows().referrals().stream()
            .filter(r -> r.service().equals("TOBACCO_CESSATION")).toList(), NOTES));
      }
    }
    return units;
  }
}
