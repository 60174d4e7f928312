package hv.indicators;

import hv.family.IntakeReferral;
import hv.time.Frame;
import hv.time.RunPeriods;
import java.util.ArrayList;
import java.util.List;

/**
 * Waitlist: intake referrals whose outcome is {@code WAITLISTED}, counted on each frame's last
 * day on or after their referral_date. Outcomes have no history in the extract: a past
 * month-end counts the outcome as held now.
 */
public final class Waitlist implements IntakeIndicator {

  @Override
  public List<Fact> facts(IntakeReferral referral, RunPeriods periods) {
    List<Fact> facts = new ArrayList<>();
    if (!"WAITLISTED".equals(referral.outcome()) || referral.referralDate() == null) {
      return facts;
    }
    for (Frame f : periods.frames()) {
      if (!referral.referralDate().isAfter(f.end())) {
        facts.add(Fact.count(f, referral.programId(), "waitlist"));
      }
    }
    return facts;
  }
}
