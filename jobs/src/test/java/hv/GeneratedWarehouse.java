package hv;

import hv.generate.GenerateOptions;
import hv.generate.Generator;
import hv.marts.Marts;
import hv.nightly.NightlyJob;
import hv.ops.Progress;
import hv.spark.Warehouse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * One generated warehouse per test JVM, built by the real nightly job (ingest, marts, exports)
 * from a small generated inbox: the tests of the user-facing surfaces (notebooks, exports,
 * report, history) read it instead of each building their own.
 *
 * <p>It is built in two nights, so that its tables have an earlier publication to read again:
 * the first night holds back the last extract (marts as of {@link #FIRST_AS_OF}), the second
 * applies it (marts as of {@link #AS_OF}). The first night builds the marts only, not the
 * exports (nothing reads its exports). What the first night published in
 * {@code marts.benchmark_results} is also kept aside as plain Parquet, independent of Delta's
 * history, to check time travel against.
 */
public final class GeneratedWarehouse {

  /** The last extract date of the generated inbox: the warehouse's as-of date. */
  public static final LocalDate AS_OF = LocalDate.parse("2026-03-31");

  /** The as-of date of the first night: the extract before the last. */
  public static final LocalDate FIRST_AS_OF = AS_OF.minusDays(1);

  private static final Progress QUIET = new Progress(new PrintStream(OutputStream.nullOutputStream()));

  private static Warehouse warehouse;
  private static Path firstNightBenchmarkResults;

  private GeneratedWarehouse() {}

  /** The warehouse after its second night, with every table registered under its name. */
  public static synchronized Warehouse get() {
    if (warehouse == null) {
      try {
        build(Files.createTempDirectory("hv-generated-warehouse"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // a test that opened another warehouse in this JVM may have pointed the names there
    warehouse.registerAll();
    return warehouse;
  }

  /** What the first night published in marts.benchmark_results, as a Parquet folder. */
  public static synchronized Path firstNightBenchmarkResults() {
    get();
    return firstNightBenchmarkResults;
  }

  private static void build(Path root) throws IOException {
    Path inbox = root.resolve("inbox");
    Generator.generate(new GenerateOptions(inbox, 300, 11, AS_OF.minusYears(3), AS_OF, 2, 0.0,
        GenerateOptions.Refusal.NONE), line -> { });
    Warehouse wh = new Warehouse(TestSpark.session(), root.resolve("warehouse"));
    Path lastExtract = inbox.resolve(AS_OF.toString());
    Path heldBack = root.resolve(AS_OF.toString());
    Files.move(lastExtract, heldBack);
    night(new NightlyJob(wh, QUIET, List.of(new Marts(wh, QUIET))), inbox);
    Path copy = root.resolve("first-night").resolve("benchmark_results");
    wh.read("marts", "benchmark_results").write().parquet(copy.toUri().toString());
    Files.move(heldBack, lastExtract);
    night(NightlyJob.standard(wh, QUIET), inbox);
    firstNightBenchmarkResults = copy;
    warehouse = wh;
  }

  private static void night(NightlyJob night, Path inbox) throws IOException {
    NightlyJob.Result result = night.run(inbox, null);
    if (result.exitStatus() != 0) {
      throw new IllegalStateException("a generated night failed: " + result.message());
    }
  }
}
