package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.Measure;
import hv.marts.common.PeriodJoin;
import hv.marts.common.UnitType;
import hv.marts.common.Units;
import hv.time.Periods;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM01 Preterm birth (lower is better). Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children with {@code birth_date} in P whose episode has
 *       {@code pregnant_at_enrollment = Y}, {@code gestational_weeks_at_enrollment < 37}
 *       (empty is not below 37), and {@code enrollment_date ≤ birth_date}. No enrolment
 *       condition on the birth day.
 *   <li>Numerator: {@code gestational_age_weeks < 37}.
 *   <li>Missing: {@code gestational_age_weeks} empty.
 * </ul>
 * Emitted: index children of episodes pregnant at enrollment born in P; the window is P.
 */
public final class Pm01PretermBirth implements Measure {

  public static final String CODE = "PM01";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Dataset<Row> births = in.indexChildren().where(col("pregnant_at_enrollment"));
    Column enrolledEarlyEnough = col("gestational_weeks_at_enrollment").lt(37);
    Column enrolledBeforeBirth = col("enrollment_date").leq(col("birth_date"));
    Column eligible = enrolledEarlyEnough.and(enrolledBeforeBirth);
    Column gestationUnknown = col("gestational_age_weeks").isNull();
    Column preterm = col("gestational_age_weeks").lt(37);
    Dataset<Row> units = PeriodJoin.dayIn(in.periods(), births, col("birth_date"))
        .withColumn("in_denominator", eligible)
        .withColumn("missing", eligible.and(gestationUnknown))
        .withColumn(Units.ACHIEVED, preterm)
        .withColumn("window_start", col(Periods.START))
        .withColumn("window_end", col(Periods.END))
        .withColumn("evidence_date", col("birth_date"))
        .withColumn("note",
            when(enrolledEarlyEnough.isNull().or(enrolledEarlyEnough.unary_$bang()),
                lit("gestational weeks at enrollment not below 37 or unknown"))
            .when(enrolledBeforeBirth.unary_$bang(), lit("born before enrollment"))
            .when(gestationUnknown, lit("gestational age at birth unknown"))
            .when(preterm, lit("born before 37 weeks"))
            .otherwise(lit("born at 37 weeks or later")));
    return Units.of(CODE, UnitType.IC, units);
  }
}
