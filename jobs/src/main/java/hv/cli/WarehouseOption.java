package hv.cli;

import hv.settings.Settings;
import hv.spark.Sessions;
import hv.spark.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --warehouse DIR} every command that reads or writes the warehouse takes. */
final class WarehouseOption {

  // no field default: the setting is known only once --conf and --set are parsed
  @Option(names = "--warehouse", paramLabel = "DIR", description = "warehouse folder, relative to the current "
      + "directory (default: the setting warehouse, conf/hv.properties)")
  Path given;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  Path dir() {
    return given != null ? given : Path.of(Settings.current().text("warehouse"));
  }

  /** Starts Spark (the slow part: seconds) on this warehouse, creating its folder if need be. */
  Warehouse open() {
    Path dir = dir();
    return new Warehouse(Sessions.getOrCreate(dir.toAbsolutePath()), dir);
  }

  /**
   * For a command that only reads: a folder that holds no warehouse is wrong usage, said before
   * Spark starts (which would create the folder and its catalog).
   */
  Warehouse openExisting() {
    requireExisting();
    return open();
  }

  void requireExisting() {
    requireWarehouse(command.commandLine(), "--warehouse " + dir(), dir());
  }

  /** Wrong usage unless {@code dir} holds a warehouse: a folder with one of raw/, core/, ops/, marts/. */
  static void requireWarehouse(CommandLine command, String given, Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(command, given + ": no such folder (" + absolute + "). Pass the "
          + "folder bin/hv nightly or bin/hv demo wrote (relative paths start at the current directory), or run "
          + "bin/hv demo to make one.");
    }
    if (Warehouse.SCHEMAS.stream().noneMatch(schema -> Files.isDirectory(dir.resolve(schema)))) {
      throw new CommandLine.ParameterException(command, given + ": " + absolute + " holds no warehouse (no raw/, "
          + "core/, ops/ or marts/ folder). Pass the folder bin/hv nightly or bin/hv demo wrote.");
    }
  }
}
