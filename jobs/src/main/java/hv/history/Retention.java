package hv.history;

import hv.spark.Parallel;
import hv.spark.Warehouse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  /**
   * Sets the configured retention on every table that lacks it (one commit on such a table, none on
   * the others); returns those tables (schema.table). Tables are checked side by side: each check
   * is a Delta log read.
   */
  public static List<String> apply(Warehouse warehouse, Parallel parallel) {
    List<String> tables = Warehouse.SCHEMAS.stream()
        .flatMap(schema -> warehouse.tables(schema).stream().map(table -> schema + "." + table))
        .toList();
    return parallel.map(tables, name -> setIfOther(warehouse, name)).stream().filter(Objects::nonNull).toList();
  }

  /** The table's name when it held another retention and now holds the configured one, else null. */
  private static String setIfOther(Warehouse warehouse, String name) {
    SparkSession spark = warehouse.spark();
    String[] parts = name.split("\\.");
    String location = warehouse.location(parts[0], parts[1]);
    // the table's properties from its latest metadata: read from the log's checksum file, no Spark
    // job (DESCRIBE DETAIL also sizes the table, a job per table every night)
    scala.collection.immutable.Map<String, String> held = warehouse.snapshot(parts[0], parts[1]).metadata()
        .configuration();
    List<String> settings = PROPERTIES.stream()
        .filter(p -> !configured(spark, p).equals(held.get(p).getOrElse(() -> null)))
        .map(p -> "'" + p + "' = '" + configured(spark, p) + "'")
        .toList();
    if (settings.isEmpty()) {
      return null;
    }
    spark.sql("ALTER TABLE delta.`" + location + "` SET TBLPROPERTIES (" + String.join(", ", settings) + ")");
    return name;
  }
}
