package hv.marts.ratecard.outcomes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import hv.marts.common.Episodes;
import hv.marts.common.Evidence;
import hv.marts.common.PeriodJoin;
import hv.marts.common.UnitType;
import hv.marts.common.Units;
import hv.marts.ratecard.Outcome;
import hv.marts.ratecard.RateCardInputs;
import hv.time.Days;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * RC3 Education, training or employment. Unit: episode (any caregiver).
 *
 * <ul>
 *   <li>Eligible: episodes whose 6-month milestone {@code m = enrollment_date + 6 months} is
 *       in P and that are enrolled on {@code m}.
 *   <li>Achieved, with the caregiver's answers dated in {@code (enrollment_date, m + 30 days]}:
 *       (a) if {@code in_school_at_enrollment = Y}: the latest {@code IN_SCHOOL} answer is Y, or
 *       an {@code EDUCATION_COMPLETED} answer; (b) if {@code employment_hours_at_enrollment ≥ 20}:
 *       the latest {@code EMPLOYMENT_HOURS} answer is ≥ 20; (c) if neither applies (an empty
 *       enrollment value makes no clause apply): any {@code IN_SCHOOL = Y}, any
 *       {@code EMPLOYMENT_HOURS ≥ 20} or any {@code EDUCATION_COMPLETED}. Any applicable clause
 *       that holds achieves it.
 * </ul>
 * Window: {@code [enrollment_date + 1 day, m + 30 days]}. Evidence: the answer that made the
 * first holding clause hold; the note names the clause.
 */
public final class Rc3EducationTrainingEmployment implements Outcome {

  public static final String CODE = "RC3";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(RateCardInputs in) {
    Dataset<Row> withMilestone = in.episodes().drop("child_id")
        .withColumn("milestone", Days.plusMonths(col("enrollment_date"), 6));
    Dataset<Row> candidates = PeriodJoin.dayIn(in.periods(), withMilestone, col("milestone"))
        .withColumn("in_denominator", Episodes.enrolledOn(col("milestone")))
        .withColumn("window_start", Days.plusDays(col("enrollment_date"), 1))
        .withColumn("window_end", Days.plusDays(col("milestone"), 30))
        .withColumn("in_school_applies", coalesce(col("in_school_at_enrollment"), lit(false)))
        .withColumn("employment_applies", coalesce(col("employment_hours_at_enrollment").geq(20), lit(false)))
        .select("period", "enrollment_id", "program_id", "in_denominator", "window_start", "window_end",
            "in_school_applies", "employment_applies");
    Dataset<Row> answers = Evidence.rows(
        in.answers().where(col("item").isin("IN_SCHOOL", "EMPLOYMENT_HOURS", "EDUCATION_COMPLETED")),
        "assessment_date", "assessment_id", "item", "value");
    Column inSchool = col("ev_item").equalTo("IN_SCHOOL");
    Column hours = col("ev_item").equalTo("EMPLOYMENT_HOURS");
    Column inSchoolYes = inSchool.and(col("ev_value").equalTo("Y"));
    Column hours20 = hours.and(col("ev_value").cast("int").geq(20));
    Column completed = col("ev_item").equalTo("EDUCATION_COMPLETED");
    Dataset<Row> summary = Evidence.summarized(candidates, answers,
        Evidence.caregiverRowOf(col("enrollment_id")).and(Evidence.datedIn(col("window_start"), col("window_end"))),
        max(when(inSchool, answer())).as("latest_in_school"),
        max(when(hours, answer())).as("latest_hours"),
        min(when(completed, answer())).as("first_completed"),
        min(when(inSchoolYes, answer())).as("first_in_school_yes"),
        min(when(hours20, answer())).as("first_hours_20"));

    Column neither = col("in_school_applies").unary_$bang().and(col("employment_applies").unary_$bang());
    Column aHolds = col("in_school_applies").and(
        coalesce(col("latest_in_school.value").equalTo("Y"), lit(false)).or(col("first_completed").isNotNull()));
    Column bHolds = col("employment_applies").and(coalesce(col("latest_hours.value").cast("int").geq(20), lit(false)));
    Column anyAnswer = coalesce(col("first_in_school_yes"), col("first_hours_20"), col("first_completed"));
    Column cHolds = neither.and(anyAnswer.isNotNull());
    Column deciding = when(aHolds, coalesce(
            when(col("latest_in_school.value").equalTo("Y"), col("latest_in_school")), col("first_completed")))
        .when(bHolds, col("latest_hours"))
        .when(cHolds, anyAnswer);
    Column applied = concat_ws(" and ",
        when(col("in_school_applies"), lit("(a) in school")), when(col("employment_applies"), lit("(b) employed 20h+")),
        when(neither, lit("(c) neither at enrollment")));
    Column held = when(aHolds, lit("(a)")).when(bHolds, lit("(b)")).when(cHolds, lit("(c)"));
    return Units.of(CODE, UnitType.PC, summary
        .withColumn(Units.ACHIEVED, aHolds.or(bHolds).or(cHolds))
        .withColumn("evidence_date", deciding.getField("date"))
        .withColumn("evidence_id", deciding.getField("id"))
        .withColumn("note", when(col("in_denominator").unary_$bang(), lit("not enrolled on enrollment + 6 months"))
            .when(held.isNotNull(), concat_ws(" ", lit("clause"), held, lit("holds; applied:"), applied))
            .otherwise(concat_ws(" ", lit("no clause holds; applied:"), applied))));
  }

  /** An answer as a struct that orders by date, then id (max = the latest answer, min = the first). */
  private static Column answer() {
    return struct(col(Evidence.DATE).as("date"), col(Evidence.ID).as("id"), col("ev_value").as("value"));
  }
}
