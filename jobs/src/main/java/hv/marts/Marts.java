package hv.marts;

import static org.apache.spark.sql.functions.lit;

import hv.core.CoreTables;
import hv.marts.benchmarks.BenchmarkMart;
import hv.marts.evaluation.EvaluationMart;
import hv.nightly.MartsStage;
import hv.ops.OpsTables;
import hv.spark.Parallel;
import hv.ops.Progress;
import hv.spark.Warehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rebuilds the marts from core for an as-of date: the core tables are read once and shared,
 * every mart is computed for all its periods in one pass and written in one commit, so each
 * night is one version of each mart table.
 */
public final class Marts implements MartsStage {

  private final Warehouse warehouse;
  private final Progress progress;

  public Marts(Warehouse warehouse, Progress progress) {
    this.warehouse = warehouse;
    this.progress = progress;
  }

  @Override
  public void build(LocalDate asOf, Parallel parallel, Map<String, Double> seconds) {
    progress.say("marts: building as of %s", asOf);
    CoreTables core = CoreTables.fromWarehouse(warehouse);
    progress.say("marts: core tables read (%.1fs)", progress.lap());
    BenchmarkMart.Result benchmarks = BenchmarkMart.build(core, asOf);
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("benchmark_units", benchmarks.units());
    tables.put("benchmark_results", benchmarks.results());
    parallel.forEach(List.copyOf(tables.keySet()), name -> write(name, tables.get(name), asOf));
    seconds.put("marts.benchmarks", progress.lap());
    progress.say("marts: benchmarks published (%.1fs)", seconds.get("marts.benchmarks"));

    EvaluationMart.Result evaluation = EvaluationMart.build(core, asOf, benchmarks.units(), quarantine());
    Map<String, Dataset<Row>> evaluationTables = new LinkedHashMap<>();
    evaluationTables.put("provider_comparison", evaluation.providerComparison());
    evaluationTables.put("service_delivery", evaluation.serviceDelivery());
    evaluationTables.put("data_quality", evaluation.dataQuality());
    parallel.forEach(List.copyOf(evaluationTables.keySet()), name -> write(name, evaluationTables.get(name), asOf));
    seconds.put("marts.evaluation", progress.lap());
    progress.say("marts: evaluation published (%.1fs)", seconds.get("marts.evaluation"));
  }

  /** ops.quarantine as ingest left it (none yet: empty). */
  private Dataset<Row> quarantine() {
    return warehouse.exists("ops", "quarantine") ? warehouse.read("ops", "quarantine")
        : warehouse.spark().createDataFrame(List.of(), OpsTables.QUARANTINE);
  }

  private void write(String table, Dataset<Row> rows, LocalDate asOf) {
    rows.withColumn("as_of", lit(Date.valueOf(asOf)))
        .write().format("delta").mode("overwrite").option("overwriteSchema", "true")
        .save(warehouse.location("marts", table));
    warehouse.register("marts", table);
  }
}
