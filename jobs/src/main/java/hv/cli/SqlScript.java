package hv.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Splitting a SQL script into statements, and printing a result. */
public final class SqlScript {

  private SqlScript() {}

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
      default -> out.print(result.showString(limit, 0, false));
    }
  }

  private static String csvCell(String v) {
    return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
