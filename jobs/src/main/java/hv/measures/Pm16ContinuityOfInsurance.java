package hv.measures;

import hv.family.Answer;
import hv.family.Episode;
import hv.family.Family;
import hv.time.Dates;
import hv.time.Period;
import hv.time.RunPeriods;
import hv.time.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PM16 Continuity of insurance. Unit: PC episode.
 *
 * <ul>
 *   <li>Denominator: episodes active in P with {@code enrollment_date + 6 months ≤ end(E, P)}.
 *   <li>Numerator: covered for at least 6 consecutive months inside
 *       {@code [enrollment_date, end(E, P)]}: the status on each day is the latest of
 *       {@code insurance_at_enrollment} (as of {@code enrollment_date}) and the caregiver's
 *       {@code INSURANCE} answers dated from {@code enrollment_date} to that day (an answer on
 *       {@code enrollment_date} overrides {@code insurance_at_enrollment}; earlier answers are
 *       ignored); covered means {@code MEDICAID}, {@code PRIVATE}, {@code TRICARE} or
 *       {@code OTHER} (no status yet is not covered); a run of consecutive covered days from
 *       day a to day b counts when {@code a + 6 months ≤ b}.
 *   <li>Missing: {@code insurance_at_enrollment} empty and no caregiver {@code INSURANCE}
 *       answer dated in {@code [enrollment_date, end(E, P)]}.
 * </ul>
 * Window: {@code [enrollment_date, end(E, P)]}. Emitted but outside the denominator: active in
 * P, enrolled less than 6 months by {@code end(E, P)}. Evidence: the first counting run's first
 * day and the row that starts it (the answer, or the enrollment for
 * {@code insurance_at_enrollment}).
 */
public final class Pm16ContinuityOfInsurance implements Measure {

  public static final String CODE = "PM16";
  static final List<String> COVERED = List.of("MEDICAID", "PRIVATE", "TRICARE", "OTHER");

  @Override
  public String code() {
    return CODE;
  }

  /** The status from a day on: covered or not, and the row that says so. */
  private record Change(LocalDate day, boolean covered, String id) {}

  /** Days {@code from … to} on which the status was the same. */
  private record Run(boolean covered, LocalDate from, LocalDate to, String id) {}

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Period p : periods.federal()) {
      for (EpisodeInPeriod active : EpisodeInPeriod.of(family, p)) {
        Episode e = active.episode();
        LocalDate enrolled = e.enrollment().enrollmentDate();
        Span window = Span.of(enrolled, active.end());
        boolean sixMonths = !Dates.plusMonths(enrolled, 6).isAfter(window.end());
        List<Run> runs = runs(changes(e), window.end());
        Optional<Run> covered = runs.stream()
            .filter(r -> r.covered() && !Dates.plusMonths(r.from(), 6).isAfter(r.to())).findFirst();
        Unit unit = active.unit(CODE)
            .inDenominator(sixMonths)
            .missing(sixMonths && runs.isEmpty())
            .achieved(covered.isPresent())
            .window(window)
            .note(!sixMonths ? "enrolled less than 6 months by end(E, P)"
                : runs.isEmpty() ? "no insurance at enrollment and no insurance answer by end(E, P)"
                : covered.isPresent() ? "covered 6 consecutive months since enrollment"
                : "not covered 6 consecutive months since enrollment");
        units.add(covered.map(r -> unit.evidence(r.from(), r.id())).orElse(unit));
      }
    }
    return units;
  }

  /**
   * The status changes in day order: {@code insurance_at_enrollment} on enrollment_date (the
   * enrollment_id as its row), then each standing caregiver {@code INSURANCE} answer dated on
   * or after it; an answer on enrollment_date comes after (overrides) the enrollment value.
   */
  private static List<Change> changes(Episode e) {
    LocalDate enrolled = e.enrollment().enrollmentDate();
    List<Change> changes = new ArrayList<>();
    String atEnrollment = e.enrollment().insuranceAtEnrollment();
    if (atEnrollment != null) {
      changes.add(new Change(enrolled, COVERED.contains(atEnrollment), e.enrollmentId()));
    }
    for (Answer a : e.caregiverRows().answers()) { // in date order: the enrollment value stays first on its day
      if (a.item().equals("INSURANCE") && a.assessmentDate() != null && !a.assessmentDate().isBefore(enrolled)) {
        changes.add(new Change(a.assessmentDate(), COVERED.contains(a.value()), a.assessmentId()));
      }
    }
    return changes;
  }

  /**
   * The runs up to {@code lastDay}: a change is in force from its day to the day before the
   * next change (the last one to lastDay); one overridden on its own day, or dated after
   * lastDay, is in force on no day. Consecutive changes in force with the same status make
   * one run, started by the first of them.
   */
  private static List<Run> runs(List<Change> changes, LocalDate lastDay) {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      LocalDate until = i + 1 < changes.size() ? Dates.earlierEnd(changes.get(i + 1).day().minusDays(1), lastDay)
          : lastDay;
      if (c.day().isAfter(until)) {
        continue;
      }
      Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (last != null && last.covered() == c.covered()) {
        runs.set(runs.size() - 1, new Run(last.covered(), last.from(), until, last.id()));
      } else {
        runs.add(new Run(c.covered(), c.day(), until, c.id()));
      }
    }
    return runs;
  }
}
