package hv.marts;

import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hv.core.CoreTables;
import hv.history.CommitStamp;
import hv.marts.benchmarks.BenchmarkMart;
import hv.marts.evaluation.EvaluationMart;
import hv.marts.ratecard.RateCardMart;
import hv.marts.ratecard.RateCardPrices;
import hv.nightly.NightStage;
import hv.ops.OpsTables;
import hv.ops.Progress;
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
 * Rebuilds every mart from core for an as-of date, whole, every night: the families are
 * assembled once and every unit rule runs on them in one pass ({@link FamilyPass}); the units,
 * persisted once, are what each mart aggregates; each table is written in one commit that
 * records the core versions it was computed from.
 */
public final class Marts implements NightStage {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Warehouse warehouse;
  private final Progress progress;

  public Marts(Warehouse warehouse, Progress progress) {
    this.warehouse = warehouse;
    this.progress = progress;
  }

  @Override
  public void run(LocalDate asOf, Parallel parallel, Map<String, Double> seconds) {
    progress.say("marts: building as of %s", asOf);
    progress.lap();
    CoreVersions versions = CoreVersions.current(warehouse);
    CoreTables core = CoreTables.fromWarehouse(warehouse, versions.versions());
    String builtFrom = builtFrom(versions);
    FamilyPass pass = FamilyPass.of(core, asOf);
    seconds.put("marts.core", progress.lap());
    progress.say("marts: core tables read (%.1fs)", seconds.get("marts.core"));

    BenchmarkMart.Result benchmarks = pass.benchmarks();
    publish("benchmarks", asOf, builtFrom, parallel, seconds, Map.of(
        "benchmark_units", benchmarks.units(),
        "benchmark_results", benchmarks.results()));

    RateCardMart.Result rateCard = pass.rateCard(RateCardPrices.configured());
    publish("ratecard", asOf, builtFrom, parallel, seconds, Map.of(
        "ratecard_units", rateCard.units(),
        "ratecard_results", rateCard.results(),
        "ratecard_payments", rateCard.payments()));

    EvaluationMart.Result evaluation = EvaluationMart.build(pass, quarantine());
    publish("evaluation", asOf, builtFrom, parallel, seconds, Map.of(
        "provider_comparison", evaluation.providerComparison(),
        "service_delivery", evaluation.serviceDelivery(),
        "data_quality", evaluation.dataQuality()));
    pass.release();
    // the exports read the published marts, not these
    core.release();
  }

  /** Writes one mart's tables side by side, one commit each, and records the mart's seconds. */
  private void publish(String mart, LocalDate asOf, String builtFrom, Parallel parallel, Map<String, Double> seconds,
                       Map<String, Dataset<Row>> tables) {
    parallel.forEach(List.copyOf(new LinkedHashMap<>(tables).keySet()),
        name -> write(name, tables.get(name), asOf, builtFrom));
    seconds.put("marts." + mart, progress.lap());
    progress.say("marts: %s published (%.1fs)", mart, seconds.get("marts." + mart));
  }

  /** ops.quarantine as ingest left it (none yet: empty). */
  private Dataset<Row> quarantine() {
    return warehouse.exists("ops", "quarantine") ? warehouse.read("ops", "quarantine")
        : warehouse.spark().createDataFrame(List.of(), OpsTables.QUARANTINE);
  }

  /** The whole table in one commit, which records what it was built from. */
  private void write(String table, Dataset<Row> rows, LocalDate asOf, String builtFrom) {
    rows.withColumn("as_of", lit(Date.valueOf(asOf)))
        .write().format("delta").mode("overwrite").option("overwriteSchema", "true")
        .option("userMetadata", builtFrom)
        .save(warehouse.location("marts", table));
  }

  /** The commit metadata: the night's own stamp ({@link CommitStamp}: run id, as-of) and the core versions read. */
  private String builtFrom(CoreVersions versions) {
    Map<String, Object> m = new LinkedHashMap<>();
    try {
      String stamp = CommitStamp.current(warehouse.spark());
      if (stamp != null) {
        JSON.readValue(stamp, Map.class).forEach((k, v) -> m.put((String) k, v));
      }
      m.put("core", versions.versions());
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable commit stamp", e);
    }
  }
}
