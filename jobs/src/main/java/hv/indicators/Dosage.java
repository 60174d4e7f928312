package hv.indicators;

import hv.family.Episode;
import hv.family.Family;
import hv.time.Frame;
import hv.time.RunPeriods;
import hv.time.Span;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * Dosage: completed visits in the frame / planned visits in the frame, per PC episode active
 * in it with {@code planned_visits_per_month}: the completed visits dated in the frame on a
 * day enrolled, over {@code planned_visits_per_month} × the months enrolled in the frame, each
 * calendar month pro rata by its days enrolled.
 */
public final class Dosage implements FamilyIndicator {

  @Override
  public List<Fact> facts(Family family, RunPeriods periods) {
    List<Fact> facts = new ArrayList<>();
    for (Episode e : family.primaryCaregiverEpisodes()) {
      Integer perMonth = e.enrollment().plannedVisitsPerMonth();
      if (perMonth == null) {
        continue;
      }
      for (Frame f : periods.frames()) {
        Span enrolled = e.enrolled().clip(f.days());
        if (enrolled.isEmpty()) {
          continue;
        }
        long completed = e.visits().stream()
            .filter(v -> v.isCompleted() && enrolled.contains(v.visitDate())).count();
        facts.add(Fact.ratio(f, e.programId(), "dosage", (double) completed, planned(enrolled, perMonth)));
      }
    }
    return facts;
  }

  /** Planned visits over the days enrolled: per calendar month, its share of days enrolled × planned per month. */
  private static double planned(Span enrolled, int perMonth) {
    DoubleStream.Builder months = DoubleStream.builder();
    YearMonth last = YearMonth.from(enrolled.end());
    for (YearMonth m = YearMonth.from(enrolled.start()); !m.isAfter(last); m = m.plusMonths(1)) {
      LocalDate from = enrolled.start().isAfter(m.atDay(1)) ? enrolled.start() : m.atDay(1);
      LocalDate to = enrolled.end().isBefore(m.atEndOfMonth()) ? enrolled.end() : m.atEndOfMonth();
      double daysEnrolled = ChronoUnit.DAYS.between(from, to) + 1;
      months.add(daysEnrolled / m.lengthOfMonth() * perMonth);
    }
    return ExactTotal.of(months.build());
  }
}
