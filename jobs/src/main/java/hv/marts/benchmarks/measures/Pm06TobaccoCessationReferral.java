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
 * PM06 Tobacco cessation referrals. Unit: PC episode.
 *
 * <ul>
 *   <li>Denominator: episodes with {@code tobacco_use_at_enrollment = Y} whose day
 *       {@code enrollment_date + 3 months} is in P and that are enrolled on that day.
 *   <li>Numerator: a caregiver {@code TOBACCO_CESSATION} referral with {@code referral_date}
 *       in {@code [enrollment_date, enrollment_date + 3 months]}.
 *   <li>Missing: no rule.
 * </ul>
 * Emitted but outside the denominator: 3-month day in P, not enrolled on it.
 */
public final class Pm06TobaccoCessationReferral implements Measure {

  public static final String CODE = "PM06";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Dataset<Row> smokers = in.episodes()
        .where(col("tobacco_use_at_enrollment"))
        .withColumn("window_start", col("enrollment_date"))
        .withColumn("window_end", Days.plusMonths(col("enrollment_date"), 3));
    Dataset<Row> referrals = Evidence.rows(in.referrals().where(col("service").equalTo("TOBACCO_CESSATION")),
        "referral_date", "referral_id");
    Dataset<Row> units = EpisodeWindows.caregiverRowInWindow(in.periods(), smokers, referrals);
    Column referred = col("evidence_id").isNotNull();
    return Units.of(CODE, UnitType.PC, units
        .withColumn(Units.ACHIEVED, referred)
        .withColumn("note", when(col("in_denominator").unary_$bang(), lit("not enrolled on enrollment + 3 months"))
            .when(referred, lit("tobacco cessation referral within 3 months of enrollment"))
            .otherwise(lit("no tobacco cessation referral within 3 months of enrollment"))));
  }
}
