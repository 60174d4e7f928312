package hv.nightly;

import hv.spark.Lineage;
import hv.spark.Parallel;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import hv.contract.Contract;
import hv.contract.FileSchema;
import hv.core.Conformer;
import hv.core.Conformer.Status;
import hv.core.CoreSchema;
import hv.core.CoreWriter;
import hv.core.RowJson;
import hv.ops.OpsTables;
import hv.ops.Progress;
import hv.raw.Extract;
import hv.raw.ExtractRefused;
import hv.raw.Inbox;
import hv.raw.RawReader;
import hv.spark.Warehouse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.collection.JavaConverters;

/**
 * Takes every pending extract in one pass: whole-extract checks, the raw append, row
 * classification, the core upsert and the ops trail. Each table gets at most one commit per
 * run, whatever the number of extracts. Writes are ordered so that the extract is marked
 * processed ({@code ops.ingest_log}) last: a run killed before that is simply done again,
 * and every write before it is a replace or an idempotent merge.
 *
 * <p>The steps a run takes before writing (read, classify, the log's rows) are
 * package-visible: {@code ExtractFuzzTest} puts hundreds of extracts through them in one pass.
 */
public final class Ingest {

  /** What a run applied, and the refusal that stopped it, if any. */
  public record Outcome(List<LocalDate> applied, ExtractRefused refusal) {}

  private final Warehouse warehouse;
  private final Contract contract;
  private final Progress progress;
  private final Parallel parallel;

  public Ingest(Warehouse warehouse, Contract contract, Progress progress, Parallel parallel) {
    this.warehouse = warehouse;
    this.contract = contract;
    this.progress = progress;
    this.parallel = parallel;
  }

  public Outcome run(Path inboxDir, String runId) throws IOException {
    Inbox inbox = new Inbox(inboxDir, contract);
    reportSkippedFolders(inbox.notExtractFolders(), runId);
    List<Path> pending = inbox.pending(processedExtracts());
    if (pending.isEmpty()) {
      progress.say("ingest: no new extract in %s", inboxDir);
      return new Outcome(List.of(), null);
    }
    progress.say("ingest: %d extract(s) pending, %s … %s", pending.size(),
        pending.get(0).getFileName(), pending.get(pending.size() - 1).getFileName());

    List<Extract> batch = new ArrayList<>();
    ExtractRefused refusal = null;
    for (Path dir : pending) {
      try {
        batch.add(inbox.check(dir));
      } catch (ExtractRefused e) {
        refusal = e;
        break;
      }
    }
    if (batch.isEmpty()) {
      return new Outcome(List.of(), refusal);
    }
    List<LocalDate> dates = batch.stream().map(Extract::date).toList();
    progress.say("ingest: %d extract(s) passed the checks (%.1fs)", batch.size(), progress.lap());

    Map<String, Dataset<Row>> raw = readRaw(batch);
    appendRaw(raw, batch, runId);
    progress.say("ingest: raw appended (%.1fs)", progress.lap());

    Conformer conformer = new Conformer(contract);
    Dataset<Row> classified = conformer.classify(raw, heldOrphans(), this::coreKeys);
    Dataset<Row> latest = conformer.latest(classified);
    Set<String> withVersions = Conformer.tables(latest);
    List<FileSchema> toWrite = contract.files().stream()
        .filter(f -> withVersions.contains(f.table()) || !warehouse.exists("core", f.table()))
        .toList();
    CoreWriter writer = new CoreWriter(warehouse);
    parallel.forEach(toWrite, f -> writer.apply(f, Conformer.winners(f, latest, runId)));
    progress.say("ingest: core upserted (%.1fs)", progress.lap());

    Dataset<Row> statuses = statuses(classified);
    writeQuarantine(statuses, dates, runId);
    writeOrphans(statuses, dates, runId);
    Dataset<Row> log = ingestLog(statuses, batch, runId);
    replace(log, "ops", "ingest_log", "extract_date", dates, false);
    progress.say("ingest: ops trail written (%.1fs)", progress.lap());
    printLog(log);

    // the stages after the ingest read core from Delta, never these rows, whose blocks would
    // otherwise stay all night
    statuses.unpersist();
    Lineage.release(classified);
    Lineage.release(latest);
    raw.values().forEach(Lineage::release);
    return new Outcome(dates, refusal);
  }

  /**
   * A folder that is not an extract date is not read, and does not hold back the extracts
   * after it; it is named on every run until renamed or moved out (docs/ingest-decisions.md).
   */
  private void reportSkippedFolders(List<String> folders, String runId) {
    if (folders.isEmpty()) {
      return;
    }
    Contract.DateRange range = contract.dateRange();
    java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
    List<Row> rows = new ArrayList<>();
    for (String folder : folders) {
      progress.say("ingest: WARNING: inbox folder '%s' is not an extract date (yyyy-MM-dd, %s to %s), so it is "
          + "not read: rename it to its extract date or move it out of the inbox", folder, range.min(), range.max());
      rows.add(org.apache.spark.sql.RowFactory.create(runId, folder, "NOT_AN_EXTRACT_DATE", now));
    }
    warehouse.spark().createDataFrame(rows, OpsTables.SKIPPED_FOLDERS)
        .write().format("delta").mode("append").save(warehouse.location("ops", "skipped_folders"));
  }

  private TreeSet<LocalDate> processedExtracts() {
    TreeSet<LocalDate> done = new TreeSet<>();
    if (warehouse.exists("ops", "ingest_log")) {
      for (Row r : warehouse.read("ops", "ingest_log").select("extract_date").distinct().collectAsList()) {
        done.add(r.getDate(0).toLocalDate());
      }
    }
    return done;
  }

  Map<String, Dataset<Row>> readRaw(List<Extract> extracts) {
    RawReader reader = new RawReader(warehouse.spark());
    Map<String, Dataset<Row>> raw = new LinkedHashMap<>();
    for (FileSchema f : contract.files()) {
      Dataset<Row> rows = null;
      for (Extract e : extracts) {
        Dataset<Row> one = reader.read(e, f);
        rows = rows == null ? one : rows.unionByName(one);
      }
      // parsed once, lineage cut: every later step reads these rows several times
      raw.put(f.table(), Lineage.cut(rows));
    }
    return raw;
  }

  /**
   * Raw tables are partitioned by extract date, so replacing a batch's dates (what a killed
   * run may have left) is a metadata operation however large raw grows. A table with no row
   * in the batch gets no commit.
   */
  private void appendRaw(Map<String, Dataset<Row>> raw, List<Extract> batch, String runId) {
    List<LocalDate> dates = batch.stream().map(Extract::date).toList();
    List<FileSchema> withRows = contract.files().stream()
        .filter(f -> !warehouse.exists("raw", f.table())
            || batch.stream().anyMatch(e -> e.manifestRows().get(f.table()) > 0))
        .toList();
    parallel.forEach(withRows, f -> {
      Dataset<Row> rows = raw.get(f.table()).withColumn("_run_id", lit(runId));
      replace(rows, "raw", f.table(), RawReader.EXTRACT_DATE, dates, true);
    });
  }

  /**
   * Writes rows of the given extract dates, replacing any rows of those dates a killed run
   * left behind: the same batch written twice is written once.
   */
  private void replace(Dataset<Row> rows, String schema, String table, String dateColumn, List<LocalDate> dates,
                       boolean partitioned) {
    String in = dates.stream().map(d -> "DATE'" + d + "'").collect(Collectors.joining(", "));
    org.apache.spark.sql.DataFrameWriter<Row> writer = rows.write().format("delta").mode("overwrite")
        .option("replaceWhere", dateColumn + " IN (" + in + ")");
    if (partitioned) {
      writer = writer.partitionBy(dateColumn);
    }
    writer.save(warehouse.location(schema, table));
  }

  /** Orphans held from earlier runs, as {@link Conformer#ROW}s: the ledger keeps each row's text values. */
  Dataset<Row> heldOrphans() {
    if (!warehouse.exists("ops", "orphans")) {
      return warehouse.spark().createDataFrame(List.of(), Conformer.ROW);
    }
    Map<String, List<String>> columns = columnsByTable();
    Map<String, Integer> keyIndex = new HashMap<>();
    contract.files().forEach(f -> keyIndex.put(f.table(), f.columnNames().indexOf(f.key())));
    return warehouse.read("ops", "orphans").where(col("released_run_id").isNull())
        .select("file", "extract_date", "line", "row_json")
        .map((MapFunction<Row, Row>) r -> {
          String[] values = RowJson.values(columns.get(r.getString(0)), r.getString(3));
          return RowFactory.create(r.getString(0), r.getDate(1), r.getLong(2), null, true,
              JavaConverters.asScalaBuffer(Arrays.asList(values)).toSeq(), values[keyIndex.get(r.getString(0))]);
        }, Encoders.row(Conformer.ROW));
  }

  private HashMap<String, List<String>> columnsByTable() {
    HashMap<String, List<String>> columns = new HashMap<>();
    contract.files().forEach(f -> columns.put(f.table(), new ArrayList<>(f.columnNames())));
    return columns;
  }

  private Dataset<Row> coreKeys(String table) {
    if (!warehouse.exists("core", table)) {
      return null;
    }
    return warehouse.read("core", table).select(contract.file(table).key(), CoreSchema.FIRST_EXTRACT_DATE);
  }

  /** Every classified row, reduced to what the ops tables need; the values only of rows with a reason. */
  Dataset<Row> statuses(Dataset<Row> classified) {
    Map<String, List<String>> columns = columnsByTable();
    return classified.select(col(RawReader.EXTRACT_DATE), col(RawReader.FILE), col(RawReader.LINE),
            col(Conformer.KEY), col(Conformer.REASON), col(Conformer.STATUS), col(Conformer.FROM_HELD),
            col(Conformer.EFFECTIVE_DATE), col(Conformer.VALUES))
        .map((MapFunction<Row, Row>) r -> RowFactory.create(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4),
            r.get(5), r.get(6), r.get(7), r.isNullAt(4) ? null
                : RowJson.of(columns.get(r.getString(1)), r.getList(8))), Encoders.row(STATUSES))
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  private static final StructType STATUSES = new StructType()
      .add("extract_date", DataTypes.DateType).add("file", DataTypes.StringType).add("line", DataTypes.LongType)
      .add("record_key", DataTypes.StringType).add("reason_full", DataTypes.StringType)
      .add("status", DataTypes.StringType).add("from_held", DataTypes.BooleanType)
      .add("effective_date", DataTypes.DateType).add("row_json", DataTypes.StringType);

  private void writeQuarantine(Dataset<Row> statuses, List<LocalDate> dates, String runId) {
    Column reason = split(col("reason_full"), ":");
    Dataset<Row> quarantine = statuses
        .where(col("status").isin(Status.QUARANTINED.name(), Status.ORPHAN_HELD.name(), Status.ORPHAN_RELEASED.name())
            .and(col("from_held").equalTo(false)))
        .select(lit(runId).as("run_id"), col("extract_date"), col("file"), col("line"), col("record_key"),
            reason.getItem(0).as("reason"), reason.getItem(1).as("column"), col("row_json"));
    replace(quarantine, "ops", "quarantine", "extract_date", dates, false);
  }

  /** Rewrites the orphan ledger: released ones of earlier runs kept, this run's held and released. */
  private void writeOrphans(Dataset<Row> statuses, List<LocalDate> dates, String runId) {
    Column isOrphan = col("status").isin(Status.ORPHAN_HELD.name(), Status.ORPHAN_RELEASED.name());
    Dataset<Row> touched = statuses.where(isOrphan);
    boolean exists = warehouse.exists("ops", "orphans");
    if (exists && touched.isEmpty()) {
      return;
    }
    boolean released = false;
    Dataset<Row> ledger = touched.select(col("extract_date"), col("file"), col("line"), col("record_key"),
        split(col("reason_full"), ":").getItem(1).as("reference"), col("row_json"),
        when(col("status").equalTo(Status.ORPHAN_RELEASED.name()), lit(runId)).as("released_run_id"),
        when(col("status").equalTo(Status.ORPHAN_RELEASED.name()), col("effective_date")).as("released_extract_date"));
    if (exists) {
      Column ofThisBatch = col("extract_date").isin(dates.stream().map(java.sql.Date::valueOf).toArray());
      Dataset<Row> kept = warehouse.read("ops", "orphans")
          .where(col("released_run_id").isNotNull().and(ofThisBatch.unary_$bang()));
      ledger = kept.unionByName(ledger);
    }
    Dataset<Row> materialized = Lineage.cut(ledger);
    materialized.write().format("delta").mode("overwrite").save(warehouse.location("ops", "orphans"));
    Lineage.release(materialized);
  }

  /** A row per extract and file of the batch (empty files too). */
  Dataset<Row> ingestLog(Dataset<Row> statuses, List<Extract> batch, String runId) {
    List<Row> files = new ArrayList<>();
    for (Extract e : batch) {
      for (FileSchema f : contract.files()) {
        files.add(org.apache.spark.sql.RowFactory.create(java.sql.Date.valueOf(e.date()), f.table()));
      }
    }
    Dataset<Row> every = warehouse.spark().createDataFrame(files, new StructType()
        .add("extract_date", DataTypes.DateType).add("file", DataTypes.StringType));
    Dataset<Row> batchRows = statuses.where(col("from_held").equalTo(false));
    Dataset<Row> counts = batchRows.groupBy("extract_date", "file").agg(
        count(lit(1)).as("rows_read"),
        sum(when(col("status").equalTo(Status.ACCEPTED.name()), 1).otherwise(0)).cast("long").as("accepted"),
        sum(when(col("status").isin(Status.QUARANTINED.name(), Status.ORPHAN_HELD.name(),
            Status.ORPHAN_RELEASED.name()), 1).otherwise(0)).cast("long").as("quarantined"),
        sum(when(col("status").equalTo(Status.DUPLICATE.name()), 1).otherwise(0)).cast("long").as("duplicates"));
    Dataset<Row> released = statuses.where(col("status").equalTo(Status.ORPHAN_RELEASED.name()))
        .groupBy(col("effective_date").as("extract_date"), col("file"))
        .agg(count(lit(1)).as("orphans_released"));
    Column[] keys = {col("extract_date"), col("file")};
    return every.join(counts, new String[] {"extract_date", "file"}, "left")
        .join(released, new String[] {"extract_date", "file"}, "left")
        .select(lit(runId).as("run_id"), keys[0], keys[1], zeroIfNull("rows_read"), zeroIfNull("accepted"),
            zeroIfNull("quarantined"), zeroIfNull("duplicates"), zeroIfNull("orphans_released"),
            lit("APPLIED").as("status"), current_timestamp().as("logged_at"))
        .orderBy("extract_date", "file");
  }

  private static Column zeroIfNull(String name) {
    return org.apache.spark.sql.functions.coalesce(col(name), lit(0L)).as(name);
  }

  private void printLog(Dataset<Row> log) {
    Row total = log.agg(sum("rows_read"), sum("accepted"), sum("quarantined"), sum("duplicates")).first();
    progress.say("ingest: rows read %,d = accepted %,d + quarantined %,d + duplicates %,d",
        total.getLong(0), total.getLong(1), total.getLong(2), total.getLong(3));
  }
}
