package hv.time;

import java.time.LocalDate;

/**
 * The days from {@code start} to {@code end}, both included; an empty {@code end} is open (still
 * enrolled). A span whose start is after its end holds no day (issue #24: a child enrolled after
 * its episode's exit is never enrolled), nor does one without a start. Enrollments, windows and
 * periods are all spans: "enrolled on day d" is {@link #contains}, "active in P" is
 * {@link #overlaps}, and "dated in P on a day enrolled" is dated in {@link #clip}.
 */
public record Span(LocalDate start, LocalDate end) {

  /** The window {@code [start, end]}. */
  public static Span of(LocalDate start, LocalDate end) {
    return new Span(start, end);
  }

  /** From {@code start}, open-ended. */
  public static Span from(LocalDate start) {
    return new Span(start, null);
  }

  /** Holds no day. */
  public boolean isEmpty() {
    return start == null || (end != null && start.isAfter(end));
  }

  /** The day is one of the span's: enrolled on day d. */
  public boolean contains(LocalDate day) {
    return day != null && !isEmpty() && !day.isBefore(start) && (end == null || !day.isAfter(end));
  }

  /** At least one day in common: active in P. */
  public boolean overlaps(Span other) {
    return !clip(other).isEmpty();
  }

  /** The days in both (possibly empty). */
  public Span clip(Span other) {
    LocalDate later = start == null || other.start == null ? null : Dates.later(start, other.start);
    return new Span(later, Dates.earlierEnd(end, other.end));
  }

  /** The same span, ending no later than {@code exit} (empty = no limit): a child's effective exit. */
  public Span endingBy(LocalDate exit) {
    return new Span(start, Dates.earlierEnd(end, exit));
  }
}
