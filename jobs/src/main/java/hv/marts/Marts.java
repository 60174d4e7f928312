package hv.marts;

import static org.apache.spark.sql.functions.lit;

import hv.core.CoreTables;
import hv.marts.benchmarks.BenchmarkMart;
import hv.marts.evaluation.EvaluationMart;
import hv.marts.ratecard.RateCardMart;
import hv.marts.ratecard.RateCardPrices;
import hv.nightly.MartsStage;
import hv.ops.OpsTables;
import hv.ops.Progress;
import hv.publish.Exports;
import hv.spark.Parallel;
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
    publish("benchmarks", asOf, parallel, seconds, Map.of(
        "benchmark_units", benchmarks.units(),
        "benchmark_results", benchmarks.results()));

    RateCardPrices prices = RateCardPrices.configured();
    RateCardMart.Result rateCard = RateCardMart.build(core, asOf, prices);
    publish("ratecard", asOf, parallel, seconds, Map.of(
        "ratecard_units", rateCard.units(),
        "ratecard_results", rateCard.results(),
        "ratecard_payments", rateCard.payments()));

    EvaluationMart.Result evaluation = EvaluationMart.build(core, asOf, benchmarks.units(), rateCard.units(),
        quarantine());
    publish("evaluation", asOf, parallel, seconds, Map.of(
        "provider_comparison", evaluation.providerComparison(),
        "service_delivery", evaluation.serviceDelivery(),
        "data_quality", evaluation.dataQuality()));

    // the files are read back from the published tables: they show what the tables hold
    new Exports(warehouse, progress).publish(asOf, core.programs(), prices);
    seconds.put("exports", progress.lap());
    progress.say("marts: exports written (%.1fs)", seconds.get("exports"));
  }

  /** Writes one mart's tables side by side, one commit each, and records the stage's seconds. */
  private void publish(String mart, LocalDate asOf, Parallel parallel, Map<String, Double> seconds,
                       Map<String, Dataset<Row>> tables) {
    parallel.forEach(List.copyOf(new LinkedHashMap<>(tables).keySet()), name -> write(name, tables.get(name), asOf));
    seconds.put("marts." + mart, progress.lap());
    progress.say("marts: %s published (%.1fs)", mart, seconds.get("marts." + mart));
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
