package hv.cli;

import hv.spark.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Runs SQL against the warehouse's tables (raw.*, core.*, ops.*, marts.*). A file may hold "
        + "several statements separated by ';'; the result of the last is printed. :name in the SQL is a "
        + "parameter, bound as a value (never pasted into the SQL): the value of --param name=VALUE, or the "
        + "default the file declares (-- @param name [TYPE] = VALUE, or -- @param name [TYPE] from QUERY; "
        + "TYPE is string, int, date or timestamp, string when not written).")
public final class SqlCommand implements Callable<Integer> {

  static final class Source {
    @Option(names = "-e", paramLabel = "SQL", required = true, description = "the statement")
    String statement;
    @Option(names = "-f", paramLabel = "FILE", required = true, description = "a file of statements")
    Path file;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--limit", defaultValue = "1000", description = "rows printed at most in table format")
  int limit;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "binds :NAME in the SQL to VALUE, read as the parameter's declared type (repeatable)")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Mixin
  WarehouseOption warehouse;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!List.of("table", "csv", "json").contains(format)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format: table, csv or json");
    }
    if (source.file != null && !Files.isRegularFile(source.file)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), NotFound.file(source.file));
    }
    String text = source.statement != null ? source.statement
        : Files.readString(source.file, StandardCharsets.UTF_8);
    warehouse.requireExisting();
    String misnamed = NotFound.tableReadBy(text, warehouse.dir());
    if (misnamed != null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), misnamed);
    }
    Warehouse wh = warehouse.open();
    Dataset<Row> result;
    try {
      result = SqlScript.run(wh, text, parameters);
    } catch (SqlScript.ParameterError e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    } catch (Exception e) {
      String missing = NotFound.tableSparkMissed(e);
      if (missing == null) {
        throw e;
      }
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), NotFound.table(wh.root(), missing));
    }
    if (result != null) {
      SqlScript.print(result, format, limit, spec.commandLine().getOut());
    }
    return 0;
  }
}
