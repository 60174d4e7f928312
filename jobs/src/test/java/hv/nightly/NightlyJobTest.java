package hv.nightly;

import static hv.TestInbox.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestInbox;
import hv.TestSpark;
import hv.spark.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The night as the analyst schedules it: exit statuses, refusals, re-runs, a killed night's leftovers. */
public class NightlyJobTest {

  /** One caregiver's extract with a row in five files (also for the command line's tests, hv.cli). */
  public static TestInbox.Extract family(TestInbox inbox, String date) {
    return inbox.extract(date)
        .add("programs", IngestTest.program("P1"))
        .add("caregivers", IngestTest.caregiver("CG1"))
        .add("enrollments", IngestTest.enrollment("E1", "CG1", "2026-01-01T00:00:00Z"))
        .add("screenings", row("screening_id", "S1", "enrollment_id", "E1", "domain", "DEPRESSION", "tool", "PHQ9",
            "screening_date", "2025-11-01", "result", "NEGATIVE", "updated_at", "2026-01-01T00:00:00Z"))
        .add("home_visits", IngestTest.visit("V1", "E1", "2025-10-15"));
  }

  static NightlyJob.Result night(Warehouse wh, TestInbox inbox) throws IOException {
    return NightlyJob.standard(wh, IngestTest.QUIET).run(inbox.root(), null);
  }

  /** Latest commit version of every table: a table that changed has a higher one. */
  static Map<String, Long> versions(Warehouse wh) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    for (String schema : Warehouse.SCHEMAS) {
      Path dir = wh.root().resolve(schema);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> tables = Files.list(dir)) {
        for (Path t : tables.toList()) {
          try (Stream<Path> log = Files.list(t.resolve("_delta_log"))) {
            out.put(schema + "." + t.getFileName(), log.filter(p -> p.toString().endsWith(".json")).count());
          }
        }
      }
    }
    return out;
  }

  @Test
  void aSecondRunChangesNothingAndEachRefusalExits3NamingFileAndColumnWithoutWritingAnything(@TempDir Path tmp)
      throws Exception {
    TestInbox inbox = new TestInbox(tmp.resolve("inbox"));
    family(inbox, "2026-01-10").write();
    Warehouse wh = new Warehouse(TestSpark.session(), tmp.resolve("wh"));
    // what a night killed while creating tables leaves: a log folder without a commit, no table yet
    for (String table : List.of("core/home_visits", "ops/runs", "marts/benchmark_results")) {
      Files.createDirectories(wh.root().resolve(table).resolve("_delta_log"));
    }
    assertFalse(wh.exists("core", "home_visits"), "a log without a commit is no table");

    NightlyJob.Result first = night(wh, inbox);
    assertEquals(0, first.exitStatus(), first.message());
    assertTrue(first.martsRebuilt());
    assertEquals(1, wh.read("core", "home_visits").count());
    assertEquals(1, wh.read("ops", "runs").count());
    assertTrue(wh.read("marts", "benchmark_results").where("measure_code = 'PM03'").count() > 0);
    assertTrue(wh.read("marts", "ratecard_results").where("outcome_code = 'RC1'").count() > 0);
    Map<String, Long> published = versions(wh);

    NightlyJob.Result again = night(wh, inbox);
    assertEquals(0, again.exitStatus());
    assertFalse(again.martsRebuilt());
    assertEquals(published, versions(wh), "a second run changes no table");

    Map<String, String> nameColumn = IngestTest.caregiver("CG2");
    nameColumn.put("first_name", "Zelda");
    List<String> withName = new java.util.ArrayList<>(hv.contract.Contract.get().file("caregivers").columnNames());
    withName.add("first_name");
    List<String> withoutVisitDate = new java.util.ArrayList<>(hv.contract.Contract.get().file("home_visits").columnNames());
    withoutVisitDate.remove("visit_date");

    Map<String, Runnable> refusals = new java.util.LinkedHashMap<>();
    refusals.put("caregivers.csv has column 'first_name'", () ->
        inbox.extract("2026-01-11").add("caregivers", nameColumn).header("caregivers", withName).write());
    refusals.put("home_visits.csv lacks required column 'visit_date'", () ->
        inbox.extract("2026-01-11").add("home_visits", IngestTest.visit("V2", "E1", "2026-01-11"))
            .header("home_visits", withoutVisitDate).write());
    refusals.put("home_visits.csv holds 1 records but manifest.json says 2", () -> {
      Path dir = inbox.extract("2026-01-11").add("home_visits", IngestTest.visit("V2", "E1", "2026-01-11")).write();
      rewrite(dir.resolve("manifest.json"), "\"home_visits.csv\": {\"rows\": 1", "\"home_visits.csv\": {\"rows\": 2");
    });
    refusals.put("screenings.csv: checksum differs from manifest.json", () -> {
      Path dir = inbox.extract("2026-01-11").write();
      rewrite(dir.resolve("screenings.csv"), "updated_at", "UPDATED_AT");
    });
    refusals.put("home_visits.csv line 2 holds bytes that are not UTF-8", () -> {
      Path dir = inbox.extract("2026-01-11").add("home_visits", IngestTest.visit("V2", "E1", "2026-01-11")).write();
      Path visits = dir.resolve("home_visits.csv");
      String latin1 = readString(visits).replace("COMPLETED", "COMPL\u00c9TED");
      TestInbox.replaceFile(dir, "home_visits.csv", latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), null);
    });
    List<String> statusTwice = new java.util.ArrayList<>(hv.contract.Contract.get().file("home_visits").columnNames());
    statusTwice.add("STATUS");
    refusals.put("home_visits.csv header names column 'status' twice", () ->
        inbox.extract("2026-01-11").add("home_visits", IngestTest.visit("V2", "E1", "2026-01-11"))
            .header("home_visits", statusTwice).write());
    for (Map.Entry<String, Runnable> refusal : refusals.entrySet()) {
      refusal.getValue().run();
      NightlyJob.Result refused = night(wh, inbox);
      assertEquals(3, refused.exitStatus(), refusal.getKey());
      assertTrue(refused.message().contains("extract 2026-01-11 refused"), refused.message());
      assertTrue(refused.message().contains(refusal.getKey()), refused.message());
      assertFalse(refused.message().contains("Zelda"), "never a value");
      assertEquals(published, versions(wh), "no table version added: " + refusal.getKey());
      deleteTree(inbox.root().resolve("2026-01-11"));
    }
  }

  static void rewrite(Path file, String from, String to) {
    try {
      Files.writeString(file, readString(file).replace(from, to));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
