package hv.cli;

import hv.ops.Progress;
import hv.serve.SqlEndpoint;
import hv.settings.Settings;
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
        "Every query reads the latest committed version of its tables, so a nightly run may go on beside it; "
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
    SqlEndpoint endpoint = SqlEndpoint.start(warehouse.open(), port, Duration.ofSeconds(refreshSeconds), progress);
    ServerFile found = announce(port, progress);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (found != null) {
        found.delete();
      }
      endpoint.close();
    }, "hv-serve-stop"));
    progress.say("serve: listening on %s (any user name, no password; Ctrl-C stops)", SqlEndpoint.url(port));
    new CountDownLatch(1).await();
    return 0;
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
