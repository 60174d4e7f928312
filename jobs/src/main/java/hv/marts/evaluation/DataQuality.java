package hv.marts.evaluation;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;

import hv.core.CoreTables;
import hv.quality.Quarantined;
import hv.time.Days;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code marts.data_quality}: per program and as-of date, each check's count and the records
 * behind it ({@code items}: id and the date that explains it, sorted).
 *
 * <ul>
 *   <li>{@code QUARANTINED} (one row per reason): ops.quarantine rows of extracts up to the
 *       as-of date; item = file:line:record_key, date = extract date. Program: the row's
 *       {@code program_id}, else its {@code enrollment_id}'s program, else UNATTRIBUTED.
 *   <li>{@code DUAL_ENROLLMENT}: episodes in different programs of one caregiver that are
 *       both enrolled on some day up to the as-of date; item = caregiver:enrollment, date =
 *       the first day both are enrolled; each program sees its own episode.
 *   <li>{@code DISENGAGEMENT_OVERDUE}: episodes without an exit on or before the as-of date whose last
 *       COMPLETED visit is more than 30 days before it with a MISSED visit after it; date =
 *       the policy exit date (the last completed visit).
 *   <li>{@code LATE_DATA_ENTRY}: visits dated in the 12 months up to the as-of date entered
 *       after the 15th of the following month; date = the visit date.
 * </ul>
 *
 * <p>The items ({@link #ITEMS}) come from {@link #build}'s DataFrame code or from the plain-Java
 * checks of {@link hv.quality.Checks} ({@link hv.marts.FamilyPass#dataQualityItems}), which give
 * the same rows (FamilyPassTest); the DataFrame code goes once the nightly runs the checks.
 */
public final class DataQuality {

  /** An item: one record a check lists, with its program and the date that explains it. */
  public static final StructType ITEMS = new StructType()
      .add("program_id", DataTypes.StringType)
      .add("check", DataTypes.StringType)
      .add("reason", DataTypes.StringType)
      .add("item_id", DataTypes.StringType)
      .add("item_date", DataTypes.DateType);

  private static final int DISENGAGED_AFTER_DAYS = 30;

  private DataQuality() {}

  /** @param quarantine ops.quarantine (empty DataFrame of its schema when there is none) */
  public static Dataset<Row> build(CoreTables core, Dataset<Row> quarantine, LocalDate asOf) {
    Column asOfDate = lit(Date.valueOf(asOf));
    Dataset<Row> enrollments = core.enrollments().where(col("enrollment_date").leq(asOfDate));
    return group(quarantined(quarantine.where(col("extract_date").leq(asOfDate)), core.enrollments())
        .unionByName(dualEnrollments(enrollments, asOfDate))
        .unionByName(disengagementOverdue(enrollments, core.homeVisits(), asOfDate))
        .unionByName(lateDataEntry(core.homeVisits(), core.enrollments(), asOfDate)));
  }

  /** Items ({@link #ITEMS}) → one row per program, check and reason: the count and the sorted items. */
  public static Dataset<Row> group(Dataset<Row> items) {
    return items.groupBy("program_id", "check", "reason")
        .agg(count(lit(1)).as("count"), array_sort(collect_list(struct(col("item_id").as("id"), col("item_date").as("date"))))
            .as("items"));
  }

  private static Dataset<Row> quarantined(Dataset<Row> quarantine, Dataset<Row> enrollments) {
    Column fields = from_json(col("row_json"), DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    Dataset<Row> rows = quarantine
        .withColumn("_own_program", fields.getItem("program_id"))
        .withColumn("_enrollment_id", fields.getItem("enrollment_id"));
    Dataset<Row> programOfEpisode = enrollments.select(col("enrollment_id").as("_enrollment_id"),
        col("program_id").as("_episode_program"));
    return rows.join(programOfEpisode, "_enrollment_id", "left").select(
        coalesce(col("_own_program"), col("_episode_program"), lit(Quarantined.UNATTRIBUTED)).as("program_id"),
        lit("QUARANTINED").as("check"), col("reason"),
        concat_ws(":", col("file"), col("line").cast("string"), col("record_key")).as("item_id"),
        col("extract_date").as("item_date"));
  }

  private static Dataset<Row> dualEnrollments(Dataset<Row> enrollments, Column asOfDate) {
    Dataset<Row> episode = enrollments.select("caregiver_id", "enrollment_id", "program_id", "enrollment_date", "exit_date");
    Dataset<Row> other = episode.select(col("caregiver_id"), col("enrollment_id").as("_other_id"),
        col("program_id").as("_other_program"), col("enrollment_date").as("_other_start"), col("exit_date").as("_other_exit"));
    Column overlapStart = greatest(col("enrollment_date"), col("_other_start"));
    Column overlapEnd = Days.earlierEnd(Days.earlierEnd(col("exit_date"), col("_other_exit")), asOfDate);
    Dataset<Row> pairs = episode.join(other, "caregiver_id")
        .where(col("program_id").notEqual(col("_other_program")).and(Days.nonEmpty(overlapStart, overlapEnd)));
    return pairs.groupBy("program_id", "caregiver_id", "enrollment_id")
        .agg(min(overlapStart).as("item_date"))
        .select(col("program_id"), lit("DUAL_ENROLLMENT").as("check"), lit(null).cast("string").as("reason"),
            concat_ws(":", col("caregiver_id"), col("enrollment_id")).as("item_id"), col("item_date"));
  }

  private static Dataset<Row> disengagementOverdue(Dataset<Row> enrollments, Dataset<Row> visits, Column asOfDate) {
    // an exit recorded for the as-of day itself is an exit: nothing is overdue then
    Dataset<Row> open = enrollments.where(col("exit_date").isNull().or(col("exit_date").gt(asOfDate)))
        .select("enrollment_id", "program_id");
    Dataset<Row> held = visits.where(col("visit_date").leq(asOfDate));
    Dataset<Row> lastCompleted = held.where(col("status").equalTo("COMPLETED"))
        .groupBy("enrollment_id").agg(max("visit_date").as("last_completed"));
    Dataset<Row> lastMissed = held.where(col("status").equalTo("MISSED"))
        .groupBy("enrollment_id").agg(max("visit_date").as("last_missed"));
    return open.join(lastCompleted, "enrollment_id").join(lastMissed, "enrollment_id")
        .where(col("last_completed").lt(Days.plusDays(asOfDate, -DISENGAGED_AFTER_DAYS))
            .and(col("last_missed").gt(col("last_completed"))))
        .select(col("program_id"), lit("DISENGAGEMENT_OVERDUE").as("check"), lit(null).cast("string").as("reason"),
            col("enrollment_id").as("item_id"), col("last_completed").as("item_date"));
  }

  private static Dataset<Row> lateDataEntry(Dataset<Row> visits, Dataset<Row> enrollments, Column asOfDate) {
    Column inLastYear = col("visit_date").gt(Days.plusMonths(asOfDate, -12)).and(col("visit_date").leq(asOfDate));
    return visits.where(inLastYear.and(to_date(col("created_at")).gt(ServiceDelivery.entryDeadline(col("visit_date")))))
        .join(enrollments.select("enrollment_id", "program_id"), "enrollment_id")
        .select(col("program_id"), lit("LATE_DATA_ENTRY").as("check"), lit(null).cast("string").as("reason"),
            col("visit_id").as("item_id"), col("visit_date").as("item_date"));
  }
}
