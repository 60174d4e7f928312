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
 * PM05 Postpartum care. Unit: PC episode.
 *
 * <ul>
 *   <li>Delivery: the episode's delivery when pregnant at enrollment; when not pregnant at
 *       enrollment, the index child's {@code birth_date} if the child was born on or before
 *       {@code enrollment_date} and {@code enrollment_date ≤ birth_date + 30 days}.
 *   <li>Denominator: episodes with {@code caregiver_role = MOTHER} and a delivery, whose
 *       day {@code delivery + 56 days} is in P and that are enrolled on that day.
 *   <li>Numerator: a caregiver {@code POSTPARTUM_VISIT} event dated in
 *       {@code [delivery, delivery + 56 days]}.
 *   <li>Missing: no rule.
 * </ul>
 * Emitted but outside the denominator: day 56 in P, not enrolled on it.
 */
public final class Pm05PostpartumCare implements Measure {

  public static final String CODE = "PM05";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Column birth = col("birth_date");
    Column enrolledJustAfterBirth = birth.leq(col("enrollment_date"))
        .and(col("enrollment_date").leq(Days.plusDays(birth, 30)));
    Column delivery = when(col("pregnant_at_enrollment"), col(Episodes.DELIVERY))
        .when(enrolledJustAfterBirth, birth);
    Dataset<Row> mothers = in.episodes()
        .where(col("caregiver_role").equalTo("MOTHER"))
        .withColumn("window_start", delivery)
        .withColumn("window_end", Days.plusDays(col("window_start"), 56));
    Dataset<Row> checks = Evidence.rows(in.events().where(col("event_type").equalTo("POSTPARTUM_VISIT")),
        "event_date", "event_id");
    Dataset<Row> units = EpisodeWindows.caregiverRowInWindow(in.periods(), mothers, checks);
    Column checked = col("evidence_id").isNotNull();
    return Units.of(CODE, UnitType.PC, units
        .withColumn(Units.ACHIEVED, checked)
        .withColumn("note", when(col("in_denominator").unary_$bang(), lit("not enrolled on delivery + 56 days"))
            .when(checked, lit("postpartum visit within 56 days of delivery"))
            .otherwise(lit("no postpartum visit within 56 days of delivery"))));
  }
}
