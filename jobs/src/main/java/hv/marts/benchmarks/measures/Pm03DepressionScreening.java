package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.EpisodeWindows;
import hv.marts.benchmarks.Measure;
import hv.marts.common.Episodes;
import hv.marts.common.Evidence;
import hv.marts.common.UnitType;
import hv.marts.common.Units;
import hv.time.Days;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM03 Depression screening. Unit: PC episode.
 *
 * <ul>
 *   <li>Window: {@code [enrollment_date, enrollment_date + 3 months]} when not pregnant at
 *       enrollment; {@code [delivery, delivery + 3 months]} when pregnant at enrollment (no
 *       delivery yet: no window, not in the denominator). {@code w} = the window's end.
 *   <li>Denominator: episodes whose {@code w} is in P and that are enrolled on {@code w}.
 *   <li>Numerator: a valid caregiver {@code DEPRESSION} screening dated in the window.
 *   <li>Missing: no rule.
 * </ul>
 * Emitted but outside the denominator: window end in P, not enrolled on it.
 */
public final class Pm03DepressionScreening implements Measure {

  public static final String CODE = "PM03";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Column windowStart = when(col("pregnant_at_enrollment"), col(Episodes.DELIVERY)).otherwise(col("enrollment_date"));
    Dataset<Row> windows = in.episodes()
        .withColumn("window_start", windowStart)
        .withColumn("window_end", Days.plusMonths(col("window_start"), 3));
    Dataset<Row> screenings = Evidence.rows(
        in.screenings().where(col("domain").equalTo("DEPRESSION")), "screening_date", "screening_id");
    Dataset<Row> units = EpisodeWindows.caregiverRowInWindow(in.periods(), windows, screenings);
    Column screened = col("evidence_id").isNotNull();
    return Units.of(CODE, UnitType.PC, units
        .withColumn(Units.ACHIEVED, screened)
        .withColumn("note", when(col("in_denominator").unary_$bang(), lit("not enrolled on window end"))
            .when(screened, lit("valid depression screening in window"))
            .otherwise(lit("no valid depression screening in window"))));
  }
}
