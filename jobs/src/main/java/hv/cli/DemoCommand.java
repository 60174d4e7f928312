package hv.cli;

import hv.generate.GenerateOptions;
import hv.generate.Generator;
import hv.ops.Progress;
import hv.settings.Settings;
import hv.publish.Exports;
import hv.publish.RateCardReports;
import hv.publish.Report;
import hv.spark.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Generates the sample inbox (about 40 programs and 3,000 caregivers a year over three years: "
        + "one full extract, then a week of nightly extracts) and runs nightly over it; prints counts and "
        + "where to look next."})
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--inbox", paramLabel = "DIR",
      description = "where the sample inbox goes (default: the setting demo.inbox, conf/hv.properties)")
  Path givenInbox;

  @Mixin
  WarehouseOption warehouse;

  @Override
  public Integer call() throws Exception {
    Progress progress = Progress.stderr();
    Path inbox = givenInbox != null ? givenInbox : Path.of(Settings.current().text("demo.inbox"));
    if (!Files.isDirectory(inbox)) {
      Generator.generate(GenerateOptions.defaults(inbox), line -> progress.say("generate: %s", line));
    } else {
      progress.say("demo: sample inbox %s already there (delete it to generate again)", inbox);
    }
    int status = NightlyCommand.run(inbox, warehouse, null, null);
    if (status != 0) {
      return status;
    }
    Warehouse wh = warehouse.open();
    wh.registerAll();
    System.out.println();
    System.out.println("Rows per table in " + wh.root() + ":");
    for (String schema : Warehouse.SCHEMAS) {
      for (Row t : wh.spark().sql("SHOW TABLES IN " + schema).collectAsList()) {
        String name = schema + "." + t.getString(1);
        long rows = wh.spark().table(name).count();
        System.out.printf("  %-32s %,12d%n", name, rows);
      }
    }
    System.out.println();
    System.out.println("Ingest reconciliation (rows read = accepted + quarantined + duplicates):");
    wh.spark().sql("SELECT file, sum(rows_read) read, sum(accepted) accepted, sum(quarantined) quarantined, "
        + "sum(duplicates) duplicates FROM ops.ingest_log GROUP BY file ORDER BY file").show(20, false);
    Path exports = wh.root().resolve(Exports.PUBLIC_FOLDER);
    System.out.println("Next:");
    System.out.println("  " + latest(exports).resolve(Report.FILE) + "   (the night's report: open it in a browser)");
    System.out.println("  bin/hv sql -e \"select period, numerator, denominator, rate from marts.benchmark_results "
        + "where measure_code='PM03' and level='STATE' and stratum='ALL' order by period\"");
    System.out.println("  bin/hv sql -e \"select distinct entity_id from marts.benchmark_results where level='PROGRAM' "
        + "order by entity_id\"   (program ids, for --param program_id=...)");
    System.out.println("  bin/hv sql -f notebooks/program-scorecard.sql --param program_id=P-1   (one program against the state)");
    System.out.println("  bin/hv sql -f notebooks/ratecard-paid-episodes.sql   (episodes behind a contract's payment)");
    System.out.println("  ls " + exports + "/*   (the dashboard files: published, small cells suppressed, data-dictionary.md)");
    System.out.println("  ls " + wh.root().resolve(Exports.RESTRICTED_FOLDER) + "/*/" + RateCardReports.FOLDER
        + "   (the providers' Rate Card reports: exact counts, restricted)");
    System.out.println("  bin/hv sql -e \"show tables in marts\"");
    return 0;
  }

  /** The latest as-of folder of the exports (names are ISO dates, so the greatest is the latest). */
  private static Path latest(Path exports) throws IOException {
    try (Stream<Path> folders = Files.list(exports)) {
      return folders.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
          .max(Comparator.comparing(p -> p.getFileName().toString()))
          .orElse(exports.resolve("<as-of>"));
    }
  }
}
