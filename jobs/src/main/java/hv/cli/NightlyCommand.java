package hv.cli;

import hv.nightly.NightHost;
import hv.nightly.NightlyJob;
import hv.ops.JobCounter;
import hv.ops.ProcessFigures;
import hv.ops.Progress;
import hv.settings.Settings;
import hv.spark.Warehouse;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "nightly", mixinStandardHelpOptions = true,
    description = {"Ingests every extract not yet processed, in date order, then rebuilds the marts for the "
        + "as-of date and writes the exports.",
        "When bin/hv serve runs on the warehouse (same build, same settings), the night runs in its warm "
            + "process and its lines come back here: the same night, in less than half the time for a small one.",
        "Exit status: 0 done (also when there was nothing new), 1 failed (nothing partial is published), "
            + "3 an extract was refused (extracts before it stay applied; it and later ones wait)."})
public final class NightlyCommand implements Callable<Integer> {

  @Option(names = "--inbox", paramLabel = "DIR",
      description = "folder of extract folders (default: the setting inbox, conf/hv.properties)")
  Path givenInbox;

  @Mixin
  WarehouseOption warehouse;

  @Option(names = "--as-of", paramLabel = "DATE", description = "as-of date of the marts (default: the latest extract date)")
  LocalDate asOf;

  @Option(names = "--profile", paramLabel = "FILE", description = "write where the night's Spark jobs came from "
      + "(seconds, jobs, line of hv code) to FILE, the costliest first")
  Path profile;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path inbox = givenInbox != null ? givenInbox : Path.of(Settings.current().text("inbox"));
    // before Spark starts and before the warehouse or its lock is made
    if (!Files.isDirectory(inbox)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--inbox " + inbox + ": no such folder ("
          + inbox.toAbsolutePath().normalize() + "). Pass the folder the extracts land in (one subfolder per "
          + "extract date); relative paths start at the current directory.");
    }
    return run(inbox, warehouse, asOf, profile);
  }

  static int run(Path inbox, WarehouseOption warehouseOption, LocalDate asOf, Path profile) throws Exception {
    NightHost.Request request = new NightHost.Request(inbox, asOf, profile);
    Path dir = warehouseOption.dir();
    Optional<Path> host = ServerFile.running(dir).stream()
        .map(server -> NightHost.socket(ServerFile.folder(dir), server.port())).filter(Files::exists).findFirst();
    if (host.isPresent()) {
      Optional<Integer> hosted = NightHost.hand(host.get(), request, System.err,
          why -> System.err.println("hv nightly: " + why + "; the night runs in this process"));
      if (hosted.isPresent()) {
        return hosted.get();
      }
    }
    Progress progress = Progress.stderr();
    progress.say("nightly: inbox %s, warehouse %s", inbox, dir);
    Warehouse warehouse = warehouseOption.open();
    return night(warehouse, request, progress, System.err, ProcessFigures::now);
  }

  /** A night handed to {@code bin/hv serve} (NightHost): the same night, its failures said as the command says them. */
  static final NightHost.Night HOSTED = (warehouse, request, err) -> {
    Progress progress = new Progress(err);
    progress.say("nightly: inbox %s, warehouse %s, run by bin/hv serve (process %d)", request.inbox(),
        warehouse.root(), ProcessHandle.current().pid());
    try {
      return night(warehouse, request, progress, err, () -> String.format(Locale.ROOT, "night wall %.1f s",
          progress.elapsed()));
    } catch (Exception e) {
      err.println("hv nightly: failed: " + Hv.describe(e));
      return Hv.FAILED;
    }
  };

  private static int night(Warehouse warehouse, NightHost.Request request, Progress progress, PrintStream err,
                           Supplier<String> figures) throws Exception {
    try (JobCounter jobs = JobCounter.attach(warehouse.spark())) {
      NightlyJob.Result result = NightlyJob.standard(warehouse, progress).run(request.inbox(), request.asOf());
      if (result.exitStatus() == 0) {
        progress.say("nightly: done: %s", result.message());
        progress.say("nightly: %s, spark jobs %d", figures.get(), jobs.jobs());
      } else {
        err.println("hv nightly: " + result.message());
      }
      if (request.profile() != null) {
        jobs.writeProfile(request.profile());
      }
      return result.exitStatus();
    }
  }
}
