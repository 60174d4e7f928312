package hv.measures;

import hv.family.CountableRow;
import hv.family.Episode;
import hv.family.Family;
import hv.family.ServiceReferral;
import hv.time.Period;
import hv.time.RunPeriods;
import hv.time.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * PM17 Completed depression referrals. Unit: PC episode.
 *
 * <ul>
 *   <li>Denominator: episodes with a {@code DEPRESSION_SERVICES} caregiver referral dated in
 *       P, on a day the episode was enrolled, that has a {@code POSITIVE} valid caregiver
 *       {@code DEPRESSION} screening dated in {@code [enrollment_date, referral_date]}.
 *   <li>Numerator: at least one such referral has {@code first_service_date ≤ P.end}.
 *   <li>Missing: no rule.
 * </ul>
 * Only episodes with such a referral are emitted; the window is the days of P enrolled.
 * Evidence: the first such referral served by P.end, else the first such referral.
 */
public final class Pm17CompletedDepressionReferral implements Measure {

  public static final String CODE = "PM17";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Period p : periods.federal()) {
      for (EpisodeInPeriod active : EpisodeInPeriod.of(family, p)) {
        Optional<ServiceReferral> decisive = referralsAfterPositiveScreening(active.episode()).stream()
            .filter(r -> active.window().contains(r.referralDate()))
            .min(Comparator.comparing((ServiceReferral r) -> servedBy(r, p) ? 0 : 1).thenComparing(CountableRow.ORDER));
        if (decisive.isEmpty()) {
          continue;
        }
        boolean served = servedBy(decisive.get(), p);
        units.add(active.unit(CODE)
            .window(active.window())
            .achieved(served)
            .evidence(decisive.get())
            .note(served ? "depression referral after a positive screening served by the period's end"
                : "depression referral after a positive screening not served by the period's end"));
      }
    }
    return units;
  }

  /**
   * The episode's caregiver {@code DEPRESSION_SERVICES} referrals with a positive valid
   * caregiver depression screening of the episode dated in {@code [enrollment_date, referral_date]}.
   */
  private static List<ServiceReferral> referralsAfterPositiveScreening(Episode e) {
    return e.caregiverRows().referrals().stream()
        .filter(r -> r.service().equals("DEPRESSION_SERVICES") && r.referralDate() != null)
        .filter(r -> e.caregiverRows().screenings().stream().anyMatch(s -> s.isPositive("DEPRESSION")
            && Span.of(e.enrollment().enrollmentDate(), r.referralDate()).contains(s.screeningDate())))
        .toList();
  }

  private static boolean servedBy(ServiceReferral r, Period p) {
    return r.firstServiceDate() != null && !r.firstServiceDate().isAfter(p.end());
  }
}
