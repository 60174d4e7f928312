package hv.cli;

import hv.history.Publications;
import hv.spark.Warehouse;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
    description = {"Lists the versions of the warehouse's tables that can still be read again, latest first: when "
        + "each was committed, by which night (run id), and the as-of date of the marts that night published.",
        "Read one again with  select ... from marts.TABLE VERSION AS OF <version>  (or TIMESTAMP AS OF "
            + "'<committed_at>'), e.g.  bin/hv sql -f notebooks/earlier-publication.sql "
            + "--param published_at='<committed_at>'"})
public final class HistoryCommand implements Callable<Integer> {

  @Option(names = "--table", paramLabel = "SCHEMA.TABLE", description = "one table (default: every marts table)")
  String table;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--limit", defaultValue = "1000", description = "rows printed at most in table format")
  int limit;

  @Mixin
  WarehouseOption warehouse;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (!List.of("table", "csv", "json").contains(format)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--format: table, csv or json");
    }
    if (table != null && !table.matches("\\w+\\.\\w+")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--table: schema.table, e.g. marts.benchmark_results");
    }
    Warehouse wh = warehouse.openExisting();
    List<String> tables = table != null ? List.of(table.toLowerCase(java.util.Locale.ROOT))
        : wh.tables("marts").stream().map(t -> "marts." + t).toList();
    for (String name : tables) {
      String[] parts = name.split("\\.");
      if (!wh.exists(parts[0], parts[1])) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--table: " + NotFound.table(wh.root(), name));
      }
    }
    if (tables.isEmpty()) {
      throw new IllegalStateException("no marts in the warehouse " + wh.root() + " yet: run bin/hv nightly first");
    }
    SqlScript.print(Publications.of(wh, tables), format, limit, spec.commandLine().getOut());
    return 0;
  }
}
