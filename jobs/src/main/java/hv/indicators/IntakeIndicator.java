package hv.indicators;

import hv.family.IntakeReferral;
import hv.time.RunPeriods;
import java.io.Serializable;
import java.util.List;

/** A service delivery indicator counted on intake referrals, enrolled or not: one referral's facts in every frame. */
public interface IntakeIndicator extends Serializable {

  List<Fact> facts(IntakeReferral referral, RunPeriods periods);
}
