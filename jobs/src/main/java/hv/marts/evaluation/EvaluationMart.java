package hv.marts.evaluation;

import static org.apache.spark.sql.functions.col;

import hv.core.CoreTables;
import hv.marts.benchmarks.BenchmarkMart;
import hv.marts.common.Episodes;
import java.time.LocalDate;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The contract evaluation marts: {@code marts.provider_comparison},
 * {@code marts.service_delivery} and {@code marts.data_quality}. Lazy DataFrames; the
 * caller writes them.
 */
public final class EvaluationMart {

  /** Codes where a lower rate is better (measures.md "Common terms"). */
  public static final Set<String> LOWER_IS_BETTER = Set.of("PM01", "PM09");

  public record Result(Dataset<Row> providerComparison, Dataset<Row> serviceDelivery, Dataset<Row> dataQuality) {}

  private EvaluationMart() {}

  /**
   * @param benchmarkUnits {@code marts.benchmark_units} as built this run
   * @param quarantine     {@code ops.quarantine}
   */
  public static Result build(CoreTables core, LocalDate asOf, Dataset<Row> benchmarkUnits, Dataset<Row> quarantine) {
    Dataset<Row> factors = RiskFactors.of(Episodes.of(core)).cache();
    // every benchmark with a yes/no unit; the rate card's units join here with their own code column
    Dataset<Row> yesNoBenchmarks = benchmarkUnits.where(col("measure_code").isin(BenchmarkMart.COUNT_MEASURES.toArray()).unary_$bang());
    Dataset<Row> comparison = new ProviderComparison(LOWER_IS_BETTER)
        .build(yesNoBenchmarks, "measure_code", factors, core.programs());
    return new Result(comparison,
        new ServiceDelivery(CaseloadSlots.configured()).build(core, asOf),
        DataQuality.build(core, quarantine, asOf));
  }
}
