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

/**
 * One generated warehouse per test JVM, built by the real nightly job (ingest, marts, exports)
 * from a small generated inbox: the tests of the user-facing surfaces (notebooks, exports,
 * report) read it instead of each building their own.
 */
public final class GeneratedWarehouse {

  /** The last extract date of the generated inbox: the warehouse's as-of date. */
  public static final LocalDate AS_OF = LocalDate.parse("2026-03-31");

  private static Warehouse warehouse;

  private GeneratedWarehouse() {}

  public static synchronized Warehouse get() {
    if (warehouse == null) {
      try {
        Path root = Files.createTempDirectory("hv-generated-warehouse");
        Path inbox = root.resolve("inbox");
        Generator.generate(new GenerateOptions(inbox, 300, 11, AS_OF.minusYears(3), AS_OF, 2, 0.0,
            GenerateOptions.Refusal.NONE), line -> { });
        Warehouse wh = new Warehouse(TestSpark.session(), root.resolve("warehouse"));
        Progress quiet = new Progress(new PrintStream(OutputStream.nullOutputStream()));
        NightlyJob.Result result = new NightlyJob(wh, quiet, new Marts(wh, quiet)).run(inbox, null);
        if (result.exitStatus() != 0) {
          throw new IllegalStateException("the generated night failed: " + result.message());
        }
        warehouse = wh;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return warehouse;
  }
}
