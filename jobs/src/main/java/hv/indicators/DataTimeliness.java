package hv.indicators;

import hv.family.Episode;
import hv.family.Family;
import hv.family.HomeVisit;
import hv.time.Frame;
import hv.time.RunPeriods;
import java.util.ArrayList;
import java.util.List;

/**
 * Data timeliness: of the visits dated in the frame, the share whose {@code created_at} is on
 * or before the 15th of the month after {@code visit_date}. Every visit counts, of every
 * episode (data entry is not a federal count: no PC restriction).
 */
public final class DataTimeliness implements FamilyIndicator {

  @Override
  public List<Fact> facts(Family family, RunPeriods periods) {
    List<Fact> facts = new ArrayList<>();
    for (Episode e : family.episodes()) {
      for (HomeVisit v : e.visits()) {
        for (Frame f : periods.frames()) {
          if (f.days().contains(v.visitDate())) {
            facts.add(Fact.share(f, e.programId(), "data_timeliness", v.enteredOnTime()));
          }
        }
      }
    }
    return facts;
  }
}
