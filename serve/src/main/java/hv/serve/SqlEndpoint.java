package hv.serve;

import hv.cli.Hv;
import hv.ops.Progress;
import hv.spark.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;

/**
 * The warehouse's tables over JDBC/ODBC: Spark's Thrift server (HiveServer2 protocol) on
 * 127.0.0.1, answering from this process's SparkSession and its private in-memory catalog
 * (docs/serve-decisions.md: why no shared Hive metastore).
 */
public final class SqlEndpoint implements AutoCloseable {

  /** Local only: the server has no authentication. */
  public static final String HOST = "127.0.0.1";

  private final HiveThriftServer2 server;
  private final ScheduledExecutorService sync;

  private SqlEndpoint(HiveThriftServer2 server, ScheduledExecutorService sync) {
    this.server = server;
    this.sync = sync;
  }

  public static String url(int port) {
    return "jdbc:hive2://" + HOST + ":" + port + "/default";
  }

  /** Fails with a clear message, before Spark starts, when something already listens there. */
  public static void requireFreePort(int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
      // it could be bound, so it is free; closed again before the server binds it
    } catch (IOException e) {
      throw new IllegalStateException("port " + port + " on " + HOST + " is in use (another server?): "
          + "choose another with --port");
    }
  }

  /**
   * Registers the warehouse's tables, starts the server, and from then on registers tables
   * that appear later (a first night, a new mart) every {@code refresh}.
   */
  public static SqlEndpoint start(Warehouse warehouse, int port, Duration refresh, Progress progress) {
    // the server's scratch Hive metastore is an in-memory Derby: its log goes to a temporary file,
    // not into the directory the server was started from
    if (System.getProperty("derby.stream.error.file") == null) {
      System.setProperty("derby.stream.error.file", derbyLog().toString());
    }
    // the schemas exist before their first table does: a client sees an empty schema, not an error
    Warehouse.SCHEMAS.forEach(schema -> warehouse.spark().sql("CREATE DATABASE IF NOT EXISTS " + schema));
    CatalogSync catalog = new CatalogSync(warehouse);
    reportWaiting(catalog.registerNew(), progress);
    progress.say("serve: %d tables registered from %s", catalog.size(), warehouse.root());

    // the execution-side HiveConf of the server is built from the session's settings
    warehouse.spark().conf().set("hive.server2.thrift.bind.host", HOST);
    warehouse.spark().conf().set("hive.server2.thrift.port", Integer.toString(port));
    warehouse.spark().conf().set("hive.server2.transport.mode", "binary");
    // per-query log files for clients that fetch them: none ask, and they would go to /tmp/<user>
    warehouse.spark().conf().set("hive.server2.logging.operation.enabled", "false");
    HiveThriftServer2 server = HiveThriftServer2.startWithContext(warehouse.spark().sqlContext());

    ScheduledExecutorService sync = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "hv-catalog-sync");
      t.setDaemon(true);
      return t;
    });
    sync.scheduleWithFixedDelay(() -> {
      try {
        report(catalog.registerNew(), progress);
      } catch (Exception e) {
        // an exception would end the schedule: new tables would silently never be served
        progress.say("serve: looking for new tables failed, retried in the next pass: %s", Hv.describe(e));
      }
    }, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    return new SqlEndpoint(server, sync);
  }

  private static void report(CatalogSync.Pass pass, Progress progress) {
    if (!pass.registered().isEmpty()) {
      progress.say("serve: registered %s", String.join(", ", pass.registered()));
    }
    reportWaiting(pass, progress);
  }

  private static void reportWaiting(CatalogSync.Pass pass, Progress progress) {
    if (!pass.notYetReadable().isEmpty()) {
      progress.say("serve: not readable yet, retried in the next pass: %s", String.join("; ", pass.notYetReadable()));
    }
  }

  private static Path derbyLog() {
    try {
      Path log = Files.createTempFile("hv-serve-derby", ".log");
      log.toFile().deleteOnExit();
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    sync.shutdownNow();
    server.stop();
  }
}
