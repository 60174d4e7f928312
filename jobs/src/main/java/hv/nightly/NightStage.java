package hv.nightly;

import hv.spark.Parallel;
import java.time.LocalDate;
import java.util.Map;

/** What a night does after its ingest, for the as-of date, in order: the marts, then the exports. */
public interface NightStage {
  /** @param seconds the stage's seconds by name, recorded in {@code ops.runs.stage_seconds} */
  void run(LocalDate asOf, Parallel parallel, Map<String, Double> seconds);
}
