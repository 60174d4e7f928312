package hv.marts.benchmarks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;

import hv.marts.common.Episodes;
import hv.marts.common.PeriodJoin;
import hv.time.Days;
import hv.time.Periods;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Index children active in P (PM08, PM09, PM11): one row per child and period, in the
 * denominator, with the days of P on which the child was enrolled as the window
 * {@code [max(P.start, child_enrollment_date), min(P.end, effective exit)]} — "dated in P on
 * a day the child was enrolled" is "dated in the window".
 */
public final class IndexChildPeriods {

  private IndexChildPeriods() {}

  /** {@code period, enrollment_id, child_id, program_id, in_denominator, window_start, window_end}. */
  public static Dataset<Row> active(BenchmarkInputs in) {
    return PeriodJoin.where(in.periods(), in.indexChildren(), Episodes.childActiveIn(col(Periods.START), col(Periods.END)))
        .withColumn("window_start", greatest(col(Periods.START), col("child_enrollment_date")))
        .withColumn("window_end", Days.earlierEnd(col(Periods.END), col(Episodes.CHILD_EXIT)))
        .withColumn("in_denominator", lit(true))
        .select("period", "enrollment_id", "child_id", "program_id", "in_denominator", "window_start", "window_end");
  }
}
