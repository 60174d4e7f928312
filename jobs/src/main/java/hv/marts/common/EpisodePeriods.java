package hv.marts.common;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;

import hv.time.Periods;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Episodes active in P (PM16, PM17, PM19): one row per episode and period, with the
 * days of P on which the episode was enrolled as the window {@code [max(P.start,
 * enrollment_date), end(E, P)]} — "dated in P on a day the episode was enrolled" is "dated
 * in the window".
 */
public final class EpisodePeriods {

  private EpisodePeriods() {}

  /** The episodes' columns with {@code period, period_start, period_end, window_start, window_end}. */
  public static Dataset<Row> active(Dataset<Row> periods, Dataset<Row> episodes) {
    return PeriodJoin.where(periods, episodes, Episodes.activeIn(col(Periods.START), col(Periods.END)))
        .withColumn("window_start", greatest(col(Periods.START), col("enrollment_date")))
        .withColumn("window_end", Episodes.endIn(col(Periods.END)));
  }
}
