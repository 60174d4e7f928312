package hv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong usage is found before Spark starts: exit 2 at once, a line that says what to do, nothing
 * created. None of these tests starts Spark.
 */
class UsageErrorTest {

  private static final Path NOTEBOOKS = Path.of(System.getProperty("hv.home", "..")).resolve("notebooks");

  /** Exit 2 with nothing on stdout, fast (a Spark start takes seconds), and the message's first line. */
  private static String usageError(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(2, run.exit(), run.err());
    assertEquals("", run.out(), "stdout carries results only");
    assertTrue(run.millis() < 2_000, run.millis() + " ms");
    assertTrue(run.err().contains("--help lists the flags"), run.err());
    return run.err().lines().findFirst().orElseThrow();
  }

  @Test
  void nightlyWithoutItsInboxMakesNoWarehouseNorLock(@TempDir Path tmp) {
    Path warehouse = tmp.resolve("warehouse");
    String message = usageError("nightly", "--inbox", tmp.resolve("no-such-dir").toString(), "--warehouse",
        warehouse.toString());
    assertTrue(message.startsWith("hv nightly: --inbox " + tmp.resolve("no-such-dir") + ": no such folder"), message);
    assertFalse(Files.exists(warehouse));
  }

  @Test
  void aMissingNotebookListsTheFoldersNotebooksClosestFirst() {
    String message = usageError("sql", "-f", NOTEBOOKS.resolve("program-scorcard.sql").toString());
    assertTrue(message.contains("no such file"), message);
    assertTrue(message.contains("closest first: program-scorecard.sql, "), message);
  }

  @Test
  void readOnlyCommandsRefuseAMissingWarehouseAndCreateNothing(@TempDir Path tmp) throws IOException {
    Path missing = tmp.resolve("no-such-dir");
    assertTrue(usageError("sql", "--warehouse", missing.toString(), "-e", "select 1")
        .startsWith("hv sql: --warehouse " + missing + ": no such folder"));
    assertTrue(usageError("history", "--warehouse", missing.toString()).contains("no such folder"));
    assertTrue(usageError("compare", missing.toString(), tmp.toString()).startsWith("hv compare: LEFT " + missing));
    assertFalse(Files.exists(missing));

    Path empty = Files.createDirectory(tmp.resolve("empty"));
    assertTrue(usageError("sql", "--warehouse", empty.toString(), "-e", "select 1").contains("holds no warehouse"));
    try (var left = Files.list(empty)) {
      assertEquals(0, left.count(), "no _catalog folder made");
    }
  }

  @Test
  void aMistypedTableIsAnsweredBeforeSparkStarts(@TempDir Path tmp) throws IOException {
    for (String table : List.of("benchmark_results", "benchmark_units", "ratecard_results")) {
      // a Delta table, as far as the folder tells: a log with a commit
      Path log = Files.createDirectories(tmp.resolve("marts").resolve(table).resolve("_delta_log"));
      Files.writeString(log.resolve("00000000000000000000.json"), "{}");
    }
    String message = usageError("sql", "--warehouse", tmp.toString(), "-e",
        "select * from marts.ratecard_results r join marts.benchmark_result b on r.period = b.period");
    assertTrue(message.endsWith("no table marts.benchmark_result in the warehouse " + tmp
        + ". Tables in marts, closest first: benchmark_results, benchmark_units, ratecard_results"), message);
  }

  @Test
  void tablesReadAreThoseAfterFromOrJoinOutsideComments() {
    assertEquals(Set.of("marts.benchmark_results", "core.programs", "raw.x"), NotFound.tablesAfterFromOrJoin("""
        -- from marts.in_a_comment
        select * from marts.Benchmark_Results r
        left join `core`.programs p on true join core.programs;
        select * FROM raw . `x`, marts.after_a_comma_spark_checks where x in (select 1 from marts.t.too_deep)
        """));
  }

  @Test
  void namesAreListedByEditDistance() {
    List<String> tables = List.of("ratecard_results", "benchmark_units", "benchmark_results", "data_quality");
    assertEquals(List.of("benchmark_results", "benchmark_units", "ratecard_results", "data_quality"),
        Closest.first("benchmark_result", tables));
    assertEquals("marts.data_quality", Closest.first("data_qualty", List.of("core.programs", "marts.data_quality"),
        name -> name.substring(name.indexOf('.') + 1)).get(0));
  }

  @Test
  void librariesLogErrorsOnlyUnlessAskedFor() {
    if (System.getenv("HV_LOG") == null) {
      assertEquals(Level.ERROR, LogManager.getRootLogger().getLevel(), "log4j2.properties: errors only by default");
    }
    try {
      assertEquals(0, CliRun.of("--verbose", "--version").exit());
      assertEquals(Level.INFO, LogManager.getRootLogger().getLevel());
    } finally {
      Configurator.setRootLevel(Level.ERROR);
    }
  }
}
