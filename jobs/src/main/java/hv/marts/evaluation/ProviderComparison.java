package hv.marts.evaluation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import hv.measures.EpisodeRiskFactors;
import hv.marts.common.ExactSum;
import hv.marts.common.Intervals;
import hv.spark.Lineage;
import hv.time.Periods;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@code marts.provider_comparison}: for every period, yes/no code, program and contract —
 * observed rate with its Wilson interval, the state rate and the difference, the
 * risk-adjusted figures of {@link RiskModel}, funnel flags ({@link FunnelLimits}) before and
 * after adjustment, the change since the same period a year earlier ({@link ChangeTest}),
 * and ranks before and after adjustment. Computed from the units counted per period, code,
 * program and risk factors ({@link ComparisonCells}: the benchmarks' yes/no measures and the
 * rate card's outcomes, fitted jointly).
 *
 * @param lowerIsBetter codes where a lower rate is better (PM01, PM09): ranks run the other
 *                      way; flags keep the direction of the rate (ABOVE = higher = worse there)
 */
public record ProviderComparison(Set<String> lowerIsBetter) {

  public static final String CODE = "code";

  /**
   * @param cells    {@link ComparisonCells} rows (several per key when counted in parts)
   * @param programs program_id, contract_number
   */
  public Dataset<Row> build(Dataset<Row> cells, Dataset<Row> programs) {
    // computed once: the fit, the programs' figures and the state's each read them
    Dataset<Row> counted = Lineage.cut(cells);
    RiskModel.Fit fit = RiskModel.fit(counted, CODE);
    List<String> cellKey = new java.util.ArrayList<>(List.of("period", CODE));
    cellKey.addAll(EpisodeRiskFactors.NAMES);
    // the fit's cells, the state figures and the statuses are small, but the rows read back from a lineage cut carry
    // no size, so without the hints each join shuffled and sorted every cell by its ten key columns
    Dataset<Row> withExpected = counted.join(broadcast(fit.probabilities()), cellKey.toArray(String[]::new), "left");

    Dataset<Row> entities = programs.select("program_id", "contract_number");
    Dataset<Row> perEntity = perEntity(withExpected, entities);
    Dataset<Row> state = counted.groupBy("period", CODE)
        .agg(sum("units").as("state_units"), sum("observed").as("state_observed"))
        .withColumn("state_rate", col("state_observed").divide(col("state_units")));

    Dataset<Row> rows = perEntity.join(broadcast(state), new String[] {"period", CODE})
        .join(broadcast(fit.statuses()), new String[] {"period", CODE}, "left");
    // computed once: the limits and the p-values each collect from these rows, and the write reads them again
    Dataset<Row> measured = Lineage.cut(measured(rows));
    return finish(withPrior(FunnelLimits.join(measured)));
  }

  /**
   * Units, observed and expected per program and per contract; every entity for every period and
   * code that has units. A cell's expected is its probability times its units, exactly as that
   * many units' probabilities add ({@link ExactSum#times}).
   */
  private static Dataset<Row> perEntity(Dataset<Row> cells, Dataset<Row> entities) {
    Column levels = explode(array(
        struct(lit("PROGRAM").as("level"), col("program_id").as("entity_id")),
        struct(lit("CONTRACT").as("level"), col("contract_number").as("entity_id"))));
    Dataset<Row> counts = cells.join(broadcast(entities), "program_id")
        .withColumn("_level", levels)
        .select(col("period"), col(CODE), col("_level.level").as("level"), col("_level.entity_id").as("entity_id"),
            col("units"), col("observed"), ExactSum.times(col("expected_probability"), col("units")).as("expected"));
    Dataset<Row> scaffold = cells.select("period", CODE).distinct()
        .crossJoin(entities.withColumn("_level", levels).select("_level.level", "_level.entity_id").distinct())
        .select(col("period"), col(CODE), col("level"), col("entity_id"),
            lit(0L).as("units"), lit(0L).as("observed"), lit(null).cast(ExactSum.DECIMAL).as("expected"));
    // sum skips the scaffold's empty expected; a group the model did not fit stays empty
    return counts.unionByName(scaffold)
        .groupBy("period", CODE, "level", "entity_id")
        .agg(sum("units").as("units"), sum("observed").as("observed"), ExactSum.total(col("expected")).as("expected"));
  }

  /** Rates, interval, difference, O/E and the risk-standardized rate. */
  private Dataset<Row> measured(Dataset<Row> rows) {
    Column rate = when(col("units").gt(0), col("observed").divide(col("units")));
    Column fitted = col("model_status").equalTo(RiskRegression.Status.FITTED.name()).and(col("expected").gt(0));
    Column observedOverExpected = when(fitted, col("observed").divide(col("expected")));
    return rows
        .withColumn("rate", rate)
        .withColumn("_ci", Intervals.wilson(col("observed"), col("units")))
        .withColumn("difference", col("rate").minus(col("state_rate")))
        .withColumn("expected", when(fitted, col("expected")))
        .withColumn("o_e", observedOverExpected)
        .withColumn("risk_standardized_rate", observedOverExpected.multiply(col("state_rate")))
        .withColumn("lower_is_better", col(CODE).isin(lowerIsBetter.toArray()));
  }

  /** The same entity and code in the same period a year earlier (FFY2026-Q2 → FFY2025-Q2). */
  private static Dataset<Row> withPrior(Dataset<Row> rows) {
    Dataset<Row> prior = rows.select(col("period").as("prior_period"), col(CODE), col("level"), col("entity_id"),
        col("units").as("prior_units"), col("observed").as("prior_observed"), col("rate").as("prior_rate"));
    Dataset<Row> joined = rows
        .withColumn("prior_period", Periods.yearEarlier(col("period")))
        .join(prior, new String[] {"prior_period", CODE, "level", "entity_id"}, "left")
        .withColumn("change", col("rate").minus(col("prior_rate")));
    return ChangeTest.join(joined);
  }

  /** Flags and ranks; the published columns. */
  private static Dataset<Row> finish(Dataset<Row> rows) {
    Column eligible = col("units").geq(FunnelLimits.MIN_UNITS);
    Column adjustedEligible = eligible.and(col("risk_standardized_rate").isNotNull());
    return rows
        .withColumn("funnel_flag", FunnelLimits.flag(col("rate")))
        .withColumn("adjusted_funnel_flag", when(col("units").lt(FunnelLimits.MIN_UNITS), lit(FunnelLimits.Flag.TOO_FEW.name()))
            .otherwise(FunnelLimits.flag(col("risk_standardized_rate"))))
        .withColumn("rank_observed", rankBy(col("rate"), eligible))
        .withColumn("rank_adjusted", rankBy(col("risk_standardized_rate"), adjustedEligible))
        .select(col("period"), col(CODE), col("level"), col("entity_id"), col("units"), col("observed"),
            col("rate"), col("_ci.low").as("ci_low"), col("_ci.high").as("ci_high"),
            col("state_units"), col("state_observed"), col("state_rate"), col("difference"),
            col("model_status"), col("model_units"), col("expected"), col("o_e"), col("risk_standardized_rate"),
            col("limit_95_low"), col("limit_95_high"), col("limit_998_low"), col("limit_998_high"),
            col("funnel_flag"), col("adjusted_funnel_flag"), col("lower_is_better"),
            col("rank_observed"), col("rank_adjusted"),
            col("prior_period"), col("prior_units"), col("prior_observed"), col("prior_rate"), col("change"),
            col("change_p_value"));
  }

  /** 1 = best among the eligible entities of the period, code and level; empty for the others. */
  private static Column rankBy(Column value, Column eligible) {
    Column best = when(col("lower_is_better"), value).otherwise(value.unary_$minus());
    return when(eligible, rank().over(Window.partitionBy(col("period"), col(CODE), col("level"), eligible).orderBy(best)));
  }
}
