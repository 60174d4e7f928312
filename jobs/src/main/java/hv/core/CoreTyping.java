package hv.core;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import hv.contract.ColumnSpec;
import hv.contract.FileSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The typed value of every column of a file, as core holds it, from the raw (all text) columns
 * of rows that kept the row rules. A timestamp is the instant {@link RowRules#instant} reads, the
 * same reading the rules and the choice of each key's version use (Spark's cast refuses a
 * timestamp without seconds, which ISO-8601 allows, and compiled two regular expressions per
 * value to read its zone). A date kept the rules' strict {@code yyyy-MM-dd}, so Spark's cast
 * reads it as written.
 */
public final class CoreTyping {

  private static final UserDefinedFunction INSTANT =
      udf((UDF1<String, Instant>) RowRules::instant, DataTypes.TimestampType);

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
      case "timestamp" -> INSTANT.apply(v);
      default -> v.cast(c.sparkType());
    };
  }
}
