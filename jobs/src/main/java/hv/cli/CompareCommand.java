package hv.cli;

import hv.spark.RowDifference;
import hv.spark.Sessions;
import hv.spark.Warehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compares the tables of two warehouses row for row (as multisets), leaving out what differs by "
        + "nature between runs (run ids, timestamps). Exit status 0 when equal, 1 when not.",
        "Used to show that a killed-and-rerun night, a catch-up, a cluster run or an optimized path gives "
            + "the same figures."})
public final class CompareCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "LEFT", description = "a warehouse folder")
  Path left;

  @Parameters(index = "1", paramLabel = "RIGHT", description = "another warehouse folder")
  Path right;

  @Option(names = "--schemas", split = ",", defaultValue = "core,marts",
      description = "schemas to compare (default: ${DEFAULT-VALUE})")
  List<String> schemas;

  /**
   * Columns that record when, how long or by which run, not what: equal runs differ in them. A mart row's
   * {@code as_of} is the night that last rewrote its period (an incremental night keeps ended
   * periods' rows), so paths that agree on every figure may differ in it.
   */
  static final List<String> RUN_COLUMNS =
      List.of("_run_id", "run_id", "released_run_id", "logged_at", "started_at", "finished_at", "stage_seconds",
          "as_of");

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    WarehouseOption.requireWarehouse(spec.commandLine(), "LEFT " + left, left);
    WarehouseOption.requireWarehouse(spec.commandLine(), "RIGHT " + right, right);
    SparkSession spark = Sessions.getOrCreate(left.toAbsolutePath());
    Warehouse a = new Warehouse(spark, left);
    Warehouse b = new Warehouse(spark, right);
    int differing = 0;
    for (String schema : schemas) {
      TreeSet<String> tables = new TreeSet<>(a.tables(schema));
      tables.addAll(b.tables(schema));
      for (String table : tables) {
        String name = schema + "." + table;
        if (!a.exists(schema, table) || !b.exists(schema, table)) {
          System.out.printf("%-32s only in %s%n", name, a.exists(schema, table) ? left : right);
          differing++;
          continue;
        }
        long[] diff = difference(a.read(schema, table), b.read(schema, table));
        boolean same = diff[0] == 0 && diff[1] == 0;
        System.out.printf("%-32s %s%n", name, same ? "same"
            : String.format("DIFFERENT: %,d rows only left, %,d only right", diff[0], diff[1]));
        differing += same ? 0 : 1;
      }
    }
    System.out.println(differing == 0 ? "all tables equal" : differing + " table(s) differ");
    return differing == 0 ? 0 : 1;
  }

  /** Rows only in a, rows only in b, over the columns both share minus run columns. */
  public static long[] difference(Dataset<Row> a, Dataset<Row> b) {
    List<String> shared = new ArrayList<>(Arrays.asList(a.columns()));
    shared.retainAll(Arrays.asList(b.columns()));
    shared.removeAll(RUN_COLUMNS);
    Column[] cols = shared.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    return RowDifference.count(a.select(cols), b.select(cols));
  }
}
