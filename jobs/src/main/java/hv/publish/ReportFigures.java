package hv.publish;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The figures report.html is drawn from: the marts' rows as they may leave the warehouse,
 * that is with small cells already suppressed (a suppressed count is empty, and so are the
 * figures derived from it), and the programs (id and name). The report never sees an exact
 * small count, so it cannot show one.
 */
public record ReportFigures(LocalDate asOf, Dataset<Row> benchmarkResults, Dataset<Row> ratecardResults,
                            Dataset<Row> providerComparison, Dataset<Row> programs) {

  /** The report's figures from the suppressed published tables: what the export files hold. */
  public static ReportFigures of(LocalDate asOf, Suppression.Published published, Dataset<Row> programs) {
    return new ReportFigures(asOf, published.tables().get("benchmark_results"),
        published.tables().get("ratecard_results"), published.tables().get("provider_comparison"),
        programs.select("program_id", "program_name"));
  }
}
