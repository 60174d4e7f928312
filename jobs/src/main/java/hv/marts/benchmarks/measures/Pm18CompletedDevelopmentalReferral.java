package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.IndexChildPeriods;
import hv.marts.benchmarks.Measure;
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
 * PM18 Completed developmental referrals. Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children with a {@code POSITIVE} valid child {@code DEVELOPMENT}
 *       screening dated in P on a day the child was enrolled; {@code s} = the first such date.
 *   <li>Numerator: for the child, a {@code HOME_VISITOR_DEVELOPMENTAL_SUPPORT} referral with
 *       {@code first_service_date} in {@code [s, s + 30 days]}, or an
 *       {@code EARLY_INTERVENTION} referral with {@code referral_date ≥ s} and
 *       {@code first_service_date ≤ referral_date + 45 days}, or a {@code DEVELOPMENTAL_OTHER}
 *       referral with {@code referral_date ≥ s} and
 *       {@code first_service_date ≤ referral_date + 30 days}; in every case
 *       {@code first_service_date ≤ P.end}.
 *   <li>Missing: no rule.
 * </ul>
 * Only children with such a screening are emitted; the unit's window is {@code [s, P.end]}.
 * Evidence: the first referral that completes.
 */
public final class Pm18CompletedDevelopmentalReferral implements Measure {

  public static final String CODE = "PM18";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Dataset<Row> daysEnrolled = IndexChildPeriods.active(in).join(in.periods().select("period", Periods.END), "period");
    Dataset<Row> positive = Evidence.rows(FamilyRows.positive(in.screenings(), "DEVELOPMENT"),
        "screening_date", "screening_id");
    Dataset<Row> screened = Evidence.earliestDate(daysEnrolled, positive,
            Evidence.childRowOf(col("child_id")).and(Evidence.datedIn(col("window_start"), col("window_end"))),
            "first_positive")
        .select(col("period"), col("enrollment_id"), col("child_id"), col("program_id"), col("in_denominator"),
            col("first_positive").as("window_start"), col(Periods.END).as("window_end"));
    Dataset<Row> referrals = Evidence.rows(in.referrals(), "referral_date", "referral_id", "service", "first_service_date");
    Dataset<Row> units = Evidence.first(screened, UnitType.IC, referrals,
        Evidence.childRowOf(col("child_id")).and(completed(col("window_start"), col("window_end"))));
    Column completedReferral = col("evidence_id").isNotNull();
    return Units.of(CODE, UnitType.IC, units
        .withColumn(Units.ACHIEVED, completedReferral)
        .withColumn("note", when(completedReferral, lit("developmental referral served in time after the first positive screening"))
            .otherwise(lit("no developmental referral served in time after the first positive screening"))));
  }

  /** The evidence row is a referral of one of the three kinds served within its kind's window, and by P.end. */
  private static Column completed(Column s, Column periodEnd) {
    Column service = col("ev_service");
    Column firstService = col("ev_first_service_date");
    Column inTime = when(service.equalTo("HOME_VISITOR_DEVELOPMENTAL_SUPPORT"),
            Days.within(firstService, s, Days.plusDays(s, 30)))
        .when(service.equalTo("EARLY_INTERVENTION"), servedWithinDaysOfReferral(s, 45))
        .when(service.equalTo("DEVELOPMENTAL_OTHER"), servedWithinDaysOfReferral(s, 30))
        .otherwise(lit(false));
    return inTime.and(firstService.leq(periodEnd));
  }

  /** Referred on or after s and first served within the days of the referral. */
  private static Column servedWithinDaysOfReferral(Column s, int days) {
    Column referralDate = col(Evidence.DATE);
    return referralDate.geq(s).and(col("ev_first_service_date").leq(Days.plusDays(referralDate, days)));
  }
}
