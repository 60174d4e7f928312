package hv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestInbox;
import hv.TestSpark;
import hv.nightly.NightHost;
import hv.nightly.NightlyJobTest;
import hv.spark.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/hv nightly handing its night to a running bin/hv serve (NightHost), or running it itself. */
class NightHostTest {

  private record Run(int exit, String err) {}

  /** {@code bin/hv ARGS} in this JVM with its standard error kept (the night's lines go there). */
  private static Run hv(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exit = CliRun.of(args).exit();
      return new Run(exit, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(stderr);
    }
  }

  private static int sparkJobs(Run run) {
    Matcher m = Pattern.compile("spark jobs (\\d+)").matcher(run.err());
    assertTrue(m.find(), run.err());
    return Integer.parseInt(m.group(1));
  }

  private static String rowsRead(Run run) {
    Matcher m = Pattern.compile("ingest: rows read .*").matcher(run.err());
    assertTrue(m.find(), run.err());
    return m.group();
  }

  private static Set<Integer> persistedRdds() {
    return new HashSet<>(JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext())
        .getPersistentRDDs().keySet());
  }

  @Test
  void theHostRunsTheNightTheCommandWouldAndDeclinesOtherSettings(@TempDir Path tmp) throws Exception {
    TestInbox inbox = new TestInbox(tmp.resolve("inbox"));
    NightlyJobTest.family(inbox, "2026-01-10").write();
    Path own = tmp.resolve("own");
    Path hosted = tmp.resolve("hosted");

    Run ownNight = hv("nightly", "--warehouse", own.toString(), "--inbox", inbox.root().toString());
    assertEquals(0, ownNight.exit(), ownNight.err());
    assertFalse(ownNight.err().contains("bin/hv serve"), ownNight.err());

    int port = 10099;
    ServerFile server = ServerFile.write(hosted, "127.0.0.1", port);
    Path socket = NightHost.socket(ServerFile.folder(hosted), port);
    Set<Integer> persistedBefore = persistedRdds();
    try (NightHost host = NightHost.start(new Warehouse(TestSpark.session(), hosted), socket, NightlyCommand.HOSTED)) {
      Run hostedNight = hv("nightly", "--warehouse", hosted.toString(), "--inbox", inbox.root().toString());
      assertEquals(0, hostedNight.exit(), hostedNight.err());
      assertTrue(hostedNight.err().contains("run by bin/hv serve (process " + ProcessHandle.current().pid() + ")"),
          hostedNight.err());
      assertEquals(rowsRead(ownNight), rowsRead(hostedNight));
      // the tagged jobs are the night's: as many as the command counts, give or take the few snapshot
      // jobs Delta runs or not depending on its cache (293 against 295 seen)
      int ownJobs = sparkJobs(ownNight);
      assertTrue(Math.abs(sparkJobs(hostedNight) - ownJobs) <= ownJobs / 20, "the night's own jobs, counted alike: "
          + sparkJobs(hostedNight) + " against " + ownJobs);
      Set<Integer> persistedAfter = persistedRdds();
      persistedAfter.removeAll(persistedBefore);
      assertEquals(Set.of(), persistedAfter, "the host keeps nothing of the night in its block store");

      Run otherSettings = hv("nightly", "--warehouse", hosted.toString(), "--inbox", inbox.root().toString(),
          "--set", "serve.refresh.seconds=7");
      assertEquals(0, otherSettings.exit(), otherSettings.err());
      assertTrue(otherSettings.err().contains("bin/hv serve on this warehouse does not run this night: it runs with "
          + "other settings"), otherSettings.err());
      assertTrue(otherSettings.err().contains("the night runs in this process"), otherSettings.err());
      assertTrue(otherSettings.err().contains("nothing new"), otherSettings.err());
    }
    assertFalse(Files.exists(socket), "a closed host removes its socket");

    // a server killed hard leaves its socket file, with no one listening on it
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(socket));
    }
    Run noAnswer = hv("nightly", "--warehouse", hosted.toString(), "--inbox", inbox.root().toString());
    assertEquals(0, noAnswer.exit(), noAnswer.err());
    assertTrue(noAnswer.err().contains("bin/hv serve on this warehouse does not answer"), noAnswer.err());
    server.delete();

    Run compared = hv("compare", "--schemas", "raw,core,ops,marts", own.toString(), hosted.toString());
    assertEquals(0, compared.exit(), "the hosted night wrote what the command's own night wrote");
  }
}
