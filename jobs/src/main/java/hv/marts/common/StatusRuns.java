package hv.marts.common;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Runs of consecutive days on which a status holds or does not (PM16), computed from the days
 * the status changes rather than day by day. A change is in force from its day to the day
 * before the unit's next change (ordered by date, then precedence), the last one to the
 * unit's last day. Of two changes on one day the one with the greater precedence overrides
 * the other, which is then in force on no day; changes after the last day are in force on
 * no day. Consecutive changes with the same {@code holds} value make one run.
 */
public final class StatusRuns {

  public static final String DATE = "change_date";
  public static final String PRECEDENCE = "change_precedence";
  public static final String HOLDS = "holds";
  public static final String ID = "change_id";
  public static final String RUN_START = "run_start";
  public static final String RUN_END = "run_end";
  /** The change that starts the run. */
  public static final String RUN_CHANGE = "run_change_id";

  private StatusRuns() {}

  /**
   * @param changes one row per unit and change: the {@code key} columns, {@link #DATE},
   *                {@link #PRECEDENCE}, {@link #HOLDS} (boolean), {@link #ID}
   * @param lastDay the unit's last day, a column of {@code changes}
   * @return one row per run: the {@code key} columns, {@link #HOLDS}, {@link #RUN_START},
   *         {@link #RUN_END}, {@link #RUN_CHANGE}
   */
  public static Dataset<Row> of(Dataset<Row> changes, List<String> key, Column lastDay) {
    Column[] keyColumns = key.stream().map(k -> col(k)).toArray(Column[]::new);
    WindowSpec inOrder = Window.partitionBy(keyColumns).orderBy(col(DATE), col(PRECEDENCE));
    // least skips the empty lead of the last change
    Dataset<Row> inForce = changes
        .withColumn("_until", least(date_sub(lead(col(DATE), 1).over(inOrder), 1), lastDay))
        .where(col(DATE).leq(col("_until")));
    Column startsRun = coalesce(col(HOLDS).notEqual(lag(col(HOLDS), 1).over(inOrder)), lit(true));
    List<Column> runKey = new ArrayList<>(List.of(keyColumns));
    runKey.add(col("_run"));
    runKey.add(col(HOLDS));
    List<Column> output = new ArrayList<>(List.of(keyColumns));
    output.addAll(List.of(col(HOLDS), col("_first." + DATE).as(RUN_START), col(RUN_END),
        col("_first." + ID).as(RUN_CHANGE)));
    return inForce
        .withColumn("_starts_run", startsRun)
        .withColumn("_run", sum(when(col("_starts_run"), 1).otherwise(0))
            .over(inOrder.rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
        .groupBy(runKey.toArray(Column[]::new))
        .agg(min(struct(col(DATE), col(ID))).as("_first"), max(col("_until")).as(RUN_END))
        .select(output.toArray(Column[]::new));
  }
}
