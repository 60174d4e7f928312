package hv.indicators;

import hv.family.Episode;
import hv.family.Family;
import hv.time.Dates;
import hv.time.Frame;
import hv.time.RunPeriods;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Six-month retention: of the PC episodes whose {@code enrollment_date + 6 months} is in the
 * frame, the share still enrolled on that day.
 */
public final class SixMonthRetention implements FamilyIndicator {

  @Override
  public List<Fact> facts(Family family, RunPeriods periods) {
    List<Fact> facts = new ArrayList<>();
    for (Episode e : family.primaryCaregiverEpisodes()) {
      LocalDate milestone = Dates.plusMonths(e.enrollment().enrollmentDate(), 6);
      for (Frame f : periods.frames()) {
        if (f.days().contains(milestone)) {
          facts.add(Fact.share(f, e.programId(), "six_month_retention", e.enrolled().contains(milestone)));
        }
      }
    }
    return facts;
  }
}
