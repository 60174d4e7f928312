package hv.marts.common;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import hv.time.Days;
import hv.time.Periods;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * Pairs candidate units with the periods that concern them: all periods in one pass. The
 * periods are a handful of rows held in the driver ({@link hv.spark.Lineage#local}): each
 * candidate is paired with every period as constants and the pairs filtered: the join without
 * broadcasting the periods, which took a Spark job per join (about 55 a night at 3,000/yr).
 *
 * <p>A period may be computed for some episodes only ({@link #ONLY_EPISODES}: an ended period
 * the incremental path recomputes for the night's changed episodes): it is paired with those
 * episodes' candidates alone, so one plan serves the periods computed for every episode and
 * those computed for a few.
 */
public final class PeriodJoin {

  /**
   * Optional column of the periods: the {@code enrollment_id}s a period is computed for (the
   * candidates then need an {@code enrollment_id}), null for every episode.
   */
  public static final String ONLY_EPISODES = "_only_episodes";

  private static final String PAIRED = "_period_row";
  private static final String EPISODE_SET = "_episode_set";

  private PeriodJoin() {}

  /** One row per candidate and period containing the day. */
  public static Dataset<Row> dayIn(Dataset<Row> periods, Dataset<Row> candidates, Column day) {
    return where(periods, candidates, Days.within(day, col(Periods.START), col(Periods.END)));
  }

  /** One row per candidate and period that the condition (of the period's columns) holds for. */
  public static Dataset<Row> where(Dataset<Row> periods, Dataset<Row> candidates, Column condition) {
    List<Row> rows = periods.collectAsList();
    Dataset<Row> periodColumns = periods.drop(ONLY_EPISODES);
    if (rows.isEmpty()) {
      return candidates.join(periodColumns, condition);
    }
    StructField[] fields = periodColumns.schema().fields();
    int only = Arrays.asList(periods.columns()).indexOf(ONLY_EPISODES);
    // each distinct set of episodes once, numbered; a period carries its set's number (-1: all)
    Map<List<String>, Integer> episodeSets = new LinkedHashMap<>();
    List<Column> constants = new ArrayList<>();
    for (Row period : rows) {
      Column[] values = new Column[fields.length + 1];
      for (int i = 0; i < fields.length; i++) {
        values[i] = lit(period.getAs(fields[i].name())).cast(fields[i].dataType()).as(fields[i].name());
      }
      int set = only < 0 || period.isNullAt(only) ? -1
          : episodeSets.computeIfAbsent(new ArrayList<>(period.<String>getList(only)), x -> episodeSets.size());
      values[fields.length] = lit(set).as(EPISODE_SET);
      constants.add(struct(values));
    }
    List<Column> out = new ArrayList<>();
    for (String c : candidates.columns()) {
      out.add(col("`" + c + "`"));
    }
    for (StructField f : fields) {
      out.add(col(PAIRED + "." + f.name()).as(f.name()));
    }
    out.add(col(PAIRED + "." + EPISODE_SET).as(EPISODE_SET));
    Column paired = col(EPISODE_SET).equalTo(-1);
    for (Map.Entry<List<String>, Integer> set : episodeSets.entrySet()) {
      paired = paired.or(col(EPISODE_SET).equalTo(set.getValue())
          .and(col("enrollment_id").isin(set.getKey().toArray())));
    }
    return candidates.withColumn(PAIRED, explode(array(constants.toArray(new Column[0]))))
        .select(out.toArray(new Column[0]))
        .where(episodeSets.isEmpty() ? condition : condition.and(paired))
        .drop(EPISODE_SET);
  }
}
