package hv.marts.evaluation;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

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
 * <p>The items ({@link #ITEMS}) come from the plain-Java checks of {@link hv.quality.Checks},
 * run by the night's {@link hv.marts.FamilyPass}.
 */
public final class DataQuality {

  /** An item: one record a check lists, with its program and the date that explains it. */
  public static final StructType ITEMS = new StructType()
      .add("program_id", DataTypes.StringType)
      .add("check", DataTypes.StringType)
      .add("reason", DataTypes.StringType)
      .add("item_id", DataTypes.StringType)
      .add("item_date", DataTypes.DateType);

  private DataQuality() {}

  /** Items ({@link #ITEMS}) → one row per program, check and reason: the count and the sorted items. */
  public static Dataset<Row> group(Dataset<Row> items) {
    return items.groupBy("program_id", "check", "reason")
        .agg(count(lit(1)).as("count"), array_sort(collect_list(struct(col("item_id").as("id"), col("item_date").as("date"))))
            .as("items"));
  }
}
