package hv.marts.common;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import hv.core.CoreSchema;
import hv.core.CoreTables;
import hv.time.Days;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Every live episode (enrollments row, any caregiver) with what the measures ask of it: the
 * caregiver's attributes, its index child, the child's effective exit and the episode's
 * delivery date. One row per episode; the index child columns are empty when it has none.
 *
 * <p>Index child columns: {@code child_id, birth_date, gestational_age_weeks,
 * child_enrollment_date, child_exit} (the effective exit).
 */
public final class Episodes {

  /** Effective exit of the index child: the earlier of child_exit_date and the episode's exit_date. */
  public static final String CHILD_EXIT = "child_exit";
  public static final String DELIVERY = "delivery_date";

  private Episodes() {}

  public static Dataset<Row> of(CoreTables core) {
    Dataset<Row> caregivers = core.caregivers()
        .select("caregiver_id", "caregiver_role", "race", "hispanic", "hispanic_origin");
    return core.enrollments()
        .drop(CoreSchema.EXTRACT_DATE, CoreSchema.SOURCE_LINE, CoreSchema.RUN_ID, "updated_at", "deleted")
        .join(caregivers, "caregiver_id")
        .join(indexChildren(core.children()), "enrollment_id", "left")
        .withColumn(CHILD_EXIT, Days.earlierEnd(col("child_exit_date"), col("exit_date")))
        .drop("child_exit_date")
        .withColumn(DELIVERY, when(col("pregnant_at_enrollment")
            .and(col("birth_date").geq(col("enrollment_date"))), col("birth_date")));
  }

  /** The child with is_index_child = Y; of several, the smallest child_id in character order. */
  private static Dataset<Row> indexChildren(Dataset<Row> children) {
    return children
        .where(col("is_index_child"))
        .withColumn("_rank", row_number().over(Window.partitionBy("enrollment_id").orderBy("child_id")))
        .where(col("_rank").equalTo(1))
        .select("enrollment_id", "child_id", "birth_date", "gestational_age_weeks",
            "child_enrollment_date", "child_exit_date");
  }

  /** The episode is enrolled on the day. */
  public static Column enrolledOn(Column day) {
    return Days.enrolledOn(col("enrollment_date"), col("exit_date"), day);
  }

  /** The episode is enrolled on some day of [from, to]. */
  public static Column activeIn(Column from, Column to) {
    return Days.activeIn(col("enrollment_date"), col("exit_date"), from, to);
  }

  /** {@code end(E, P) = min(P.end, exit_date)}. */
  public static Column endIn(Column periodEnd) {
    return Days.earlierEnd(periodEnd, col("exit_date"));
  }

  /** The index child is enrolled on the day (from child_enrollment_date to its effective exit). */
  public static Column childEnrolledOn(Column day) {
    return Days.enrolledOn(col("child_enrollment_date"), col(CHILD_EXIT), day);
  }

  /** The index child is enrolled on some day of [from, to]. */
  public static Column childActiveIn(Column from, Column to) {
    return Days.activeIn(col("child_enrollment_date"), col(CHILD_EXIT), from, to);
  }
}
