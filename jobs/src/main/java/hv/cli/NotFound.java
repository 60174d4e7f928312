package hv.cli;

import hv.spark.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.SparkThrowable;

/** Messages for a file or table that does not exist, saying which do (closest first). */
final class NotFound {

  private static final Pattern FROM_OR_JOIN_TABLE =
      Pattern.compile("(?i)\\b(?:from|join)\\s+(raw|core|ops|marts)\\s*\\.\\s*`?(\\w+)`?(?![\\w.])");

  private NotFound() {}

  /** A missing {@code -f} file: the .sql files of its folder, closest first, so a typo shows its fix. */
  static String file(Path file) throws IOException {
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

  /** The message for the first table after FROM or JOIN that the warehouse folder lacks, or null. */
  static String tableReadBy(String script, Path warehouse) {
    for (String named : tablesAfterFromOrJoin(script)) {
      int dot = named.indexOf('.');
      if (!Warehouse.tables(warehouse, named.substring(0, dot)).contains(named.substring(dot + 1))) {
        return table(warehouse, named);
      }
    }
    return null;
  }

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
  static String tableSparkMissed(Exception e) {
    if (e instanceof SparkThrowable error && "TABLE_OR_VIEW_NOT_FOUND".equals(error.getErrorClass())) {
      String relation = error.getMessageParameters().get("relationName");
      return relation == null ? null : relation.replace("`", "");
    }
    return null;
  }

  private static final java.util.regex.Pattern SERVER_MISSED =
      java.util.regex.Pattern.compile("\\[TABLE_OR_VIEW_NOT_FOUND] The table or view (\\S+) cannot be found");

  /** The table a bin/hv serve did not find, from its message (the protocol carries only text); else null. */
  static String tableServerMissed(String message) {
    java.util.regex.Matcher m = SERVER_MISSED.matcher(message == null ? "" : message);
    return m.find() ? m.group(1).replace("`", "") : null;
  }

  /** Which tables exist: those of the schema named, else every table, the closest to the name first. */
  static String table(Path warehouse, String name) {
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
