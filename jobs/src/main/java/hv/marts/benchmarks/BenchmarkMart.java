package hv.marts.benchmarks;

import hv.core.CoreTables;
import hv.marts.common.Rollup;
import hv.marts.common.Strata;
import java.time.LocalDate;
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

  public static Result build(CoreTables core, LocalDate asOf) {
    BenchmarkInputs in = BenchmarkInputs.of(core, asOf).cached();
    Dataset<Row> units = BenchmarkMeasures.ALL.stream()
        .map(m -> m.units(in))
        .reduce(Dataset::unionByName)
        .orElseThrow()
        .cache();
    Rollup rollup = new Rollup(Rollup.Labels.BENCHMARK,
        BenchmarkMeasures.ALL.stream().map(Measure::code).toList(), COUNT_MEASURES);
    Dataset<Row> results = rollup.results(units, in.periods(), core.programs(), Strata.of(in.episodes()));
    return new Result(units, results);
  }
}
