package hv.cli;

import hv.spark.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.SparkThrowable;
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
        + "several statements separated by ';'; the result of the last is printed. $${name} in the SQL is "
        + "replaced by the value of --param name=VALUE, or by the default the file declares "
        + "(-- @param name = VALUE, or -- @param name from QUERY).")
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
      description = "replaces $${NAME} in the SQL by VALUE, as written (repeatable)")
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
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), noSuchFile(source.file));
    }
    String text = source.statement != null ? source.statement
        : Files.readString(source.file, StandardCharsets.UTF_8);
    warehouse.requireExisting();
    for (String named : tablesAfterFromOrJoin(text)) {
      int dot = named.indexOf('.');
      if (!Warehouse.tables(warehouse.dir, named.substring(0, dot)).contains(named.substring(dot + 1))) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), noSuchTable(warehouse.dir, named));
      }
    }
    Warehouse wh = warehouse.open();
    Dataset<Row> result;
    try {
      result = SqlScript.run(wh, text, parameters);
    } catch (SqlScript.ParameterError e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    } catch (Exception e) {
      String missing = missingTable(e);
      if (missing == null) {
        throw e;
      }
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), noSuchTable(wh.root(), missing));
    }
    if (result != null) {
      SqlScript.print(result, format, limit, System.out);
    }
    return 0;
  }

  /** The notebooks (.sql files) of the folder named, closest first, so a typo shows its fix. */
  static String noSuchFile(Path file) throws IOException {
    Path folder = file.toAbsolutePath().normalize().getParent();
    String message = "-f " + file + ": no such file (" + file.toAbsolutePath().normalize() + ")";
    if (folder == null || !Files.isDirectory(folder)) {
      return message + "; relative paths start at the current directory";
    }
    List<String> notebooks;
    try (Stream<Path> files = Files.list(folder)) {
      notebooks = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).toList();
    }
    return notebooks.isEmpty() ? message + "; " + folder + " holds no .sql file"
        : message + ". In " + folder + ", closest first: "
            + String.join(", ", Closest.first(file.getFileName().toString(), notebooks));
  }

  private static final Pattern FROM_OR_JOIN_TABLE =
      Pattern.compile("(?i)\\b(?:from|join)\\s+(raw|core|ops|marts)\\s*\\.\\s*`?(\\w+)`?(?![\\w.])");

  /**
   * The warehouse tables the statements read ({@code FROM marts.x}, {@code JOIN core.y}; comments
   * left out), lower case: checked before Spark starts, so a typo is answered in a second. Spark's
   * own "not found" covers the other places a name can stand.
   */
  static Set<String> tablesAfterFromOrJoin(String script) {
    Set<String> named = new LinkedHashSet<>();
    for (String statement : SqlScript.statements(script)) {
      Matcher m = FROM_OR_JOIN_TABLE.matcher(statement);
      while (m.find()) {
        named.add((m.group(1) + "." + m.group(2)).toLowerCase(Locale.ROOT));
      }
    }
    return named;
  }

  /** The table a query named that Spark did not find ({@code `marts`.`x`}), or null for any other error. */
  static String missingTable(Exception e) {
    if (e instanceof SparkThrowable error && "TABLE_OR_VIEW_NOT_FOUND".equals(error.getErrorClass())) {
      String relation = error.getMessageParameters().get("relationName");
      return relation == null ? null : relation.replace("`", "");
    }
    return null;
  }

  /** Which tables exist: those of the schema named, else every table, the closest to the name first. */
  static String noSuchTable(Path warehouse, String name) {
    Path root = warehouse.toAbsolutePath().normalize();
    int dot = name.lastIndexOf('.');
    String schema = dot < 0 ? "" : name.substring(0, dot).toLowerCase(Locale.ROOT);
    String message = "no table " + name + " in the warehouse " + root;
    if (Warehouse.SCHEMAS.contains(schema)) {
      List<String> tables = Warehouse.tables(root, schema);
      return tables.isEmpty() ? message + " (its " + schema + " schema has no tables yet)"
          : message + ". Tables in " + schema + ", closest first: "
              + String.join(", ", Closest.first(name.substring(dot + 1), tables));
    }
    List<String> all = Warehouse.SCHEMAS.stream().flatMap(s -> Warehouse.tables(root, s).stream().map(t -> s + "." + t)).toList();
    List<String> closest = dot < 0 ? Closest.first(name, all, t -> t.substring(t.indexOf('.') + 1))
        : Closest.first(name, all);
    return message + " (tables are named schema.table; schemas: " + String.join(", ", Warehouse.SCHEMAS) + ")"
        + (all.isEmpty() ? "" : ". Closest first: " + String.join(", ", closest.subList(0, Math.min(10, closest.size())))
        + (closest.size() > 10 ? ", ..." : ""));
  }
}
