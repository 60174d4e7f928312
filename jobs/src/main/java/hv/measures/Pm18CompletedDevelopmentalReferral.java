package hv.measures;

import hv.family.Family;
import hv.family.Screening;
import hv.family.ServiceReferral;
import hv.time.Period;
import hv.time.RunPeriods;
import hv.time.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PM18 Completed developmental referrals. Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children with a {@code POSITIVE} valid child {@code DEVELOPMENT}
 *       screening dated in P on a day the child was enrolled; {@code s} = the first such date.
 *   <li>Numerator: for the child, a {@code HOME_VISITOR_DEVELOPMENTAL_SUPPORT} referral with
 *       {@code first_service_date} in {@code [s, s + 30 days]}, or an
 *       {@code EARLY_INTERVENTION} referral with {@code referral_date ≥ s} and
 *       {@code first_service_date ≤ referral_date + 45 days}, or a {@code DEVELOPMENTAL_OTHER}
 *       referral with {@code referral_date ≥ s} and
 *       {@code first_service_date ≤ referral_date + 30 days}; in every case
 *       {@code first_service_date ≤ P.end}.
 *   <li>Missing: no rule.
 * </ul>
 * Only children with such a screening are emitted; the unit's window is {@code [s, P.end]}.
 * Evidence: the first referral that completes.
 */
public final class Pm18CompletedDevelopmentalReferral implements Measure {

  public static final String CODE = "PM18";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Period p : periods.federal()) {
      for (IndexChildInPeriod child : IndexChildInPeriod.of(family, p)) {
        Optional<Screening> positive = Rules.first(child.rows().screenings().stream()
            .filter(s -> s.isPositive("DEVELOPMENT") && child.window().contains(s.screeningDate())));
        if (positive.isEmpty()) {
          continue;
        }
        LocalDate s = positive.get().screeningDate();
        Optional<ServiceReferral> completed = Rules.first(child.rows().referrals().stream()
            .filter(r -> completesInTime(r, s, p.end())));
        units.add(child.child().unit(p, CODE)
            .window(Span.of(s, p.end()))
            .achieved(completed.isPresent())
            .evidence(completed.orElse(null))
            .note(completed.isPresent() ? "developmental referral served in time after the first positive screening"
                : "no developmental referral served in time after the first positive screening"));
      }
    }
    return units;
  }

  /** A referral of one of the three kinds served within its kind's window, and by P.end. */
  private static boolean completesInTime(ServiceReferral r, LocalDate s, LocalDate periodEnd) {
    LocalDate served = r.firstServiceDate();
    if (served == null || served.isAfter(periodEnd)) {
      return false;
    }
    return switch (r.service()) {
      case "HOME_VISITOR_DEVELOPMENTAL_SUPPORT" -> Span.of(s, s.plusDays(30)).contains(served);
      case "EARLY_INTERVENTION" -> servedWithinDaysOfReferral(r, s, 45);
      case "DEVELOPMENTAL_OTHER" -> servedWithinDaysOfReferral(r, s, 30);
      default -> false;
    };
  }

  /** Referred on or after s and first served within the days of the referral. */
  private static boolean servedWithinDaysOfReferral(ServiceReferral r, LocalDate s, int days) {
    return !r.referralDate().isBefore(s) && !r.firstServiceDate().isAfter(r.referralDate().plusDays(days));
  }
}
