package hv.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A result as {@code bin/hv sql} prints it, in table, CSV or JSON format, whichever path computed it:
 * Spark in this process, or a running {@code bin/hv serve} over the HiveServer2 protocol.
 *
 * <p>Cells are booleans and whole numbers as {@code Long}, floating-point numbers as {@code Double},
 * strings as they are, and every other type (decimal, date, timestamp, arrays, ...) as the text
 * Spark's Thrift server sends for it ({@code HiveResult.toHiveString}, in the session's time zone).
 * The embedded path renders those types with the same function, so one query prints the same
 * on both paths.
 *
 * <p>{@code --format table} is for people: floating-point columns (rates, intervals, p-values) show
 * {@value #DECIMALS} decimals, half up ({@code 0.6667}, not {@code 0.6666666666666666}), laid out
 * as Spark's {@code Dataset.show} does. CSV and JSON keep every digit; JSON writes numbers as
 * numbers, timestamps as Spark's JSON does ({@code 2026-03-30T04:12:09.531Z}), nulls not at all.
 */
final class ResultTable {

  static final int DECIMALS = 4;

  enum Kind { BOOLEAN, WHOLE, FLOATING, DECIMAL, STRING, DATE, TIMESTAMP, OTHER }

  record Column(String name, Kind kind) {}

  private static final DateTimeFormatter HIVE_TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .optionalEnd().toFormatter(Locale.ROOT);
  private static final DateTimeFormatter JSON_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
      Locale.ROOT);
  // Spark's Utils.stringHalfWidth: these characters take two columns on a terminal
  private static final Pattern FULL_WIDTH = Pattern.compile("[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF"
      + "\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]");

  private final List<Column> columns;
  private final List<Object[]> rows;
  private final boolean more;
  private final ZoneId zone;

  /**
   * {@code more}: rows were left out after these (the table format stops at its limit);
   * {@code zone}: the session's time zone, in which the timestamps' text is written.
   */
  ResultTable(List<Column> columns, List<Object[]> rows, boolean more, ZoneId zone) {
    this.columns = columns;
    this.rows = rows;
    this.more = more;
    this.zone = zone;
  }

  List<Column> columns() {
    return columns;
  }

  List<Object[]> rows() {
    return rows;
  }

  /** The text of a cell as CSV writes it: every digit, "" for null. */
  static String text(Object cell) {
    return cell == null ? "" : String.valueOf(cell);
  }

  void print(String format, int limit, PrintWriter out) {
    switch (format) {
      case "csv" -> printCsv(out);
      case "json" -> printJson(out);
      default -> printTable(limit, out);
    }
    out.flush();
  }

  private void printCsv(PrintWriter out) {
    out.println(String.join(",", columns.stream().map(c -> csvCell(c.name())).toList()));
    for (Object[] row : rows) {
      List<String> cells = new ArrayList<>();
      for (Object cell : row) {
        cells.add(csvCell(text(cell)));
      }
      out.println(String.join(",", cells));
    }
  }

  private static String csvCell(String v) {
    return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  /** One object per line (JSON lines), as Spark's {@code toJSON} writes them. */
  private void printJson(PrintWriter out) {
    JsonFactory json = new JsonFactory();
    for (Object[] row : rows) {
      StringWriter line = new StringWriter();
      try (JsonGenerator g = json.createGenerator(line)) {
        g.writeStartObject();
        for (int i = 0; i < row.length; i++) {
          if (row[i] == null) {
            continue;
          }
          g.writeFieldName(columns.get(i).name());
          switch (columns.get(i).kind()) {
            case BOOLEAN -> g.writeBoolean((Boolean) row[i]);
            case WHOLE -> g.writeNumber((Long) row[i]);
            case FLOATING -> g.writeNumber((Double) row[i]);
            case DECIMAL -> g.writeNumber(new BigDecimal((String) row[i]));
            case TIMESTAMP -> g.writeString(LocalDateTime.parse((String) row[i], HIVE_TIMESTAMP).atZone(zone)
                .format(JSON_TIMESTAMP));
            default -> g.writeString(String.valueOf(row[i]));
          }
        }
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.println(line);
    }
  }

  /** Spark's {@code Dataset.show(limit, truncate = false)}: left-aligned cells, NULL for null. */
  private void printTable(int limit, PrintWriter out) {
    List<String[]> lines = new ArrayList<>();
    lines.add(columns.stream().map(c -> escaped(c.name())).toArray(String[]::new));
    for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
      String[] cells = new String[row.length];
      for (int i = 0; i < row.length; i++) {
        cells[i] = escaped(row[i] == null ? "NULL"
            : columns.get(i).kind() == Kind.FLOATING ? String.format(Locale.US, "%." + DECIMALS + "f", row[i])
            : String.valueOf(row[i]));
      }
      lines.add(cells);
    }
    int[] widths = new int[columns.size()];
    java.util.Arrays.fill(widths, 3);
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], halfWidth(line[i]));
      }
    }
    StringBuilder separator = new StringBuilder("+");
    for (int w : widths) {
      separator.append("-".repeat(w)).append('+');
    }
    StringBuilder sb = new StringBuilder().append(separator).append('\n');
    for (int l = 0; l < lines.size(); l++) {
      sb.append('|');
      for (int i = 0; i < widths.length; i++) {
        String cell = lines.get(l)[i];
        sb.append(cell).append(" ".repeat(widths[i] - halfWidth(cell))).append('|');
      }
      sb.append('\n');
      if (l == 0) {
        sb.append(separator).append('\n');
      }
    }
    sb.append(separator).append('\n');
    if (rows.size() > limit || more) {
      sb.append("only showing top ").append(limit).append(limit == 1 ? " row" : " rows").append('\n');
    }
    out.print(sb);
  }

  private static int halfWidth(String s) {
    return s.length() + (int) FULL_WIDTH.matcher(s).results().count();
  }

  /** Spark's SchemaUtils.escapeMetaCharacters: a cell stays on its line. */
  private static String escaped(String s) {
    return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\f", "\\f")
        .replace("\b", "\\b").replace("\u000B", "\\v").replace("\u0007", "\\a");
  }
}
