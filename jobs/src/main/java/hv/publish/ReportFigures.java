package hv.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import hv.spark.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.Column;
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

  /** The threshold of measures.md "Publication rules": counts from 1 to this are suppressed. */
  static final String MAX_COUNT_PROPERTY = "publication.suppress.max-count";

  /** The published marts of the warehouse's build for {@code asOf}, small cells suppressed. */
  public static ReportFigures published(Warehouse warehouse, Dataset<Row> programs, LocalDate asOf) {
    long maxCount = configuredMaxCount();
    // PLACEHOLDER until hv.publish.Suppression (issue #6 item 3, the exports) is merged: hand the
    // report Suppression's tables instead. This only empties counts 1..maxCount and the figures of
    // their row (primary suppression, no complementary cells): not a second implementation of the rule.
    Dataset<Row> comparison = hideSmallCounts(
        hideSmallCounts(warehouse.read("marts", "provider_comparison"), maxCount, List.of("units", "observed"),
            List.of("rate", "ci_low", "ci_high", "difference", "expected", "o_e", "risk_standardized_rate",
                "funnel_flag", "adjusted_funnel_flag", "rank_observed", "rank_adjusted", "change", "change_p_value")),
        maxCount, List.of("state_units", "state_observed"),
        List.of("state_rate", "difference", "risk_standardized_rate", "limit_95_low", "limit_95_high",
            "limit_998_low", "limit_998_high", "funnel_flag", "adjusted_funnel_flag", "rank_adjusted"));
    return new ReportFigures(asOf,
        hideSmallCounts(warehouse.read("marts", "benchmark_results"), maxCount, List.of("numerator", "denominator"),
            List.of("rate", "ci_low", "ci_high")),
        hideSmallCounts(warehouse.read("marts", "ratecard_results"), maxCount, List.of("achieved", "eligible"),
            List.of("rate", "ci_low", "ci_high")),
        comparison,
        programs.select("program_id", "program_name"));
  }

  /** The placeholder above: a count in [1, maxCount] becomes empty, and so does every derived column of its row. */
  private static Dataset<Row> hideSmallCounts(Dataset<Row> rows, long maxCount, List<String> counts,
                                              List<String> derived) {
    Column small = lit(false);
    for (String c : counts) {
      small = small.or(col(c).between(1, maxCount));
    }
    Dataset<Row> out = rows.withColumn("_small", small);
    for (String c : counts) {
      out = out.withColumn(c, when(col(c).between(1, maxCount), lit(null)).otherwise(col(c)));
    }
    for (String c : derived) {
      out = out.withColumn(c, when(col("_small"), lit(null)).otherwise(col(c)));
    }
    return out.drop("_small");
  }

  static long configuredMaxCount() {
    Properties conf = new Properties();
    try (InputStream in = ReportFigures.class.getClassLoader().getResourceAsStream("conf/hv.properties")) {
      conf.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read conf/hv.properties", e);
    }
    String value = conf.getProperty(MAX_COUNT_PROPERTY);
    if (value == null) {
      throw new IllegalStateException("conf/hv.properties has no " + MAX_COUNT_PROPERTY);
    }
    return Long.parseLong(value.trim());
  }
}
