package hv.marts.benchmarks;

import hv.core.CoreTables;
import hv.marts.common.Rollup;
import hv.marts.common.Strata;
import hv.marts.incremental.PeriodRefresh;
import hv.marts.incremental.PeriodTable;
import hv.measures.MeasureFacts;
import hv.measures.MeasureFacts.MeasureSet;
import hv.spark.Lineage;
import java.time.LocalDate;
import hv.spark.Parallel;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The federal benchmark marts: {@code marts.benchmark_units} (every unit of every measure
 * and period, with why) and {@code marts.benchmark_results} (their roll-up). Lazy
 * DataFrames; the caller writes them.
 */
public final class BenchmarkMart {

  private static final int MEASURE_THREADS = 4;

  /** The night's rows of both tables; {@link #units()} and {@link #results()} are the whole tables after the write. */
  public record Result(PeriodTable unitTable, PeriodTable resultTable, String plan) {
    public Dataset<Row> units() {
      return unitTable.all();
    }

    public Dataset<Row> results() {
      return resultTable.all();
    }
  }

  private BenchmarkMart() {}

  /** Every period for every episode. */
  public static Result build(CoreTables core, LocalDate asOf) {
    return build(core, asOf, PeriodRefresh.full("asked for"));
  }

  public static Result build(CoreTables core, LocalDate asOf, PeriodRefresh refresh) {
    BenchmarkInputs in = BenchmarkInputs.of(core, asOf).cached();
    PeriodRefresh.Plan plan = refresh.plan(in.periods());
    BenchmarkInputs tonight = in.withPeriods(plan.periods(in.periods()));
    // each measure is planned and computed on its own, side by side: one union of nineteen
    // deep plans costs the optimizer far more than nineteen plans
    List<Dataset<Row>> perMeasure;
    try (Parallel parallel = new Parallel(MEASURE_THREADS)) {
      perMeasure = parallel.map(BenchmarkMeasures.ALL, m -> Lineage.cut(m.units(tonight)));
    }
    PeriodTable units = plan.units(perMeasure.stream().reduce(Dataset::unionByName).orElseThrow());
    Rollup rollup = new Rollup(Rollup.Labels.BENCHMARK, MeasureFacts.codes(MeasureSet.BENCHMARK),
        MeasureFacts.countCodes());
    Dataset<Row> results = rollup.results(units.written(), plan.rolledUp(in.periods(), units), core.programs(),
        Strata.of(in.episodes()));
    return new Result(units, plan.results(units, results), plan.describe(units));
  }
}
