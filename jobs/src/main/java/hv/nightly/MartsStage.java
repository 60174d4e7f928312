package hv.nightly;

import hv.spark.Parallel;
import java.time.LocalDate;
import java.util.Map;

/** Rebuilds every mart for an as-of date from the core tables; records seconds per mart. */
public interface MartsStage {
  void build(LocalDate asOf, Parallel parallel, Map<String, Double> seconds);
}
