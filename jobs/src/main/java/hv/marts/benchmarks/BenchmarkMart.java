package hv.marts.benchmarks;

import hv.marts.common.Rollup;
import hv.measures.MeasureFacts;
import hv.measures.MeasureFacts.MeasureSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The federal benchmark marts: {@code marts.benchmark_units} (every unit of every measure
 * and period, with why) and {@code marts.benchmark_results} (their roll-up). Lazy
 * DataFrames; the caller writes them.
 */
public final class BenchmarkMart {

  public record Result(Dataset<Row> units, Dataset<Row> results) {}

  private BenchmarkMart() {}

  /**
   * @param units    the family pass's units of the benchmark measures ({@link hv.marts.common.Units#SCHEMA})
   * @param counts   the family pass's counts of those units ({@link hv.marts.common.StratumCounts})
   * @param periods  the run's FFY periods ({@link hv.time.Periods#SCHEMA})
   * @param programs every published program
   */
  public static Result of(Dataset<Row> units, Dataset<Row> counts, Dataset<Row> periods, Dataset<Row> programs) {
    Rollup rollup = new Rollup(Rollup.Labels.BENCHMARK, MeasureFacts.codes(MeasureSet.BENCHMARK),
        MeasureFacts.countCodes());
    return new Result(units, rollup.results(counts, periods, programs));
  }
}
