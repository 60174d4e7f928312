package hv.core;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import hv.contract.ColumnSpec;
import hv.contract.FileSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The typed value of every column of a file, as core holds it, from the raw (all text) columns
 * of rows that kept the row rules ({@link RowRules} reads the values the same way).
 */
public final class CoreTyping {

  private CoreTyping() {}

  /** All typed columns in contract order; {@code deleted} is false when empty. */
  public static List<Column> columns(FileSchema file) {
    List<Column> out = new ArrayList<>();
    for (ColumnSpec c : file.columns()) {
      Column t = typed(c);
      if (c.name().equals("deleted")) {
        t = coalesce(t, lit(false));
      }
      out.add(t.as(c.name()));
    }
    return out;
  }

  private static Column typed(ColumnSpec c) {
    Column v = col(c.name());
    return switch (c.type()) {
      case "yn" -> when(v.equalTo("Y"), lit(true)).when(v.equalTo("N"), lit(false));
      case "date" -> when(date_format(to_date(v, "yyyy-MM-dd"), "yyyy-MM-dd").equalTo(v), to_date(v, "yyyy-MM-dd"));
      // Spark's cast refuses a timestamp without seconds (2026-11-21T23:04Z), which ISO-8601 allows
      case "timestamp" -> regexp_replace(v, "^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2})(?=Z|[+-])", "$1:00")
          .cast("timestamp");
      default -> v.cast(c.sparkType());
    };
  }
}
