package hv.marts.ratecard.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import hv.marts.common.PeriodJoin;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The eligibility RC1 and RC2 share: episodes with {@code enrollment_date} in P, all eligible
 * (no further condition). The window is the enrollment day itself; no child is involved.
 */
final class EnrolledInPeriod {

  private EnrolledInPeriod() {}

  /** The episodes' columns with {@code period, in_denominator, window_start, window_end}. */
  static Dataset<Row> of(Dataset<Row> periods, Dataset<Row> episodes) {
    return PeriodJoin.dayIn(periods, episodes.drop("child_id"), col("enrollment_date"))
        .withColumn("in_denominator", lit(true))
        .withColumn("window_start", col("enrollment_date"))
        .withColumn("window_end", col("enrollment_date"));
  }
}
