package hv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.indicators.CaseloadSlots;
import hv.publish.Suppression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** --conf and --set on the command line: checked as parsed, in force while the command runs. No Spark. */
class SettingsOptionTest {

  /** Reads what the publication and the evaluation mart read, as a command would. */
  @Command(name = "probe")
  static final class Probe implements Callable<Integer> {
    long maxCount;
    double nfpSlots;

    @Override
    public Integer call() {
      maxCount = Suppression.configuredMaxCount();
      nfpSlots = CaseloadSlots.configured().byModel().get("NFP");
      return 0;
    }
  }

  @Test
  void theSuppressionThresholdAndCaseloadSlotsFollowSet() {
    Probe probe = new Probe();
    CommandLine cli = Hv.commandLine().addSubcommand(probe);
    assertEquals(0, cli.execute("probe", "--set", "publication.suppress.max-count=4", "--set", "caseload.slots.NFP=20"));
    assertEquals(4, probe.maxCount);
    assertEquals(20.0, probe.nfpSlots);
    // the overrides end with their command
    assertEquals(9, Suppression.configuredMaxCount());
  }

  @Test
  void globalOptionsMayComeBeforeTheCommand(@TempDir Path conf) throws IOException {
    Files.writeString(conf.resolve("hv.properties"), "publication.suppress.max-count=6\ncaseload.slots.NFP=22\n");
    Probe probe = new Probe();
    CommandLine cli = Hv.commandLine().addSubcommand(probe);
    assertEquals(0, cli.execute("--conf", conf.toString(), "--set", "caseload.slots.NFP=30", "probe"));
    assertEquals(6, probe.maxCount);
    assertEquals(30.0, probe.nfpSlots);
  }

  /** Exit 2 at once (no Spark start), the key named, nothing on stdout. */
  private static String usageError(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(2, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(run.millis() < 2_000, run.millis() + " ms");
    return run.err().lines().findFirst().orElseThrow();
  }

  @Test
  void aBadSetIsWrongUsage() {
    assertEquals("hv: --set publication.supress.max-count=5: no setting publication.supress.max-count (settings: the "
            + "keys of conf/hv.properties, spark.* and the rate card's outcome codes RC1, RC2, RC3, RC4)",
        usageError("sql", "--set", "publication.supress.max-count=5", "-e", "select 1"));
    assertEquals("hv: --set serve.port=abc: serve.port must be a TCP port, 1 to 65535",
        usageError("--set", "serve.port=abc", "sql", "-e", "select 1"));
    assertTrue(usageError("nightly", "--set", "caseload.slots.NFP").contains("--set"));
    assertTrue(usageError("history", "--conf", "no-such-dir").startsWith("hv: --conf no-such-dir: no such folder"));
  }

  @Test
  void aBadConfFileIsWrongUsage(@TempDir Path conf) throws IOException {
    Files.writeString(conf.resolve("hv.properties"), "serve.port=ten\n");
    assertEquals("hv history: " + conf.resolve("hv.properties") + ": serve.port must be a TCP port, 1 to 65535",
        usageError("history", "--conf", conf.toString()));
  }
}
