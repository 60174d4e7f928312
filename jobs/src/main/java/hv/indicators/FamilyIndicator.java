package hv.indicators;

import hv.family.Family;
import hv.time.RunPeriods;
import java.io.Serializable;
import java.util.List;

/** A service delivery indicator (or its part) counted on families: a family's facts in every frame of the run. */
public interface FamilyIndicator extends Serializable {

  List<Fact> facts(Family family, RunPeriods periods);
}
