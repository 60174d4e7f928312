package hv.marts.common;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import hv.time.Days;
import hv.time.Periods;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * Pairs candidate units with the periods that concern them: all periods in one pass. The
 * periods are a handful of rows held in the driver ({@link hv.spark.Lineage#local}): each
 * candidate is paired with every period as constants and the pairs filtered: the join without
 * broadcasting the periods, which took a Spark job per join (about 55 a night at 3,000/yr).
 */
public final class PeriodJoin {

  private static final String PAIRED = "_period_row";

  private PeriodJoin() {}

  /** One row per candidate and period containing the day. */
  public static Dataset<Row> dayIn(Dataset<Row> periods, Dataset<Row> candidates, Column day) {
    return where(periods, candidates, Days.within(day, col(Periods.START), col(Periods.END)));
  }

  /** One row per candidate and period that the condition (of the period's columns) holds for. */
  public static Dataset<Row> where(Dataset<Row> periods, Dataset<Row> candidates, Column condition) {
    List<Row> rows = periods.collectAsList();
    if (rows.isEmpty()) {
      return candidates.join(periods, condition);
    }
    StructField[] fields = periods.schema().fields();
    List<Column> constants = new ArrayList<>();
    for (Row period : rows) {
      Column[] values = new Column[fields.length];
      for (int i = 0; i < fields.length; i++) {
        values[i] = lit(period.get(i)).cast(fields[i].dataType()).as(fields[i].name());
      }
      constants.add(struct(values));
    }
    List<Column> out = new ArrayList<>();
    for (String c : candidates.columns()) {
      out.add(col("`" + c + "`"));
    }
    for (StructField f : fields) {
      out.add(col(PAIRED + "." + f.name()).as(f.name()));
    }
    return candidates.withColumn(PAIRED, explode(array(constants.toArray(new Column[0]))))
        .select(out.toArray(new Column[0]))
        .where(condition);
  }
}
