package hv.cli;

import hv.spark.Sessions;
import hv.spark.Warehouse;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --warehouse DIR} every command that reads or writes the warehouse takes. */
final class WarehouseOption {

  @Option(names = "--warehouse", paramLabel = "DIR", description = "warehouse folder (default: ${DEFAULT-VALUE})")
  Path dir = Defaults.path("warehouse");

  /** Starts Spark (the slow part: seconds) on this warehouse. */
  Warehouse open() {
    return new Warehouse(Sessions.getOrCreate(dir.toAbsolutePath()), dir);
  }
}
