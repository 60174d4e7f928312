package hv.publish;

import hv.core.CoreTables;
import hv.spark.Sessions;
import hv.spark.Warehouse;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Times the exports' suppression alone on a built warehouse (run by {@code bin/benchmark-suppression},
 * not a test): the published marts read, suppressed together and each published table counted,
 * as often as asked, in one JVM (the first run includes the JIT's warm-up, as a night does).
 */
public final class SuppressionBenchmark {

  private SuppressionBenchmark() {}

  /** @param args warehouse, as-of date, runs */
  public static void main(String[] args) {
    Path root = Path.of(args[0]);
    Warehouse warehouse = new Warehouse(Sessions.getOrCreate(root), root);
    // the live programs, as the night reads them (tombstones out), outside the timed runs
    Dataset<Row> programs = CoreTables.fromWarehouse(warehouse).programs();
    for (int run = 1; run <= Integer.parseInt(args[2]); run++) {
      long started = System.nanoTime();
      Suppression.Published published = Exports.suppressed(warehouse, LocalDate.parse(args[1]), programs);
      long suppressed = System.nanoTime();
      long rows = published.tables().values().stream().mapToLong(t -> t.count()).sum();
      System.out.printf("run %d: suppressed %,d cells (%,d small, %,d complements) in %.1f s; %,d published rows"
              + " counted in %.1f s%n", run, published.cells(), published.primary(), published.complementary(),
          (suppressed - started) / 1e9, rows, (System.nanoTime() - suppressed) / 1e9);
    }
    warehouse.spark().stop();
  }
}
