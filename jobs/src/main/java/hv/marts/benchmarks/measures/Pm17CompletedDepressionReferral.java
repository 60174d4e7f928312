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
import hv.time.Days;
import hv.time.Periods;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM17 Completed depression referrals. Unit: PC episode.
 *
 * <ul>
 *   <li>Denominator: episodes with a {@code DEPRESSION_SERVICES} caregiver referral dated in
 *       P, on a day the episode was enrolled, that has a {@code POSITIVE} valid caregiver
 *       {@code DEPRESSION} screening dated in {@code [enrollment_date, referral_date]}.
 *   <li>Numerator: at least one such referral has {@code first_service_date ≤ P.end}.
 *   <li>Missing: no rule.
 * </ul>
 * Only episodes with such a referral are emitted. Evidence: the first such referral served by
 * P.end, else the first such referral.
 */
public final class Pm17CompletedDepressionReferral implements Measure {

  public static final String CODE = "PM17";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Dataset<Row> candidates = EpisodePeriods.active(in.periods(), in.episodes())
        .withColumn("in_denominator", lit(true))
        .select("period", Periods.END, "enrollment_id", "program_id", "in_denominator", "window_start", "window_end");
    Column served = col("ev_first_service_date").leq(col(Periods.END));
    Dataset<Row> units = Evidence.pick(candidates, UnitType.PC, referralsAfterPositiveScreening(in),
            Evidence.caregiverRowOf(col("enrollment_id")).and(Evidence.datedIn(col("window_start"), col("window_end"))),
            when(served, 0).otherwise(1), col(Evidence.DATE), col(Evidence.ID))
        .where(col("evidence_id").isNotNull());
    return Units.of(CODE, UnitType.PC, units
        .withColumn(Units.ACHIEVED, served)
        .withColumn("note", when(served, lit("depression referral after a positive screening served by the period's end"))
            .otherwise(lit("depression referral after a positive screening not served by the period's end"))));
  }

  /**
   * The PC episodes' caregiver {@code DEPRESSION_SERVICES} referrals with a positive valid
   * caregiver depression screening of the episode dated in {@code [enrollment_date,
   * referral_date]}, in {@link Evidence#rows} shape keeping {@code first_service_date}.
   */
  private static Dataset<Row> referralsAfterPositiveScreening(BenchmarkInputs in) {
    Dataset<Row> positive = FamilyRows.positive(in.screenings(), "DEPRESSION")
        .where(col("child_id").isNull())
        .select(col("enrollment_id").as("screened_enrollment_id"), col("screening_date"));
    Dataset<Row> referrals = in.referrals()
        .where(col("service").equalTo("DEPRESSION_SERVICES").and(col("child_id").isNull()))
        .join(in.episodes().select("enrollment_id", "enrollment_date"), "enrollment_id");
    Dataset<Row> afterScreening = referrals.join(positive,
        col("screened_enrollment_id").equalTo(col("enrollment_id"))
            .and(Days.within(col("screening_date"), col("enrollment_date"), col("referral_date"))),
        "left_semi");
    return Evidence.rows(afterScreening, "referral_date", "referral_id", "first_service_date");
  }
}
