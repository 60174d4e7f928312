package hv.marts.evaluation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import hv.indicators.Fact.Kind;
import hv.marts.common.ExactSum;
import hv.marts.common.Rollup;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code marts.service_delivery}: the service delivery indicators of measures.md per program,
 * contract and state, in long format. Every indicator is computed for two kinds of frame in
 * one pass: each month-end up to the as-of date ({@code MONTH_END}: the calendar month
 * ending that day; stock indicators on the day) and each SFY period ({@code PERIOD}: stock
 * indicators on the period's last day). Indicators first become fact rows per program
 * ({@link #FACTS}), which roll up to the three levels in one aggregation ({@link #rollUp}).
 * The facts come from the plain-Java rules of {@link hv.indicators.Indicators}, run by the
 * night's {@link hv.marts.FamilyPass}.
 */
public final class ServiceDelivery {

  /**
   * A fact: one program's part of an indicator in one frame, or the sum of such parts
   * ({@link FactSums}); how it rolls up is its {@link Kind}. Amounts are exact decimals
   * ({@link ExactSum#DECIMAL}), so that sums of sums are the sum.
   */
  public static final StructType FACTS = new StructType()
      .add("period_or_date", DataTypes.StringType)
      .add("frame", DataTypes.StringType)
      .add("frame_start", DataTypes.DateType)
      .add("frame_end", DataTypes.DateType)
      .add("program_id", DataTypes.StringType)
      .add("indicator", DataTypes.StringType)
      .add("kind", DataTypes.StringType)
      .add("num", ExactSum.DECIMAL)
      .add("den", ExactSum.DECIMAL)
      .add("days", DataTypes.IntegerType);

  private ServiceDelivery() {}

  /** Facts ({@link #FACTS}, those of a ratio or count summed in parts or not) → program, contract and state rows. */
  public static Dataset<Row> rollUp(Dataset<Row> facts, Dataset<Row> programs) {
    // percentile is an object aggregate: past 128 groups in a task Spark sorts all the task's rows
    // to finish it, so only the median facts go through it (the filter on the literal kind prunes
    // the other facts' branches from each side)
    Column isMedian = col("kind").equalTo(Kind.MEDIAN.name());
    Dataset<Row> sums = byLevel(facts.where(isMedian.unary_$bang()), programs)
        .agg(ExactSum.total(col("num")).as("numerator"), ExactSum.total(col("den")).as("denominator"),
            lit(null).cast("double").as("median"))
        .unionByName(byLevel(facts.where(isMedian), programs)
            .agg(ExactSum.total(col("num")).as("numerator"), ExactSum.total(col("den")).as("denominator"),
                expr("percentile(days, 0.5)").as("median")));
    Column value = when(isMedian, col("median"))
        .when(col("kind").equalTo(Kind.COUNT.name()), col("numerator"))
        .when(col("denominator").gt(0), col("numerator").divide(col("denominator")));
    return sums.select(col("period_or_date"), col("frame"), col("frame_start"), col("frame_end"), col("level"),
        col("entity_id"), col("indicator"), col("numerator"), col("denominator"), value.as("value"));
  }

  /** Rows of a program grouped at each level: the program, its contract, the state. */
  private static RelationalGroupedDataset byLevel(Dataset<Row> rows, Dataset<Row> programs) {
    Column levels = explode(array(
        struct(lit("PROGRAM").as("level"), col("program_id").as("entity_id")),
        struct(lit("CONTRACT").as("level"), col("contract_number").as("entity_id")),
        struct(lit("STATE").as("level"), lit(Rollup.ALL).as("entity_id"))));
    return rows.join(broadcast(programs.select("program_id", "contract_number")), "program_id")
        .withColumn("_level", levels)
        .groupBy(col("period_or_date"), col("frame"), col("frame_start"), col("frame_end"),
            col("_level.level").as("level"), col("_level.entity_id").as("entity_id"), col("indicator"), col("kind"));
  }
}
