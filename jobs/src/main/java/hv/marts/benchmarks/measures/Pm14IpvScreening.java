package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.EpisodeWindows;
import hv.marts.benchmarks.Measure;
import hv.marts.common.Evidence;
import hv.marts.common.UnitType;
import hv.marts.common.Units;
import hv.time.Days;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM14 IPV screening. Unit: PC episode.
 *
 * <ul>
 *   <li>Denominator: episodes whose day {@code enrollment_date + 6 months} is in P and that
 *       are enrolled on that day.
 *   <li>Numerator: a valid caregiver {@code IPV} screening dated in
 *       {@code [enrollment_date, enrollment_date + 6 months]}.
 *   <li>Missing: no rule.
 * </ul>
 * Emitted but outside the denominator: 6-month day in P, not enrolled on it.
 */
public final class Pm14IpvScreening implements Measure {

  public static final String CODE = "PM14";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Dataset<Row> windows = in.episodes()
        .withColumn("window_start", col("enrollment_date"))
        .withColumn("window_end", Days.plusMonths(col("enrollment_date"), 6));
    Dataset<Row> screenings = Evidence.rows(
        in.screenings().where(col("domain").equalTo("IPV")), "screening_date", "screening_id");
    Dataset<Row> units = EpisodeWindows.caregiverRowInWindow(in.periods(), windows, screenings);
    Column screened = col("evidence_id").isNotNull();
    return Units.of(CODE, UnitType.PC, units
        .withColumn(Units.ACHIEVED, screened)
        .withColumn("note", when(col("in_denominator").unary_$bang(), lit("not enrolled on enrollment + 6 months"))
            .when(screened, lit("valid IPV screening within 6 months of enrollment"))
            .otherwise(lit("no valid IPV screening within 6 months of enrollment"))));
  }
}
