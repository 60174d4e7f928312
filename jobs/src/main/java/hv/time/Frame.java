package hv.time;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A frame of the service delivery indicators (measures.md "per month-end and per period"):
 * a calendar month named by its last day ({@code MONTH_END}, {@code 2025-11-30}: flow
 * indicators over the month, stock indicators on the day) or an SFY period ({@code PERIOD},
 * {@code SFY2026-Q2}: stock indicators on its last day).
 */
public record Frame(String name, Kind kind, LocalDate start, LocalDate end) implements Serializable {

  public enum Kind { MONTH_END, PERIOD }

  /** The frame's days. */
  public Span days() {
    return Span.of(start, end);
  }

  /**
   * The frames of a run: each month-end from the month of the earliest {@code enrollment_date}
   * held up to the as-of date (a month ending after it is not yet a frame), then the run's SFY
   * periods. No enrollment held: no frame.
   */
  public static List<Frame> ofRun(LocalDate earliestEnrollment, LocalDate asOf, List<Period> statePeriods) {
    List<Frame> frames = new ArrayList<>();
    if (earliestEnrollment == null) {
      return frames;
    }
    for (YearMonth m = YearMonth.from(earliestEnrollment); !m.atEndOfMonth().isAfter(asOf); m = m.plusMonths(1)) {
      frames.add(new Frame(m.atEndOfMonth().toString(), Kind.MONTH_END, m.atDay(1), m.atEndOfMonth()));
    }
    for (Period p : statePeriods) {
      frames.add(new Frame(p.name(), Kind.PERIOD, p.start(), p.end()));
    }
    return frames;
  }
}
