package hv.time;

import java.time.LocalDate;

/** Day arithmetic of measures.md "Common terms", in plain Java. */
public final class Dates {

  private Dates() {}

  /**
   * {@code d + n months}: calendar months keeping the day of the month, clamped to the target
   * month's length (2025-01-31 + 1 month = 2025-02-28), exactly {@link LocalDate#plusMonths}.
   */
  public static LocalDate plusMonths(LocalDate day, int months) {
    return day.plusMonths(months);
  }

  /** The earlier of two end days, an empty one meaning "open". */
  public static LocalDate earlierEnd(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  /** The later of two days. */
  public static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
