package hv.marts.evaluation;

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
   * @param pass       the night's family pass
   * @param quarantine {@code ops.quarantine}
   */
  public static Result build(FamilyPass pass, Dataset<Row> quarantine) {
    Dataset<Row> comparison = new ProviderComparison(MeasureFacts.lowerIsBetterCodes())
        .build(pass.comparisonCells(), pass.core().programs());
    return new Result(comparison, pass.serviceDelivery(CaseloadSlots.configured()), pass.dataQuality(quarantine));
  }
}
