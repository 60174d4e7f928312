package hv.cli;

import hv.nightly.NightHost;
import hv.ops.Progress;
import hv.serve.SqlEndpoint;
import hv.settings.Settings;
import hv.spark.Warehouse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"A JDBC/ODBC SQL endpoint (Spark Thrift server, HiveServer2 protocol) on 127.0.0.1 over the "
        + "warehouse's tables (raw.*, core.*, ops.*, marts.*), for SQL clients and dashboard tools. Runs until "
        + "stopped (Ctrl-C). While it runs, bin/hv sql on the same warehouse sends its queries here and answers "
        + "in about a second (the server leaves a note of its port in <warehouse>/_serve/).",
        "It also runs the nights bin/hv nightly hands it on this warehouse (same build and settings): a warm "
            + "process takes less than half the time of a new one for a small night.",
        "Every query reads the latest committed version of its tables, so queries and a night run side by side; "
            + "tables created after the start are registered within --refresh seconds. "
            + "Time travel: SELECT ... FROM marts.t VERSION AS OF n."})
public final class ServeCommand implements Callable<Integer> {

  // no field defaults: the settings are known only once --conf and --set are parsed
  @Option(names = "--port", paramLabel = "N",
      description = "TCP port on 127.0.0.1 (default: the setting serve.port, conf/hv.properties)")
  Integer givenPort;

  @Option(names = "--refresh", paramLabel = "SECONDS",
      description = "how often to look for new tables (default: the setting serve.refresh.seconds)")
  Integer givenRefreshSeconds;

  @Mixin
  WarehouseOption warehouse;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Settings settings = Settings.current();
    int port = givenPort != null ? givenPort : (int) settings.whole("serve.port");
    long refreshSeconds = givenRefreshSeconds != null ? givenRefreshSeconds : settings.whole("serve.refresh.seconds");
    if (port < 1 || port > 65535 || refreshSeconds < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--port: 1 to 65535; --refresh: at least 1 second");
    }
    SqlEndpoint.requireFreePort(port);
    Progress progress = Progress.stderr();
    progress.say("serve: starting Spark on warehouse %s", warehouse.dir());
    Warehouse open = warehouse.open();
    SqlEndpoint endpoint = SqlEndpoint.start(open, port, Duration.ofSeconds(refreshSeconds), progress);
    ServerFile found = announce(port, progress);
    NightHost nights = found == null ? null : hostNights(open, port, progress);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (found != null) {
        found.delete();
      }
      if (nights != null) {
        try {
          nights.close();
        } catch (IOException e) {
          // the socket file stays; the next server on this port replaces it
        }
      }
      endpoint.close();
    }, "hv-serve-stop"));
    progress.say("serve: listening on %s (any user name, no password; Ctrl-C stops)", SqlEndpoint.url(port));
    new CountDownLatch(1).await();
    return 0;
  }

  /** Runs the nights bin/hv nightly hands over on this warehouse (NightHost); null when it cannot listen. */
  private NightHost hostNights(Warehouse open, int port, Progress progress) {
    Path socket = NightHost.socket(ServerFile.folder(warehouse.dir()), port);
    try {
      NightHost host = NightHost.start(open, socket, NightlyCommand.HOSTED);
      progress.say("serve: bin/hv nightly on this warehouse runs its night here (%s)", socket);
      return host;
    } catch (IOException | UnsupportedOperationException e) {
      progress.say("serve: bin/hv nightly will run its nights in their own process: cannot listen at %s: %s", socket,
          Hv.describe(e));
      return null;
    }
  }

  /** Tells bin/hv sql where this server listens (ServerFile); null when the warehouse folder is not writable. */
  private ServerFile announce(int port, Progress progress) {
    try {
      return ServerFile.write(warehouse.dir(), SqlEndpoint.HOST, port);
    } catch (java.io.IOException e) {
      progress.say("serve: bin/hv sql will not find this server (it starts its own Spark): cannot write %s: %s",
          ServerFile.folder(warehouse.dir()), Hv.describe(e));
      return null;
    }
  }
}
