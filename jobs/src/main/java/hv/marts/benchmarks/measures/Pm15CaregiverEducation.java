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
import hv.time.Periods;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM15 Primary caregiver education. Unit: PC episode.
 *
 * <ul>
 *   <li>Denominator: episodes active in P with {@code education_at_enrollment = LT_HS}.
 *   <li>Numerator: an {@code IN_SCHOOL = Y} answer dated in
 *       {@code [max(P.start, enrollment_date), end(E, P)]}, or any {@code EDUCATION_COMPLETED}
 *       answer dated in {@code [enrollment_date, end(E, P)]}.
 *   <li>Missing: no caregiver {@code IN_SCHOOL} or {@code EDUCATION_COMPLETED} answer dated in
 *       {@code [enrollment_date, end(E, P)]}.
 * </ul>
 * Window: {@code [enrollment_date, end(E, P)]}. Evidence: the first answer that achieves the
 * numerator, else the first answer of either item (which makes the unit not missing).
 */
public final class Pm15CaregiverEducation implements Measure {

  public static final String CODE = "PM15";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Dataset<Row> withoutDiploma = in.episodes().where(col("education_at_enrollment").equalTo("LT_HS"));
    Dataset<Row> candidates = PeriodJoin.where(in.periods(), withoutDiploma,
            Episodes.activeIn(col(Periods.START), col(Periods.END)))
        .withColumn("window_start", col("enrollment_date"))
        .withColumn("window_end", Episodes.endIn(col(Periods.END)))
        .withColumn("in_school_from", greatest(col(Periods.START), col("enrollment_date")))
        .withColumn("in_denominator", lit(true))
        .select("period", "enrollment_id", "program_id", "in_denominator", "window_start", "window_end",
            "in_school_from");
    Dataset<Row> answers = Evidence.rows(in.answers().where(col("item").isin("IN_SCHOOL", "EDUCATION_COMPLETED")),
        "assessment_date", "assessment_id", "item", "value");
    Dataset<Row> units = Evidence.pick(candidates, UnitType.PC, answers,
        Evidence.caregiverRowOf(col("enrollment_id")).and(Evidence.datedIn(col("window_start"), col("window_end"))),
        achieves(col(Evidence.DATE)).desc_nulls_last(), col(Evidence.DATE).asc_nulls_last(),
        col(Evidence.ID).asc_nulls_last());
    Column unanswered = col("evidence_id").isNull();
    Column achieved = achieves(col("evidence_date"));
    return Units.of(CODE, UnitType.PC, units
        .withColumn("missing", unanswered)
        .withColumn(Units.ACHIEVED, achieved)
        .withColumn("note", when(unanswered, lit("no in-school or education-completed answer since enrollment"))
            .when(col("ev_item").equalTo("EDUCATION_COMPLETED"), lit("education completed since enrollment"))
            .when(achieved, lit("in school during the period"))
            .otherwise(lit("not in school during the period, no education completed"))));
  }

  /**
   * The answer dated {@code date} achieves the numerator: any education completed since
   * enrollment, or in school on a day of P (an earlier in-school answer says nothing of P).
   */
  private static Column achieves(Column date) {
    return col("ev_item").equalTo("EDUCATION_COMPLETED")
        .or(col("ev_item").equalTo("IN_SCHOOL").and(col("ev_value").equalTo("Y")).and(date.geq(col("in_school_from"))));
  }
}
