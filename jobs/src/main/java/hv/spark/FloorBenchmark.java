package hv.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import hv.contract.Contract;
import hv.contract.FileSchema;
import hv.nightly.NightlyJob;
import hv.ops.Progress;
import hv.raw.RawReader;
import io.delta.tables.DeltaTable;
import java.time.LocalDate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileUtil;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The floor under a night (run by {@code bin/benchmark-floor}, not a test): the Delta reads and
 * commits an increment night makes, with none of hv's rules, on a copy of a built warehouse.
 * Raw: each file of an extract read and written as that date's partition (replaceWhere). Core:
 * a MERGE of 50 of each table's own rows. Ops: one row appended to each table. Marts: each core
 * table read and grouped by its key, each mart overwritten with its own rows. Two at a time, as
 * the night's writers run. What a night costs above this is hv's own work; what this costs is
 * Spark's and Delta's, whatever hv computes. The rows to merge and append are made before the
 * clock starts, as a night's come from its rules. With {@code night}, each round runs the real night
 * ({@code hv nightly} on the extract's inbox) on its copy instead: the same rounds, hv's cost.
 */
public final class FloorBenchmark {

  private static final int CORE_ROWS = 50;

  private final SparkSession spark;
  private final Path extract;
  private final AtomicInteger jobs = new AtomicInteger();

  private FloorBenchmark(SparkSession spark, Path extract) {
    this.spark = spark;
    this.extract = extract;
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart jobStart) {
        jobs.incrementAndGet();
      }
    });
  }

  /** @param args warehouse, extract folder, rounds, {@code floor} or {@code night} */
  public static void main(String[] args) throws IOException {
    Path built = Path.of(args[0]);
    Path extract = Path.of(args[1]);
    int rounds = Integer.parseInt(args[2]);
    boolean night = args[3].equals("night");
    Path scratch = Files.createTempDirectory("hv-floor");
    try {
      long started = System.nanoTime();
      FloorBenchmark floor = new FloorBenchmark(Sessions.getOrCreate(scratch), extract);
      System.out.printf("session: %.1f s%n", (System.nanoTime() - started) / 1e9);
      for (int round = 1; round <= rounds; round++) {
        Path copy = scratch.resolve("round-" + round);
        copyTree(built, copy);
        Warehouse warehouse = new Warehouse(floor.spark, copy);
        if (night) {
          floor.night(round, warehouse);
        } else {
          floor.round(round, warehouse);
        }
        deleteTree(copy);
      }
      floor.spark.stop();
    } finally {
      deleteTree(scratch);
    }
  }

  private void round(int round, Warehouse warehouse) {
    List<FileSchema> files = Contract.get().files();
    List<String> ops = warehouse.tables("ops");
    List<String> line = new ArrayList<>();
    try (Parallel parallel = new Parallel(2)) {
      // the rows to merge and append are made before the clock starts, as a night's come from its own rules
      List<Dataset<Row>> merged = parallel.map(files, f -> warehouse.read("core", f.table()).limit(CORE_ROWS)
          .localCheckpoint());
      List<Dataset<Row>> appended = parallel.map(ops, t -> warehouse.read("ops", t).limit(1).localCheckpoint());
      long roundStart = System.nanoTime();
      int roundJobs = jobs.get();
      step(line, "raw", () -> parallel.forEach(files, f -> appendRaw(warehouse, f)));
      step(line, "core", () -> parallel.forEach(indexes(files), i -> merge(warehouse, files.get(i), merged.get(i))));
      step(line, "ops", () -> parallel.forEach(indexes(ops), i -> appended.get(i).write().format("delta")
          .mode("append").save(warehouse.location("ops", ops.get(i)))));
      step(line, "marts", () -> {
        parallel.forEach(files, f -> warehouse.read("core", f.table()).groupBy(f.key()).count()
            .write().format("noop").mode("overwrite").save());
        parallel.forEach(warehouse.tables("marts"), t -> warehouse.read("marts", t)
            .write().format("delta").mode("overwrite").save(warehouse.location("marts", t)));
      });
      System.out.printf("round %d: floor: %s; in all %.1f s, %d jobs%n", round, String.join(", ", line),
          (System.nanoTime() - roundStart) / 1e9, jobs.get() - roundJobs);
    }
  }

  private static List<Integer> indexes(List<?> items) {
    return java.util.stream.IntStream.range(0, items.size()).boxed().toList();
  }

  /** The real night on the copy: every extract of the extract's inbox not yet applied, marts and exports. */
  private void night(int round, Warehouse warehouse) throws IOException {
    long started = System.nanoTime();
    int before = jobs.get();
    NightlyJob.Result result = NightlyJob.standard(warehouse, new Progress(new PrintStream(OutputStream.nullOutputStream())))
        .run(extract.getParent(), null);
    double seconds = (System.nanoTime() - started) / 1e9;
    int nightJobs = jobs.get() - before;
    // ops.runs has a row for a night that rebuilt the marts, not for one that found nothing to do
    String stages = result.martsRebuilt() ? "; stages " + warehouse.read("ops", "runs")
        .orderBy(col("started_at").desc()).select("stage_seconds").first().getJavaMap(0) : "";
    System.out.printf("round %d: hv nightly %.1f s, %d jobs (%s)%s%n", round, seconds, nightJobs, result.message(),
        stages);
  }

  private void step(List<String> line, String name, Runnable step) {
    long started = System.nanoTime();
    int before = jobs.get();
    step.run();
    line.add(String.format("%s %.1f s (%d jobs)", name, (System.nanoTime() - started) / 1e9, jobs.get() - before));
  }

  /** The extract's file as text, in the raw table's columns, written as its date's partition. */
  private void appendRaw(Warehouse warehouse, FileSchema f) {
    LocalDate date = LocalDate.parse(extract.getFileName().toString());
    StructType text = new StructType();
    for (String c : f.columnNames()) {
      text = text.add(c, DataTypes.StringType);
    }
    Dataset<Row> csv = spark.read().option("header", "true").schema(text)
        .csv(extract.resolve(f.table() + ".csv").toString());
    List<Column> columns = new ArrayList<>();
    for (StructField field : warehouse.read("raw", f.table()).schema().fields()) {
      Column value = f.columnNames().contains(field.name()) ? col(field.name())
          : field.name().equals(RawReader.EXTRACT_DATE) ? lit(java.sql.Date.valueOf(date)) : lit(null);
      columns.add(value.cast(field.dataType()).as(field.name()));
    }
    csv.select(columns.toArray(Column[]::new)).write().format("delta").mode("overwrite")
        .option("replaceWhere", RawReader.EXTRACT_DATE + " = DATE'" + date + "'")
        .partitionBy(RawReader.EXTRACT_DATE).save(warehouse.location("raw", f.table()));
  }

  private void merge(Warehouse warehouse, FileSchema f, Dataset<Row> source) {
    DeltaTable.forPath(spark, warehouse.location("core", f.table())).as("t")
        .merge(source.as("s"), "t." + f.key() + " = s." + f.key())
        .whenMatched().updateAll().whenNotMatched().insertAll().execute();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) {
    if (!FileUtil.fullyDelete(root.toFile())) {
      throw new UncheckedIOException(new IOException("cannot delete " + root));
    }
  }
}
