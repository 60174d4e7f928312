package hv.history;

import hv.spark.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * How long every table keeps its history (warehouse.md: long enough to audit a payment, default 7
 * years). The durations are Delta's table properties; conf/spark.properties sets them as the
 * defaults of new tables ({@code spark.databricks.delta.properties.defaults.*}), and this puts the
 * configured value on every existing table that holds another (one made before the setting, or
 * under an older value). VACUUM, which hv never runs, refuses to go below them.
 */
public final class Retention {

  /** The table properties that bound time travel: the log of versions, and the files they read. */
  public static final List<String> PROPERTIES =
      List.of("delta.logRetentionDuration", "delta.deletedFileRetentionDuration");

  private Retention() {}

  /** The configured value of a retention property, e.g. {@code interval 2557 days}. */
  public static String configured(SparkSession spark, String property) {
    String key = "spark.databricks.delta.properties.defaults." + property.substring("delta.".length());
    if (!spark.conf().contains(key)) {
      throw new IllegalStateException("no history retention configured: set " + key + " in conf/spark.properties");
    }
    return spark.conf().get(key);
  }

  /** Sets the configured retention on every table that lacks it; returns those tables (schema.table). */
  public static List<String> apply(Warehouse warehouse) {
    SparkSession spark = warehouse.spark();
    List<String> changed = new ArrayList<>();
    for (String schema : Warehouse.SCHEMAS) {
      for (String table : warehouse.tables(schema)) {
        String delta = "delta.`" + warehouse.location(schema, table) + "`";
        Row detail = spark.sql("DESCRIBE DETAIL " + delta).first();
        Map<String, String> held = detail.getJavaMap(detail.fieldIndex("properties"));
        List<String> settings = PROPERTIES.stream()
            .filter(p -> !configured(spark, p).equals(held.get(p)))
            .map(p -> "'" + p + "' = '" + configured(spark, p) + "'")
            .toList();
        if (!settings.isEmpty()) {
          spark.sql("ALTER TABLE " + delta + " SET TBLPROPERTIES (" + String.join(", ", settings) + ")");
          changed.add(schema + "." + table);
        }
      }
    }
    return changed;
  }
}
