package hv.marts.benchmarks;

import static org.apache.spark.sql.functions.col;

import hv.marts.common.Episodes;
import hv.marts.common.Evidence;
import hv.marts.common.PeriodJoin;
import hv.marts.common.UnitType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The shape several PC measures share (PM03, PM05, PM06, PM14): an episode has a window
 * {@code [window_start, window_end]}; it is a unit of the periods containing the window's
 * end, in the denominator when enrolled on that day; its evidence is the first caregiver row
 * of the episode dated in the window (rows after P.end included: the window decides).
 */
public final class EpisodeWindows {

  private EpisodeWindows() {}

  /**
   * @param windows  PC episodes with {@code window_start} and {@code window_end} (rows without
   *                 a window are dropped)
   * @param evidence rows in {@link Evidence#rows} shape
   * @return {@code period, enrollment_id, program_id, in_denominator, window_start,
   *         window_end, evidence_date, evidence_id}
   */
  public static Dataset<Row> caregiverRowInWindow(Dataset<Row> periods, Dataset<Row> windows, Dataset<Row> evidence) {
    Dataset<Row> candidates = PeriodJoin.dayIn(periods, windows.where(col("window_end").isNotNull()), col("window_end"))
        .withColumn("in_denominator", Episodes.enrolledOn(col("window_end")))
        .select("period", "enrollment_id", "program_id", "in_denominator", "window_start", "window_end");
    return Evidence.first(candidates, UnitType.PC, evidence,
        Evidence.caregiverRowOf(col("enrollment_id")).and(Evidence.datedIn(col("window_start"), col("window_end"))));
  }
}
