package hv.measures;

import hv.family.Episode;
import hv.family.Family;
import hv.time.Period;
import hv.time.RunPeriods;
import hv.time.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The eligibility RC1 and RC2 share: an episode of any caregiver with {@code enrollment_date}
 * in the SFY period P, all eligible (no further condition). The window and the evidence date
 * are the enrollment day itself; no child is involved.
 */
record EnrolledInPeriod(Period period, Episode episode) {

  static List<EnrolledInPeriod> of(Family family, RunPeriods periods) {
    List<EnrolledInPeriod> enrolled = new ArrayList<>();
    for (Period p : periods.state()) {
      for (Episode e : family.episodes()) {
        if (p.days().contains(e.enrollment().enrollmentDate())) {
          enrolled.add(new EnrolledInPeriod(p, e));
        }
      }
    }
    return enrolled;
  }

  /** The episode's unit in P, eligible, its window and evidence date the enrollment day. */
  Unit unit(String code) {
    LocalDate day = episode.enrollment().enrollmentDate();
    return Unit.of(period, code, episode).window(Span.of(day, day)).evidence(day, null);
  }
}
