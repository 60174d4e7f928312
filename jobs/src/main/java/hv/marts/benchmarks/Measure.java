package hv.marts.benchmarks;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One federal performance measure: its unit rows for every period at once, in the schema
 * of {@link hv.marts.common.Units}. Pure DataFrame code over {@link BenchmarkInputs}.
 */
public interface Measure {

  /** {@code PM01} … {@code PM19}. */
  String code();

  Dataset<Row> units(BenchmarkInputs in);
}
