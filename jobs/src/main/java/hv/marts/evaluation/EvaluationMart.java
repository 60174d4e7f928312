package hv.marts.evaluation;

import static org.apache.spark.sql.functions.col;

import hv.indicators.CaseloadSlots;
import hv.marts.FamilyPass;
import hv.measures.MeasureFacts;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The contract evaluation marts: {@code marts.provider_comparison},
 * {@code marts.service_delivery} and {@code marts.data_quality}. Lazy DataFrames; the
 * caller writes them.
 */
public final class EvaluationMart {

  public record Result(Dataset<Row> providerComparison, Dataset<Row> serviceDelivery, Dataset<Row> dataQuality) {}

  private EvaluationMart() {}

  /**
   * @param pass           the night's family pass
   * @param benchmarkUnits {@code marts.benchmark_units} as built this run
   * @param rateCardUnits  {@code marts.ratecard_units} as built this run
   * @param quarantine     {@code ops.quarantine}
   */
  public static Result build(FamilyPass pass, Dataset<Row> benchmarkUnits, Dataset<Row> rateCardUnits,
                             Dataset<Row> quarantine) {
    Dataset<Row> comparison = new ProviderComparison(MeasureFacts.lowerIsBetterCodes())
        .build(yesNoUnits(benchmarkUnits, rateCardUnits), ProviderComparison.CODE, pass.factors(),
            pass.core().programs());
    return new Result(comparison, pass.serviceDelivery(CaseloadSlots.configured()), pass.dataQuality(quarantine));
  }

  /**
   * Every benchmark with a yes/no unit (all but the count measures) and every rate card
   * outcome, in the comparison's unit shape: one set of units, so one joint model fit.
   */
  static Dataset<Row> yesNoUnits(Dataset<Row> benchmarkUnits, Dataset<Row> rateCardUnits) {
    Dataset<Row> benchmarks = benchmarkUnits
        .where(col("measure_code").isin(MeasureFacts.countCodes().toArray()).unary_$bang())
        .select(col("period"), col("measure_code").as(ProviderComparison.CODE), col("enrollment_id"),
            col("program_id"), col("in_denominator"), col("numerator"));
    Dataset<Row> outcomes = rateCardUnits
        .select(col("period"), col("outcome_code").as(ProviderComparison.CODE), col("enrollment_id"),
            col("program_id"), col("eligible").as("in_denominator"), col("achieved").cast("long").as("numerator"));
    return benchmarks.unionByName(outcomes);
  }
}
