package hv.marts.common;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import hv.time.Days;
import hv.time.Periods;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Pairs candidate units with the periods that concern them: all periods in one join. */
public final class PeriodJoin {

  private PeriodJoin() {}

  /** One row per candidate and period containing the day. */
  public static Dataset<Row> dayIn(Dataset<Row> periods, Dataset<Row> candidates, Column day) {
    return candidates.join(broadcast(periods), Days.within(day, col(Periods.START), col(Periods.END)));
  }

  /** One row per candidate and period that the condition (of the period's columns) holds for. */
  public static Dataset<Row> where(Dataset<Row> periods, Dataset<Row> candidates, Column condition) {
    return candidates.join(broadcast(periods), condition);
  }
}
