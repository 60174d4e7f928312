package hv.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The warehouse folder: every table is a Delta table at {@code <root>/<schema>/<table>}.
 * Tables are found by path; each process registers them under their schema names when it
 * starts, so several processes share one warehouse without a shared metastore.
 */
public final class Warehouse {

  public static final List<String> SCHEMAS = List.of("raw", "core", "ops", "marts");

  private final SparkSession spark;
  private final Path root;

  public Warehouse(SparkSession spark, Path root) {
    this.spark = spark;
    this.root = root.toAbsolutePath().normalize();
  }

  public SparkSession spark() {
    return spark;
  }

  public Path root() {
    return root;
  }

  public Path path(String schema, String table) {
    return root.resolve(schema).resolve(table);
  }

  public String location(String schema, String table) {
    return path(schema, table).toUri().toString();
  }

  public boolean exists(String schema, String table) {
    return Files.isDirectory(path(schema, table).resolve("_delta_log"));
  }

  public Dataset<Row> read(String schema, String table) {
    return spark.read().format("delta").load(location(schema, table));
  }

  /** The table as it was at a version (Delta time travel). */
  public Dataset<Row> read(String schema, String table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(location(schema, table));
  }

  /** Registers every Delta table found under the warehouse as {@code schema.table}. */
  public void registerAll() {
    SCHEMAS.forEach(this::registerSchema);
  }

  /**
   * Registers only the tables a SQL text names ({@code schema.table}), or every table of a
   * schema it names alone: registering costs a Delta log read per table.
   */
  public void registerReferenced(String sql) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("(?i)\\b(raw|core|ops|marts)\\b(?:\\s*\\.\\s*`?(\\w+)`?)?").matcher(sql);
    while (m.find()) {
      String schema = m.group(1).toLowerCase(java.util.Locale.ROOT);
      String table = m.group(2) == null ? null : m.group(2).toLowerCase(java.util.Locale.ROOT);
      if (table != null && exists(schema, table)) {
        register(schema, table);
      } else if (table == null) {
        registerSchema(schema);
      }
    }
  }

  private void registerSchema(String schema) {
    Path dir = root.resolve(schema);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> tables = Files.list(dir)) {
      tables.filter(t -> Files.isDirectory(t.resolve("_delta_log")))
          .map(t -> t.getFileName().toString())
          .sorted()
          .forEach(t -> register(schema, t));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Registers one table (idempotent; writers on several threads register their tables). */
  public synchronized void register(String schema, String table) {
    spark.sql("CREATE DATABASE IF NOT EXISTS " + schema);
    spark.sql("CREATE TABLE IF NOT EXISTS " + schema + "." + table
        + " USING delta LOCATION '" + location(schema, table).replace("'", "\\'") + "'");
  }
}
