package hv.nightly;

import hv.spark.Parallel;
import hv.spark.ShufflePartitions;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import hv.contract.Contract;
import hv.history.CommitStamp;
import hv.history.Retention;
import hv.marts.Marts;
import hv.ops.OpsTables;
import hv.ops.Progress;
import hv.ops.RunLock;
import hv.publish.Exports;
import hv.raw.ExtractRefused;
import hv.spark.Warehouse;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One night: ingest every pending extract, then rebuild the marts for the as-of date, then
 * record the run in {@code ops.runs}. Marts are rebuilt whenever what they were last built
 * from (last extract applied, as-of date) differs from now, so a run killed after ingest
 * but before the marts is completed by the next run.
 */
public final class NightlyJob {

  /** How the run ended: exit status as warehouse.md defines it. */
  public record Result(int exitStatus, List<LocalDate> applied, boolean martsRebuilt, String message) {}

  private final Warehouse warehouse;
  private final Progress progress;
  private final List<NightStage> stages;

  /** @param stages what follows the ingest, in order */
  public NightlyJob(Warehouse warehouse, Progress progress, List<NightStage> stages) {
    this.warehouse = warehouse;
    this.progress = progress;
    this.stages = List.copyOf(stages);
  }

  /** A night as {@code hv nightly} runs it: ingest, the marts, the exports. */
  public static NightlyJob standard(Warehouse warehouse, Progress progress) {
    return new NightlyJob(warehouse, progress, List.of(new Marts(warehouse, progress), new Exports(warehouse, progress)));
  }

  public Result run(Path inbox, LocalDate asOfOverride) throws IOException {
    try (RunLock lock = RunLock.acquire(warehouse.root()); Parallel parallel = new Parallel(4)) {
      Instant started = Instant.now();
      String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(started)
          + "-" + UUID.randomUUID().toString().substring(0, 8);
      Map<String, Double> seconds = new LinkedHashMap<>();
      CommitStamp.set(warehouse.spark(), runId, null);
      try {
        List<String> retained = Retention.apply(warehouse, parallel);
        if (!retained.isEmpty()) {
          progress.say("history: configured retention set on %d table(s) made without it", retained.size());
        }
        progress.lap();
        long ingestStarted = System.nanoTime();
        Ingest.Outcome ingest = new Ingest(warehouse, Contract.get(), progress, parallel).run(inbox, runId);
        seconds.put("ingest", (System.nanoTime() - ingestStarted) / 1e9);

        LocalDate lastExtract = lastAppliedExtract();
        if (lastExtract == null) {
          return refusedOr(ingest, new Result(0, List.of(), false, "nothing ingested yet: no marts to build"));
        }
        LocalDate asOf = asOfOverride != null ? asOfOverride : lastExtract;
        boolean rebuild = !ingest.applied().isEmpty() || !publishedFor(lastExtract, asOf);
        if (rebuild) {
          CommitStamp.set(warehouse.spark(), runId, asOf);
          int partitions = ShufflePartitions.fitTo(warehouse.spark(), coreBytes());
          progress.say("nightly: %d shuffle partitions for the core's size", partitions);
          for (NightStage stage : stages) {
            stage.run(asOf, parallel, seconds);
          }
          recordRun(runId, started, asOf, ingest.applied(), lastExtract, seconds);
        } else {
          progress.say("marts: already published for as-of %s and extract %s; nothing to do", asOf, lastExtract);
        }
        String message = ingest.applied().isEmpty() && !rebuild ? "nothing new: no table changed"
            : "applied " + ingest.applied().size() + " extract(s); marts as of " + asOf;
        return refusedOr(ingest, new Result(0, ingest.applied(), rebuild, message));
      } finally {
        CommitStamp.clear(warehouse.spark());
      }
    }
  }

  private static Result refusedOr(Ingest.Outcome ingest, Result ok) {
    ExtractRefused refusal = ingest.refusal();
    if (refusal == null) {
      return ok;
    }
    return new Result(3, ok.applied(), ok.martsRebuilt(), refusal.getMessage()
        + (ok.applied().isEmpty() ? "" : " (the " + ok.applied().size() + " extract(s) before it were applied)")
        + "; later extracts wait for a run after the problem is fixed");
  }

  /** The bytes of the core tables' current files: Delta's own figure, from the log's checksum (no Spark job). */
  private long coreBytes() {
    return Contract.get().files().stream()
        .mapToLong(f -> warehouse.snapshot("core", f.table()).sizeInBytes())
        .sum();
  }

  private LocalDate lastAppliedExtract() {
    if (!warehouse.exists("ops", "ingest_log")) {
      return null;
    }
    Row r = warehouse.read("ops", "ingest_log").agg(max("extract_date")).first();
    return r.isNullAt(0) ? null : r.getDate(0).toLocalDate();
  }

  private boolean publishedFor(LocalDate lastExtract, LocalDate asOf) {
    if (!warehouse.exists("ops", "runs")) {
      return false;
    }
    return !warehouse.read("ops", "runs")
        .where(col("marts_rebuilt").and(col("last_extract_date").equalTo(Date.valueOf(lastExtract)))
            .and(col("as_of").equalTo(Date.valueOf(asOf))))
        .isEmpty();
  }

  private void recordRun(String runId, Instant started, LocalDate asOf, List<LocalDate> applied,
                         LocalDate lastExtract, Map<String, Double> seconds) {
    Row run = RowFactory.create(runId, Timestamp.from(started), Timestamp.from(Instant.now()), Date.valueOf(asOf),
        applied.stream().map(Date::valueOf).toList(), Date.valueOf(lastExtract), true, seconds);
    warehouse.spark().createDataFrame(List.of(run), OpsTables.RUNS)
        .write().format("delta").mode("append").save(warehouse.location("ops", "runs"));
  }
}
