package hv.marts.ratecard.outcomes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import hv.marts.common.UnitType;
import hv.marts.common.Units;
import hv.marts.ratecard.Outcome;
import hv.marts.ratecard.RateCardInputs;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * RC2 Prenatal enrollment. Unit: episode (any caregiver).
 *
 * <ul>
 *   <li>Eligible: episodes with {@code enrollment_date} in P.
 *   <li>Achieved: {@code pregnant_at_enrollment = Y} and
 *       {@code gestational_weeks_at_enrollment < 32} (empty weeks: not achieved).
 * </ul>
 */
public final class Rc2PrenatalEnrollment implements Outcome {

  public static final String CODE = "RC2";

  @Override
  public String code() {
    return CODE;
  }

  /** Enrolled pregnant before 32 weeks (RC2, and RC4's eligibility). Empty weeks are below no number. */
  public static Column enrolledBefore32Weeks() {
    return col("pregnant_at_enrollment").and(coalesce(col("gestational_weeks_at_enrollment").lt(32), lit(false)));
  }

  @Override
  public Dataset<Row> units(RateCardInputs in) {
    Column achieved = enrolledBefore32Weeks();
    Column weeks = coalesce(col("gestational_weeks_at_enrollment").cast("string"), lit("unknown"));
    return Units.of(CODE, UnitType.PC, EnrolledInPeriod.of(in.periods(), in.episodes())
        .withColumn(Units.ACHIEVED, achieved)
        .withColumn("evidence_date", col("enrollment_date"))
        .withColumn("note", when(col("pregnant_at_enrollment").unary_$bang(), lit("not pregnant at enrollment"))
            .otherwise(concat(lit("pregnant at enrollment, gestational weeks "), weeks,
                when(achieved, lit(" (< 32)")).otherwise(lit(" (not < 32)"))))));
  }
}
