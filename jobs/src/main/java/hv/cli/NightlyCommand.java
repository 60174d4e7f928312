package hv.cli;

import hv.nightly.NightlyJob;
import hv.ops.Progress;
import hv.settings.Settings;
import hv.spark.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "nightly", mixinStandardHelpOptions = true,
    description = {"Ingests every extract not yet processed, in date order, then rebuilds the marts for the "
        + "as-of date and writes the exports.",
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

  static int run(Path inbox, WarehouseOption warehouseOption, LocalDate asOf, Path profile)
      throws Exception {
    Progress progress = Progress.stderr();
    progress.say("nightly: inbox %s, warehouse %s", inbox, warehouseOption.dir());
    Warehouse warehouse = warehouseOption.open();
    hv.ops.JobCounter jobs = hv.ops.JobCounter.attach(warehouse.spark());
    NightlyJob.Result result = NightlyJob.standard(warehouse, progress).run(inbox, asOf);
    if (result.exitStatus() == 0) {
      progress.say("nightly: done: %s", result.message());
      progress.say("nightly: %s, spark jobs %d", hv.ops.ProcessFigures.now(), jobs.jobs());
    } else {
      System.err.println("hv nightly: " + result.message());
    }
    if (profile != null) {
      jobs.writeProfile(profile);
    }
    return result.exitStatus();
  }
}
