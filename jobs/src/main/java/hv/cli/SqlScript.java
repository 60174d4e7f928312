package hv.cli;

import hv.spark.Warehouse;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A SQL script: its statements, its parameters, and printing its result.
 *
 * <p>A script declares its parameters in comments, each with a default that is either a literal
 * ({@code -- @param period = FFY2025}) or the first value of a query run on the warehouse
 * ({@code -- @param program_id from select min(program_id) from core.programs}). Every
 * {@code ${name}} in the statements is replaced by the value given ({@code --param name=value})
 * or else by the default, as text: the script decides the quoting ({@code '${program_id}'}).
 */
public final class SqlScript {

  /** A parameter the script uses but nobody set, or a value for a parameter it does not have. */
  public static final class ParameterError extends IllegalArgumentException {
    ParameterError(String message) {
      super(message);
    }
  }

  /** A declared default: a literal, or a query whose first value is the default. */
  record Declared(String literal, String query) {}

  private static final Pattern DECLARATION =
      Pattern.compile("(?m)^\\s*--\\s*@param\\s+(\\w+)\\s*(?:=(.*)|\\s+from\\s+(.+))$");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)}");

  private SqlScript() {}

  /**
   * Runs every statement of the script on the warehouse, with its parameters set, and returns
   * the result of the last (null for a script without statements).
   */
  public static Dataset<Row> run(Warehouse warehouse, String script, Map<String, String> given) {
    warehouse.registerReferenced(script);
    List<String> statements = statements(script);
    Map<String, String> values = parameters(warehouse, script, statements, given);
    Dataset<Row> result = null;
    for (String statement : statements) {
      result = warehouse.spark().sql(substitute(statement, values));
    }
    return result;
  }

  /** The given values, and the defaults of the declared parameters not given. */
  static Map<String, String> parameters(Warehouse warehouse, String script, List<String> statements,
                                        Map<String, String> given) {
    Map<String, Declared> declared = declarations(script);
    TreeSet<String> known = new TreeSet<>(declared.keySet());
    statements.forEach(s -> known.addAll(references(s)));
    for (String name : given.keySet()) {
      if (!known.contains(name)) {
        throw new ParameterError("--param " + name + ": the script has no such parameter"
            + (known.isEmpty() ? "" : " (it has: " + String.join(", ", known) + ")"));
      }
    }
    Map<String, String> values = new LinkedHashMap<>(given);
    declared.forEach((name, d) -> values.computeIfAbsent(name,
        n -> d.query() == null ? d.literal() : firstValue(warehouse, n, d.query())));
    return values;
  }

  static Map<String, Declared> declarations(String script) {
    Map<String, Declared> out = new LinkedHashMap<>();
    Matcher m = DECLARATION.matcher(script);
    while (m.find()) {
      out.put(m.group(1), m.group(3) != null ? new Declared(null, m.group(3).trim())
          : new Declared(m.group(2).trim(), null));
    }
    return out;
  }

  private static List<String> references(String statement) {
    List<String> out = new ArrayList<>();
    Matcher m = REFERENCE.matcher(statement);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String firstValue(Warehouse warehouse, String name, String query) {
    List<Row> rows = warehouse.spark().sql(query).limit(1).collectAsList();
    if (rows.isEmpty() || rows.get(0).isNullAt(0)) {
      throw new IllegalStateException("parameter " + name + ": its default query found no value in this "
          + "warehouse; pass --param " + name + "=VALUE");
    }
    return String.valueOf(rows.get(0).get(0));
  }

  /** The statement with every {@code ${name}} replaced by its value. */
  static String substitute(String statement, Map<String, String> values) {
    Matcher m = REFERENCE.matcher(statement);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new ParameterError("the script uses ${" + m.group(1) + "}: pass --param " + m.group(1) + "=VALUE");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Statements separated by ';' outside quotes; '--' comments dropped. */
  public static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (quote == 0 && c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
        while (i < script.length() && script.charAt(i) != '\n') {
          i++;
        }
        current.append('\n');
        continue;
      }
      if (quote == 0 && (c == '\'' || c == '"' || c == '`')) {
        quote = c;
      } else if (quote == c) {
        quote = 0;
      }
      if (quote == 0 && c == ';') {
        addIfAny(out, current);
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    addIfAny(out, current);
    return out;
  }

  private static void addIfAny(List<String> out, StringBuilder statement) {
    String s = statement.toString().trim();
    if (!s.isEmpty()) {
      out.add(s);
    }
  }

  public static void print(Dataset<Row> result, String format, int limit, PrintStream out) {
    switch (format) {
      case "csv" -> {
        out.println(String.join(",", result.columns()));
        for (Row r : result.collectAsList()) {
          List<String> cells = new ArrayList<>();
          for (int i = 0; i < r.length(); i++) {
            cells.add(csvCell(r.isNullAt(i) ? "" : String.valueOf(r.get(i))));
          }
          out.println(String.join(",", cells));
        }
      }
      case "json" -> result.toJSON().collectAsList().forEach(out::println);
      default -> out.print(TableFormat.rounded(result).showString(limit, 0, false));
    }
  }

  private static String csvCell(String v) {
    return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
