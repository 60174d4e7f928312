package hv.marts.benchmarks;

import hv.marts.common.Rollup;
import hv.measures.Measure;
import hv.measures.Measures;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The federal benchmark marts: {@code marts.benchmark_units} (every unit of every measure
 * and period, with why) and {@code marts.benchmark_results} (their roll-up). Lazy
 * DataFrames; the caller writes them.
 */
public final class BenchmarkMart {

  /** Measures whose numerator counts events (a rate per child, not a percentage). */
  public static final Set<String> COUNT_MEASURES = Set.of("PM08");

  public record Result(Dataset<Row> units, Dataset<Row> results) {}

  private BenchmarkMart() {}

  /**
   * @param units    the family pass's units of the benchmark measures ({@link hv.marts.common.Units#SCHEMA})
   * @param periods  the run's FFY periods ({@link hv.time.Periods#SCHEMA})
   * @param programs every published program
   * @param strata   {@link hv.marts.common.Strata} of every episode
   */
  public static Result of(Dataset<Row> units, Dataset<Row> periods, Dataset<Row> programs, Dataset<Row> strata) {
    Rollup rollup = new Rollup(Rollup.Labels.BENCHMARK, Measures.PORTED.stream().map(Measure::code).toList(),
        COUNT_MEASURES);
    return new Result(units, rollup.results(units, periods, programs, strata));
  }
}
