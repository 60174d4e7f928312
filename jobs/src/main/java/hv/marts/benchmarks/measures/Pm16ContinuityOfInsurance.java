package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.Measure;
import hv.marts.common.EpisodePeriods;
import hv.marts.common.StatusRuns;
import hv.marts.common.UnitType;
import hv.marts.common.Units;
import hv.time.Days;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM16 Continuity of insurance. Unit: PC episode.
 *
 * <ul>
 *   <li>Denominator: episodes active in P with {@code enrollment_date + 6 months ≤ end(E, P)}.
 *   <li>Numerator: covered for at least 6 consecutive months inside
 *       {@code [enrollment_date, end(E, P)]}: the status on each day is the latest of
 *       {@code insurance_at_enrollment} (as of {@code enrollment_date}) and the caregiver's
 *       {@code INSURANCE} answers dated from {@code enrollment_date} to that day (an answer on
 *       {@code enrollment_date} overrides {@code insurance_at_enrollment}; earlier answers are
 *       ignored); covered means {@code MEDICAID}, {@code PRIVATE}, {@code TRICARE} or
 *       {@code OTHER} (no status yet is not covered); a run of consecutive covered days from
 *       day a to day b counts when {@code a + 6 months ≤ b}.
 *   <li>Missing: {@code insurance_at_enrollment} empty and no caregiver {@code INSURANCE}
 *       answer dated in {@code [enrollment_date, end(E, P)]}.
 * </ul>
 * Emitted but outside the denominator: active in P, enrolled less than 6 months by
 * {@code end(E, P)}. Evidence: the first counting run's first day and the row that starts it
 * (the answer, or the enrollment for {@code insurance_at_enrollment}).
 */
public final class Pm16ContinuityOfInsurance implements Measure {

  public static final String CODE = "PM16";
  static final List<String> COVERED = List.of("MEDICAID", "PRIVATE", "TRICARE", "OTHER");

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Dataset<Row> candidates = EpisodePeriods.active(in.periods(), in.episodes())
        .withColumn("window_start", col("enrollment_date"))
        .withColumn("in_denominator", Days.plusMonths(col("enrollment_date"), 6).leq(col("window_end")))
        .select("period", "enrollment_id", "program_id", "in_denominator", "window_start", "window_end");
    List<String> unitKey = UnitType.PC.key();
    Dataset<Row> changes = candidates.select("period", "enrollment_id", "window_end")
        .join(statusChanges(in), "enrollment_id");
    Column sixMonthsCovered = col(StatusRuns.HOLDS)
        .and(Days.plusMonths(col(StatusRuns.RUN_START), 6).leq(col(StatusRuns.RUN_END)));
    // one row per unit that has a status on some day; with the first run that counts, if any
    Dataset<Row> statusKnown = StatusRuns.of(changes, unitKey, col("window_end"))
        .groupBy(unitKey.stream().map(k -> col(k)).toArray(Column[]::new))
        .agg(min(when(sixMonthsCovered, struct(col(StatusRuns.RUN_START), col(StatusRuns.RUN_CHANGE))))
            .as("covered_run"))
        .withColumn("status_known", lit(true));
    Dataset<Row> units = candidates.join(statusKnown, scala.collection.JavaConverters.asScalaBuffer(unitKey).toSeq(),
        "left");
    Column unknown = col("status_known").isNull();
    Column covered = col("covered_run").isNotNull();
    return Units.of(CODE, UnitType.PC, units
        .withColumn("missing", col("in_denominator").and(unknown))
        .withColumn(Units.ACHIEVED, covered)
        .withColumn("evidence_date", col("covered_run." + StatusRuns.RUN_START))
        .withColumn("evidence_id", col("covered_run." + StatusRuns.RUN_CHANGE))
        .withColumn("note", when(col("in_denominator").unary_$bang(), lit("enrolled less than 6 months by end(E, P)"))
            .when(unknown, lit("no insurance at enrollment and no insurance answer by end(E, P)"))
            .when(covered, lit("covered 6 consecutive months since enrollment"))
            .otherwise(lit("not covered 6 consecutive months since enrollment"))));
  }

  /**
   * The caregiver's insurance status changes: {@code insurance_at_enrollment} on
   * {@code enrollment_date}, then each standing caregiver {@code INSURANCE} answer dated on or
   * after it (greater precedence: an answer on {@code enrollment_date} overrides).
   */
  private static Dataset<Row> statusChanges(BenchmarkInputs in) {
    Dataset<Row> atEnrollment = in.episodes()
        .where(col("insurance_at_enrollment").isNotNull())
        .select(col("enrollment_id"), col("enrollment_date").as(StatusRuns.DATE), lit(0).as(StatusRuns.PRECEDENCE),
            col("insurance_at_enrollment").isin(COVERED.toArray()).as(StatusRuns.HOLDS),
            col("enrollment_id").as(StatusRuns.ID));
    Dataset<Row> answered = in.answers()
        .where(col("item").equalTo("INSURANCE").and(col("child_id").isNull()))
        .join(in.episodes().select("enrollment_id", "enrollment_date"), "enrollment_id")
        .where(col("assessment_date").geq(col("enrollment_date")))
        .select(col("enrollment_id"), col("assessment_date").as(StatusRuns.DATE), lit(1).as(StatusRuns.PRECEDENCE),
            col("value").isin(COVERED.toArray()).as(StatusRuns.HOLDS), col("assessment_id").as(StatusRuns.ID));
    return atEnrollment.unionByName(answered);
  }
}
