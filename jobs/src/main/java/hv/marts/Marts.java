package hv.marts;

import static org.apache.spark.sql.functions.lit;

import hv.core.CoreTables;
import hv.marts.benchmarks.BenchmarkMart;
import hv.marts.evaluation.EvaluationMart;
import hv.marts.incremental.CoreVersions;
import hv.marts.incremental.PeriodTable;
import hv.marts.incremental.Publication;
import hv.marts.incremental.Refreshes;
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
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rebuilds the marts from core for an as-of date: the core tables are read once and shared,
 * every mart is computed for all its periods in one pass and written in one commit, so each
 * night is one version of each mart table. The per-period marts (benchmarks, rate card) are
 * rebuilt on top of their last publication where that is sound ({@link PeriodRefresh}); the
 * full path is kept for {@code marts.incremental=false} or {@code nightly --full-marts}.
 */
public final class Marts implements MartsStage {

  private final Warehouse warehouse;
  private final Progress progress;
  private final boolean incremental;
  /** The commit metadata of the build in progress: the core versions and code it is computed from. */
  private String builtFrom;

  /** Incremental as {@code conf/hv.properties} says ({@code marts.incremental}). */
  public Marts(Warehouse warehouse, Progress progress) {
    this(warehouse, progress, Refreshes.configured());
  }

  /** @param incremental false: every mart for every period (the unoptimized path) */
  public Marts(Warehouse warehouse, Progress progress, boolean incremental) {
    this.warehouse = warehouse;
    this.progress = progress;
    this.incremental = incremental;
  }

  @Override
  public void build(LocalDate asOf, Parallel parallel, Map<String, Double> seconds) {
    PeriodMarts built = buildPeriodMarts(asOf, parallel, seconds);

    EvaluationMart.Result evaluation = EvaluationMart.build(built.core(), asOf, built.benchmarks().units(),
        built.rateCard().units(), quarantine());
    publish("evaluation", asOf, parallel, seconds, Map.of(
        "provider_comparison", PeriodTable.whole(evaluation.providerComparison()),
        "service_delivery", PeriodTable.whole(evaluation.serviceDelivery()),
        "data_quality", PeriodTable.whole(evaluation.dataQuality())));

    // the files are read back from the published tables: they show what the tables hold
    new Exports(warehouse, progress).publish(asOf, built.core().programs(), built.prices());
    seconds.put("exports", progress.lap());
    progress.say("marts: exports written (%.1fs)", seconds.get("exports"));
  }

  /**
   * Only the per-period marts (benchmarks and rate card, the marts the incremental path
   * rebuilds), as a night's marts stage: for tests of that path, which need neither the
   * evaluation marts nor the exports.
   */
  public MartsStage periodMartsOnly() {
    return this::buildPeriodMarts;
  }

  private record PeriodMarts(CoreTables core, BenchmarkMart.Result benchmarks, RateCardMart.Result rateCard,
                             RateCardPrices prices) {}

  private PeriodMarts buildPeriodMarts(LocalDate asOf, Parallel parallel, Map<String, Double> seconds) {
    progress.say("marts: building as of %s", asOf);
    CoreVersions versions = CoreVersions.current(warehouse);
    CoreTables core = CoreTables.fromWarehouse(warehouse, versions.versions());
    builtFrom = Publication.metadata(versions, warehouse.spark());
    Refreshes refreshes = new Refreshes(warehouse, versions, incremental);
    progress.say("marts: core tables read (%.1fs)", progress.lap());

    BenchmarkMart.Result benchmarks = BenchmarkMart.build(core, asOf,
        refreshes.of("benchmark_units", "benchmark_results"));
    progress.say("marts: benchmarks: %s", benchmarks.plan());
    publish("benchmarks", asOf, parallel, seconds, Map.of(
        "benchmark_units", benchmarks.unitTable(),
        "benchmark_results", benchmarks.resultTable()));

    RateCardPrices prices = RateCardPrices.configured();
    RateCardMart.Result rateCard = RateCardMart.build(core, asOf, prices,
        refreshes.of("ratecard_units", "ratecard_results"));
    progress.say("marts: ratecard: %s", rateCard.plan());
    publish("ratecard", asOf, parallel, seconds, Map.of(
        "ratecard_units", rateCard.unitTable(),
        "ratecard_results", rateCard.resultTable(),
        "ratecard_payments", PeriodTable.whole(rateCard.payments())));
    return new PeriodMarts(core, benchmarks, rateCard, prices);
  }

  /** Writes one mart's tables side by side, one commit each, and records the stage's seconds. */
  private void publish(String mart, LocalDate asOf, Parallel parallel, Map<String, Double> seconds,
                       Map<String, PeriodTable> tables) {
    parallel.forEach(List.copyOf(new LinkedHashMap<>(tables).keySet()), name -> write(name, tables.get(name), asOf));
    seconds.put("marts." + mart, progress.lap());
    progress.say("marts: %s published (%.1fs)", mart, seconds.get("marts." + mart));
  }

  /** ops.quarantine as ingest left it (none yet: empty). */
  private Dataset<Row> quarantine() {
    return warehouse.exists("ops", "quarantine") ? warehouse.read("ops", "quarantine")
        : warehouse.spark().createDataFrame(List.of(), OpsTables.QUARANTINE);
  }

  /**
   * One commit: the whole table, or only the replaced periods' rows (the other periods' rows,
   * with their {@code as_of}, stay as published). The commit records what it was built from.
   */
  private void write(String table, PeriodTable rows, LocalDate asOf) {
    DataFrameWriter<Row> writer = rows.written().withColumn("as_of", lit(Date.valueOf(asOf)))
        .write().format("delta").mode("overwrite").option("userMetadata", builtFrom);
    writer = rows.replacedPeriods() == null ? writer.option("overwriteSchema", "true")
        : writer.option("replaceWhere", rows.replaceWhere());
    writer.save(warehouse.location("marts", table));
  }
}
