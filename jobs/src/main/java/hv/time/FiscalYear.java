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
      new Span("-Q1", 0, 3), new Span("-Q2", 0, 6), new Span("-Q3", 0, 9), new Span("", 0, 12))),
  SFY(7, List.of(
      new Span("-Q1", 0, 3), new Span("-Q2", 3, 6), new Span("-Q3", 6, 9), new Span("-Q4", 9, 12),
      new Span("-H1", 0, 6), new Span("-H2", 6, 12), new Span("", 0, 12)));

  /** A period of a year: name suffix, months from the year's start to its first and past its last day. */
  public record Span(String suffix, int fromMonth, int toMonth) {}

  public static final String YTD_SUFFIX = "-YTD";

  private final int startMonth;
  private final List<Span> spans;

  FiscalYear(int startMonth, List<Span> spans) {
    this.startMonth = startMonth;
    this.spans = spans;
  }

  public int startMonth() {
    return startMonth;
  }

  public List<Span> spans() {
    return spans;
  }

  /** The fiscal year number containing a date: FFY2026 holds 2025-10-01 … 2026-09-30. */
  public Column yearOf(Column date) {
    return year(add_months(date, 13 - startMonth));
  }
}
