package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.col;

import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.IndexChildPeriods;
import hv.marts.common.Evidence;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** PM08 and PM09: index children active in P with their events of one type dated in P on days enrolled. */
final class ChildEventsInPeriod {

  private ChildEventsInPeriod() {}

  /** {@link IndexChildPeriods#active} rows with {@code evidence_count, evidence_date, evidence_id}. */
  static Dataset<Row> count(BenchmarkInputs in, String eventType) {
    Dataset<Row> events = Evidence.rows(in.events().where(col("event_type").equalTo(eventType)), "event_date", "event_id");
    return Evidence.counted(IndexChildPeriods.active(in), events,
        Evidence.childRowOf(col("child_id")).and(Evidence.datedIn(col("window_start"), col("window_end"))));
  }
}
