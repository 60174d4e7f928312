package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.Measure;
import hv.marts.common.Episodes;
import hv.marts.common.Evidence;
import hv.marts.common.PeriodJoin;
import hv.marts.common.UnitType;
import hv.marts.common.Units;
import hv.time.Days;
import hv.time.Periods;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM10 Parent–child interaction. Unit: PC episode.
 *
 * <ul>
 *   <li>Denominator: episodes active in P whose index child has
 *       {@code child_enrollment_date + 4 months ≤ end(E, P)} (the episode's end, also when
 *       the index child has left).
 *   <li>Numerator: a valid {@code PARENT_CHILD_INTERACTION} observation that is a caregiver
 *       row of the episode or a row of its index child, dated in
 *       {@code [max(P.start, child_enrollment_date), end(E, P)]}.
 *   <li>Missing: no rule.
 * </ul>
 * Emitted but outside the denominator: active in P with an index child enrolled less than
 * 4 months by {@code end(E, P)}.
 */
public final class Pm10ParentChildInteraction implements Measure {

  public static final String CODE = "PM10";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Column episodeEnd = Episodes.endIn(col(Periods.END));
    Dataset<Row> candidates = PeriodJoin.where(in.periods(), in.indexChildren(),
            Episodes.activeIn(col(Periods.START), col(Periods.END)))
        .withColumn("in_denominator", Days.plusMonths(col("child_enrollment_date"), 4).leq(episodeEnd))
        .withColumn("window_start", greatest(col(Periods.START), col("child_enrollment_date")))
        .withColumn("window_end", episodeEnd)
        .select("period", "enrollment_id", "program_id", "in_denominator", "window_start", "window_end");
    Dataset<Row> units = Evidence.first(candidates, UnitType.PC, observations(in),
        col(Evidence.ENROLLMENT).equalTo(col("enrollment_id"))
            .and(Evidence.datedIn(col("window_start"), col("window_end"))));
    Column observed = col("evidence_id").isNotNull();
    return Units.of(CODE, UnitType.PC, units
        .withColumn(Units.ACHIEVED, observed)
        .withColumn("note", when(col("in_denominator").unary_$bang(),
                lit("index child enrolled less than 4 months by the episode's end in the period"))
            .when(observed, lit("valid parent-child interaction observation in the period"))
            .otherwise(lit("no valid parent-child interaction observation in the period"))));
  }

  /**
   * Valid observations that count for a PC episode, keyed by it ({@code ev_enrollment_id}):
   * its caregiver rows, and the rows of its index child (which keep their {@code child_id}).
   */
  private static Dataset<Row> observations(BenchmarkInputs in) {
    Dataset<Row> valid = in.screenings().where(col("domain").equalTo("PARENT_CHILD_INTERACTION"));
    Dataset<Row> ofCaregivers = Evidence.rows(valid.where(col("child_id").isNull()), "screening_date", "screening_id");
    Dataset<Row> indexChildEpisodes = in.indexChildren().select(col("child_id"), col("enrollment_id").as("episode_id"));
    Dataset<Row> ofIndexChildren = Evidence.rows(
        valid.join(indexChildEpisodes, "child_id").drop("enrollment_id").withColumnRenamed("episode_id", "enrollment_id"),
        "screening_date", "screening_id");
    return ofCaregivers.unionByName(ofIndexChildren);
  }
}
