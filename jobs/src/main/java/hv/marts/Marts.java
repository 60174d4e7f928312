package hv.marts;

import static org.apache.spark.sql.functions.lit;

import hv.core.CoreTables;
import hv.marts.benchmarks.BenchmarkMart;
import hv.marts.ratecard.RateCardMart;
import hv.marts.ratecard.RateCardPrices;
import hv.nightly.MartsStage;
import hv.nightly.Parallel;
import hv.ops.Progress;
import hv.publish.RateCardReports;
import hv.spark.Warehouse;
import java.nio.file.Path;
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
    CoreTables core = CoreTables.fromWarehouse(warehouse).cached();
    progress.say("marts: building as of %s", asOf);
    BenchmarkMart.Result benchmarks = BenchmarkMart.build(core, asOf);
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("benchmark_units", benchmarks.units());
    tables.put("benchmark_results", benchmarks.results());
    parallel.forEach(List.copyOf(tables.keySet()), name -> write(name, tables.get(name), asOf));
    seconds.put("marts.benchmarks", progress.lap());
    progress.say("marts: benchmarks published (%.1fs)", seconds.get("marts.benchmarks"));

    RateCardPrices prices = RateCardPrices.configured();
    RateCardMart.Result rateCard = RateCardMart.build(core, asOf, prices);
    Map<String, Dataset<Row>> rateCardTables = new LinkedHashMap<>();
    rateCardTables.put("ratecard_units", rateCard.units());
    rateCardTables.put("ratecard_results", rateCard.results());
    rateCardTables.put("ratecard_payments", rateCard.payments());
    parallel.forEach(List.copyOf(rateCardTables.keySet()), name -> write(name, rateCardTables.get(name), asOf));
    // the providers' reports are read back from the published tables: the files show what the tables hold
    RateCardReports.write(exportFolder(asOf).resolve("ratecard"), warehouse.read("marts", "ratecard_results"),
        warehouse.read("marts", "ratecard_payments"), core.programs(), prices);
    seconds.put("marts.ratecard", progress.lap());
    progress.say("marts: rate card published (%.1fs)", seconds.get("marts.ratecard"));
  }

  /** {@code <warehouse>/exports/<as-of>/}: the files that leave the warehouse. */
  private Path exportFolder(LocalDate asOf) {
    return warehouse.root().resolve("exports").resolve(asOf.toString());
  }

  private void write(String table, Dataset<Row> rows, LocalDate asOf) {
    rows.withColumn("as_of", lit(Date.valueOf(asOf)))
        .write().format("delta").mode("overwrite").option("overwriteSchema", "true")
        .save(warehouse.location("marts", table));
    warehouse.register("marts", table);
  }
}
