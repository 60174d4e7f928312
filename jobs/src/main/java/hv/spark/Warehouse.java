package hv.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import scala.Option;

/**
 * The warehouse folder: every table is a Delta table at {@code <root>/<schema>/<table>}.
 * Tables are read and written by path; a process that queries them by name (sql, serve, demo)
 * registers them under their schema names first, so several processes share one warehouse
 * without a shared metastore. The nightly job registers nothing: each registration loads the
 * table's log, a cost it would pay for every table every night.
 */
public final class Warehouse {

  public static final List<String> SCHEMAS = List.of("raw", "core", "ops", "marts");

  /** A Delta log file that makes a version: a commit or a checkpoint. */
  private static final Pattern DELTA_VERSION_FILE = Pattern.compile("\\d{20}\\.(json|checkpoint(\\..+)?\\.parquet)");

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
    return isDeltaTable(path(schema, table));
  }

  /**
   * A folder is a Delta table once its log holds a commit (or a checkpoint). A night killed while
   * creating a table can leave an empty {@code _delta_log}: that is no table yet, and the next
   * night creates it.
   */
  static boolean isDeltaTable(Path folder) {
    Path log = folder.resolve("_delta_log");
    if (!Files.isDirectory(log)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(log)) {
      return entries.map(e -> e.getFileName().toString()).anyMatch(n -> DELTA_VERSION_FILE.matcher(n).matches());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The table's latest snapshot, brought up to date from its log: its version, size and
   * properties without a query (Delta reads them from the log's checksum file).
   */
  public Snapshot snapshot(String schema, String table) {
    return DeltaLog.forTable(spark, location(schema, table)).update(false, Option.empty(), Option.empty());
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
    java.util.regex.Matcher m = Pattern
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
    tables(schema).forEach(t -> register(schema, t));
  }

  /** The Delta tables in a schema's folder, by name, sorted. */
  public List<String> tables(String schema) {
    return tables(root, schema);
  }

  /** The Delta tables in a schema's folder of the warehouse at {@code root}, read without Spark. */
  public static List<String> tables(Path root, String schema) {
    Path dir = root.resolve(schema);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> tables = Files.list(dir)) {
      return tables.filter(Warehouse::isDeltaTable)
          .map(t -> t.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Registers one table (idempotent; writers on several threads register their tables). A name
   * still pointing at another warehouse's table (a JVM that opened two warehouses, as the tests
   * do) is pointed at this one: only the catalog entry of that external table is dropped.
   */
  public synchronized void register(String schema, String table) {
    spark.sql("CREATE DATABASE IF NOT EXISTS " + schema);
    TableIdentifier name = new TableIdentifier(table, Option.apply(schema));
    SessionCatalog catalog = spark.sessionState().catalog();
    if (catalog.tableExists(name)) {
      CatalogTable registered = catalog.externalCatalog().getTable(schema, table);
      if (isAt(registered.location(), path(schema, table))) {
        return;
      }
      if (registered.tableType() != CatalogTableType.EXTERNAL()) {
        throw new IllegalStateException(schema + "." + table + " is a managed table, not this warehouse's");
      }
      spark.sql("DROP TABLE " + schema + "." + table);
    }
    spark.sql("CREATE TABLE " + schema + "." + table
        + " USING delta LOCATION '" + location(schema, table).replace("'", "\\'") + "'");
  }

  private static boolean isAt(URI location, Path path) {
    try {
      return Path.of(location).normalize().equals(path);
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return false;
    }
  }
}
