package hv.indicators;

import hv.family.IntakeReferral;
import hv.time.Frame;
import hv.time.RunPeriods;
import java.util.ArrayList;
import java.util.List;

/**
 * Priority population reach: of the intake referrals screened in the frame with any priority
 * flag, the share enrolled ({@code outcome = ENROLLED}).
 */
public final class PriorityPopulationReach implements IntakeIndicator {

  @Override
  public List<Fact> facts(IntakeReferral referral, RunPeriods periods) {
    List<Fact> facts = new ArrayList<>();
    if (!referral.hasPriorityFlag()) {
      return facts;
    }
    for (Frame f : periods.frames()) {
      if (f.days().contains(referral.screenedDate())) {
        facts.add(Fact.share(f, referral.programId(), "priority_population_reach",
            "ENROLLED".equals(referral.outcome())));
      }
    }
    return facts;
  }
}
