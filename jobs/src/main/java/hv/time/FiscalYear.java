package hv.time;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.year;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The two reporting years of measures.md "Period": the federal fiscal year of the
 * benchmarks (Oct–Sep, cumulative quarters) and the state fiscal year of the rate card
 * (Jul–Jun, quarters and billing halves). Year {@code y} starts on the first day of
 * {@code startMonth} of calendar year {@code y − 1}.
 */
public enum FiscalYear {
  FFY(10, List.of(
      new Part("-Q1", 0, 3), new Part("-Q2", 0, 6), new Part("-Q3", 0, 9), new Part("", 0, 12))),
  SFY(7, List.of(
      new Part("-Q1", 0, 3), new Part("-Q2", 3, 6), new Part("-Q3", 6, 9), new Part("-Q4", 9, 12),
      new Part("-H1", 0, 6), new Part("-H2", 6, 12), new Part("", 0, 12)));

  /** A period of a year: name suffix, months from the year's start to its first and past its last day. */
  public record Part(String suffix, int fromMonth, int toMonth) {}

  public static final String YTD_SUFFIX = "-YTD";

  private final int startMonth;
  private final List<Part> parts;

  FiscalYear(int startMonth, List<Part> parts) {
    this.startMonth = startMonth;
    this.parts = parts;
  }

  public int startMonth() {
    return startMonth;
  }

  public List<Part> parts() {
    return parts;
  }

  /** The fiscal year number containing a date: FFY2026 holds 2025-10-01 … 2026-09-30. */
  public int yearOf(java.time.LocalDate date) {
    return date.plusMonths(13 - startMonth).getYear();
  }

  /** The first day of fiscal year {@code y}. */
  public java.time.LocalDate yearStart(int year) {
    return java.time.LocalDate.of(year - 1, startMonth, 1);
  }

  /** As {@link #yearOf(java.time.LocalDate)}, as a Spark column. */
  public Column yearOf(Column date) {
    return year(add_months(date, 13 - startMonth));
  }
}
