package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.Measure;
import hv.marts.common.EpisodePeriods;
import hv.marts.common.Evidence;
import hv.marts.common.FamilyRows;
import hv.marts.common.UnitType;
import hv.marts.common.Units;
import hv.time.Periods;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM19 IPV referrals. Unit: PC episode.
 *
 * <ul>
 *   <li>Denominator: episodes with a {@code POSITIVE} valid caregiver {@code IPV} screening
 *       dated in P on a day the episode was enrolled; {@code s} = the first such date.
 *   <li>Numerator: a caregiver {@code IPV_RESOURCES} referral with {@code referral_date} in
 *       {@code [s, P.end]} (the window of the unit row).
 *   <li>Missing: no rule.
 * </ul>
 * Only episodes with such a screening are emitted. Evidence: the first such referral.
 */
public final class Pm19IpvReferral implements Measure {

  public static final String CODE = "PM19";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Dataset<Row> daysEnrolled = EpisodePeriods.active(in.periods(), in.episodes())
        .select("period", Periods.END, "enrollment_id", "program_id", "window_start", "window_end");
    Dataset<Row> positive = Evidence.rows(FamilyRows.positive(in.screenings(), "IPV"), "screening_date", "screening_id");
    Dataset<Row> screened = Evidence.earliestDate(daysEnrolled, positive,
            Evidence.caregiverRowOf(col("enrollment_id")).and(Evidence.datedIn(col("window_start"), col("window_end"))),
            "first_positive")
        .select(col("period"), col("enrollment_id"), col("program_id"), lit(true).as("in_denominator"),
            col("first_positive").as("window_start"), col(Periods.END).as("window_end"));
    Dataset<Row> referrals = Evidence.rows(in.referrals().where(col("service").equalTo("IPV_RESOURCES")),
        "referral_date", "referral_id");
    Dataset<Row> units = Evidence.first(screened, UnitType.PC, referrals,
        Evidence.caregiverRowOf(col("enrollment_id")).and(Evidence.datedIn(col("window_start"), col("window_end"))));
    Column referred = col("evidence_id").isNotNull();
    return Units.of(CODE, UnitType.PC, units
        .withColumn(Units.ACHIEVED, referred)
        .withColumn("note", when(referred, lit("IPV resources referral from the first positive screening to the period's end"))
            .otherwise(lit("no IPV resources referral from the first positive screening to the period's end"))));
  }
}
