package hv.measures;

import hv.family.Family;
import hv.family.Screening;
import hv.family.ServiceReferral;
import hv.time.Period;
import hv.time.RunPeriods;
import hv.time.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PM19 IPV referrals. Unit: PC episode.
 *
 * <ul>
 *   <li>Denominator: episodes with a {@code POSITIVE} valid caregiver {@code IPV} screening
 *       dated in P on a day the episode was enrolled; {@code s} = the first such date.
 *   <li>Numerator: a caregiver {@code IPV_RESOURCES} referral with {@code referral_date} in
 *       {@code [s, P.end]} (the window of the unit row).
 *   <li>Missing: no rule.
 * </ul>
 * Only episodes with such a screening are emitted. Evidence: the first such referral.
 */
public final class Pm19IpvReferral implements Measure {

  public static final String CODE = "PM19";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Period p : periods.federal()) {
      for (EpisodeInPeriod active : EpisodeInPeriod.of(family, p)) {
        Optional<Screening> positive = Rules.first(active.episode().caregiverRows().screenings().stream()
            .filter(s -> s.isPositive("IPV") && active.window().contains(s.screeningDate())));
        if (positive.isEmpty()) {
          continue;
        }
        Span window = Span.of(positive.get().screeningDate(), p.end());
        Optional<ServiceReferral> first = Rules.first(active.episode().caregiverRows().referrals().stream()
            .filter(r -> r.service().equals("IPV_RESOURCES") && window.contains(r.referralDate())));
        units.add(active.unit(CODE)
            .window(window)
            .achieved(first.isPresent())
            .evidence(first.orElse(null))
            .note(first.isPresent() ? "IPV resources referral from the first positive screening to the period's end"
                : "no IPV resources referral from the first positive screening to the period's end"));
      }
    }
    return units;
  }
}
