package hv.indicators;

import hv.family.Episode;
import hv.family.Family;
import hv.family.HomeVisit;
import hv.time.Frame;
import hv.time.RunPeriods;
import java.util.ArrayList;
import java.util.List;

/**
 * Visit completion: of all scheduled visits of PC episodes dated in the frame (completed,
 * missed, cancelled: all were scheduled), the share completed.
 */
public final class VisitCompletion implements FamilyIndicator {

  @Override
  public List<Fact> facts(Family family, RunPeriods periods) {
    List<Fact> facts = new ArrayList<>();
    for (Episode e : family.primaryCaregiverEpisodes()) {
      for (HomeVisit v : e.visits()) {
        for (Frame f : periods.frames()) {
          if (f.days().contains(v.visitDate())) {
            facts.add(Fact.share(f, e.programId(), "visit_completion", v.isCompleted()));
          }
        }
      }
    }
    return facts;
  }
}
