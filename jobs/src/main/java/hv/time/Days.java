package hv.time;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.least;

import org.apache.spark.sql.Column;

/**
 * The date rules of measures.md "Common terms", as Spark column expressions: the only place
 * they are written. Windows include both ends.
 */
public final class Days {

  private Days() {}

  /** {@code d + n months}: calendar months, day clamped to the month's length (Spark 3 add_months = LocalDate.plusMonths). */
  public static Column plusMonths(Column date, int months) {
    return add_months(date, months);
  }

  /** {@code d + n days} (n may be negative). */
  public static Column plusDays(Column date, int days) {
    return date_add(date, days);
  }

  /** {@code a ≤ d ≤ b}. */
  public static Column within(Column date, Column from, Column to) {
    return date.geq(from).and(date.leq(to));
  }

  /** Enrolled on day d: {@code start ≤ d} and (exit empty or {@code exit ≥ d}). */
  public static Column enrolledOn(Column start, Column exit, Column day) {
    return start.leq(day).and(exit.isNull().or(exit.geq(day)));
  }

  /**
   * Active in [from, to]: enrolled on at least one of its days. A span whose start is after its
   * exit (a child enrolled after its episode ended) holds no day, so it is active in no period.
   */
  public static Column activeIn(Column start, Column exit, Column from, Column to) {
    return nonEmpty(start, exit).and(start.leq(to)).and(exit.isNull().or(exit.geq(from)));
  }

  /** The span {@code [start, end]} holds at least one day (an empty end is open). */
  public static Column nonEmpty(Column start, Column end) {
    return end.isNull().or(start.leq(end));
  }

  /** The earlier of two end days, an empty one meaning "open" (Spark's least skips nulls). */
  public static Column earlierEnd(Column a, Column b) {
    return least(a, b);
  }
}
