package hv.nightly;

import hv.spark.Parallel;
import static hv.TestInbox.row;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestInbox;
import hv.TestSpark;
import hv.contract.Contract;
import hv.raw.Extract;
import hv.raw.Inbox;
import hv.raw.RawReader;
import hv.ops.Progress;
import hv.spark.Warehouse;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTest {

  static final Progress QUIET = new Progress(new PrintStream(OutputStream.nullOutputStream()));

  static Map<String, String> program(String id) {
    return row("program_id", id, "program_name", "Program " + id, "contractor_id", "K1", "contract_number",
        "21OECHVS01ABC", "is_lead", "Y", "model", "HFA", "region", "1", "contract_start", "2024-07-01",
        "contract_end", "2027-06-30", "contract_value", "500000.00", "updated_at", "2026-01-01T00:00:00Z");
  }

  static Map<String, String> caregiver(String id) {
    return row("caregiver_id", id, "caregiver_role", "MOTHER", "race", "BLACK", "hispanic", "N",
        "updated_at", "2026-01-01T00:00:00Z");
  }

  static Map<String, String> enrollment(String id, String caregiver, String updatedAt) {
    return row("enrollment_id", id, "caregiver_id", caregiver, "program_id", "P1", "is_primary_caregiver", "Y",
        "enrollment_date", "2025-10-15", "age_at_enrollment", "24", "pregnant_at_enrollment", "N",
        "updated_at", updatedAt);
  }

  static Map<String, String> visit(String id, String enrollment, String date) {
    return row("visit_id", id, "enrollment_id", enrollment, "visit_date", date, "status", "COMPLETED",
        "created_at", date + "T12:00:00Z", "updated_at", date + "T12:00:00Z");
  }

  static Ingest.Outcome ingest(Warehouse wh, Path inbox) throws Exception {
    try (Parallel parallel = new Parallel(4)) {
      return new Ingest(wh, Contract.get(), QUIET, parallel).run(inbox, "test-run");
    }
  }

  static Map<String, Long> quarantineReasons(Warehouse wh) {
    return wh.read("ops", "quarantine").collectAsList().stream()
        .collect(Collectors.groupingBy(r -> r.getAs("reason") + ":" + r.getAs("column"), Collectors.counting()));
  }

  @Test
  void everyRowIsAccountedForAndEachFaultClassIsQuarantinedWithItsReason(@TempDir Path tmp) throws Exception {
    TestInbox inbox = new TestInbox(tmp.resolve("inbox"));
    inbox.extract("2026-01-10")
        .add("programs", program("P1"))
        .add("caregivers", caregiver("CG1"))
        .add("caregivers", caregiver("CG2"))
        .add("enrollments", enrollment("E1", "CG1", "2026-01-01T00:00:00Z"))
        .add("enrollments", enrollment("E2", "CG2", "2026-01-01T00:00:00Z"))
        .add("home_visits", visit("V1", "E1", "2026-01-05"))
        .add("home_visits", visit("V1", "E1", "2026-01-05"))                     // exact duplicate
        .add("home_visits", visit("V2", "E1", "2026-01-06"))
        .add("home_visits", visit("V2", "E1", "2026-01-07"))                     // key conflict
        .add("home_visits", visit("V3", "E1", "2026-02-30"))                     // bad date
        .add("home_visits", visit("V4", "E1", "2026-01-11"))                     // after extract date
        .add("home_visits", visit("V5", "E9", "2026-01-05"))                     // orphan
        .add("home_visits", row("visit_id", "V6", "enrollment_id", "E1", "visit_date", "2026-01-05",
            "status", "DONE", "created_at", "2026-01-05T12:00:00Z", "updated_at", "2026-01-05T12:00:00Z"))
        .add("home_visits", row("visit_id", "V7", "enrollment_id", "E1", "status", "COMPLETED",
            "created_at", "2026-01-05T12:00:00Z", "updated_at", "2026-01-05T12:00:00Z"))  // no visit_date
        .add("home_visits", row("visit_id", "V8", "enrollment_id", "E1", "visit_date", "2026-01-05",
            "status", "COMPLETED", "duration_minutes", "999", "created_at", "2026-01-05T12:00:00Z",
            "updated_at", "2026-01-05T12:00:00Z"))
        .add("home_visits", row("visit_id", "jane@example.org", "enrollment_id", "E1", "visit_date", "2026-01-05",
            "status", "COMPLETED", "created_at", "2026-01-05T12:00:00Z", "updated_at", "2026-01-05T12:00:00Z"))
        .add("enrollments", row("enrollment_id", "E3", "caregiver_id", "CG1", "program_id", "P1",
            "is_primary_caregiver", "Y", "enrollment_date", "2025-10-15", "exit_date", "2025-10-01",
            "age_at_enrollment", "24", "pregnant_at_enrollment", "N", "updated_at", "2026-01-01T00:00:00Z"))
        .add("assessments", row("assessment_id", "A1", "enrollment_id", "E1", "assessment_date", "2026-01-05",
            "item", "READ_TELL_SING_DAYS", "value", "9", "updated_at", "2026-01-05T12:00:00Z"))
        .write();
    Warehouse wh = new Warehouse(TestSpark.session(), tmp.resolve("wh"));
    Ingest.Outcome outcome = ingest(wh, inbox.root());
    assertNull(outcome.refusal());

    Map<String, Long> reasons = quarantineReasons(wh);
    assertEquals(Map.of(
        "DUPLICATE_KEY_CONFLICT:visit_id", 2L,
        "BAD_DATE:visit_date", 1L,
        "FUTURE_DATE:visit_date", 1L,
        "ORPHAN:enrollment_id", 1L,
        "UNKNOWN_CODE:status", 1L,
        "MISSING_REQUIRED:visit_date", 1L,
        "OUT_OF_RANGE:duration_minutes", 1L,
        "IDENTIFIER_VALUE:visit_id", 1L,
        "DATE_ORDER:exit_date<enrollment_date", 1L,
        "UNKNOWN_CODE:value", 1L), reasons);

    for (Row r : wh.read("ops", "ingest_log").collectAsList()) {
      long read = r.getAs("rows_read");
      long sum = (long) r.getAs("accepted") + (long) r.getAs("quarantined") + (long) r.getAs("duplicates");
      assertEquals(read, sum, "reconciles: " + r.getAs("file"));
    }
    Row visits = wh.read("ops", "ingest_log").where("file = 'home_visits'").first();
    assertEquals(11L, (long) visits.getAs("rows_read"));
    assertEquals(1L, (long) visits.getAs("duplicates"));
    assertEquals(List.of("V1"), wh.read("core", "home_visits").select("visit_id").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  @Test
  void anOrphanIsHeldAndReleasedTheNightItsParentArrives(@TempDir Path tmp) throws Exception {
    TestInbox inbox = new TestInbox(tmp.resolve("inbox"));
    inbox.extract("2026-01-10")
        .add("programs", program("P1")).add("caregivers", caregiver("CG1"))
        .add("home_visits", visit("V1", "E1", "2026-01-09"))
        .write();
    Warehouse wh = new Warehouse(TestSpark.session(), tmp.resolve("wh"));
    ingest(wh, inbox.root());
    assertEquals(Map.of("ORPHAN:enrollment_id", 1L), quarantineReasons(wh));
    assertEquals(0, wh.read("core", "home_visits").count());
    assertEquals(1, wh.read("ops", "orphans").where("released_run_id IS NULL").count());

    inbox.extract("2026-01-11").add("enrollments", enrollment("E1", "CG1", "2026-01-11T00:00:00Z")).write();
    ingest(wh, inbox.root());
    assertEquals(List.of("V1"), wh.read("core", "home_visits").select("visit_id").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList());
    Row released = wh.read("ops", "orphans").first();
    assertEquals("2026-01-11", released.getAs("released_extract_date").toString());
    Row log = wh.read("ops", "ingest_log").where("extract_date = DATE'2026-01-11' AND file = 'home_visits'").first();
    assertEquals(1L, (long) log.getAs("orphans_released"));
  }

  @Test
  void laterUpdatedAtWinsAndADeleteLeavesATombstoneThatOlderVersionsCannotUndo(@TempDir Path tmp) throws Exception {
    TestInbox inbox = new TestInbox(tmp.resolve("inbox"));
    inbox.extract("2026-01-10")
        .add("programs", program("P1")).add("caregivers", caregiver("CG1"))
        .add("enrollments", enrollment("E1", "CG1", "2026-01-02T00:00:00Z"))
        .write();
    Map<String, String> deleted = enrollment("E1", "CG1", "2026-01-05T00:00:00Z");
    deleted.put("deleted", "Y");
    inbox.extract("2026-01-11").add("enrollments", deleted).write();
    Map<String, String> stale = enrollment("E1", "CG1", "2026-01-03T00:00:00Z");
    stale.put("age_at_enrollment", "30");
    inbox.extract("2026-01-12").add("enrollments", stale).write();
    Warehouse wh = new Warehouse(TestSpark.session(), tmp.resolve("wh"));
    ingest(wh, inbox.root());
    Row held = wh.read("core", "enrollments").first();
    assertTrue((Boolean) held.getAs("deleted"));
    assertEquals(24, (int) held.getAs("age_at_enrollment"));
    assertEquals("2026-01-11", held.getAs("_extract_date").toString());
  }

  @Test
  void aFileLargerThanAPartitionIsSpreadOverPartitionsAndKeepsItsLineNumbers(@TempDir Path tmp) throws Exception {
    TestInbox inbox = new TestInbox(tmp.resolve("inbox"));
    TestInbox.Extract extract = inbox.extract("2026-01-10")
        .add("programs", program("P1")).add("caregivers", caregiver("CG1"))
        .add("enrollments", enrollment("E1", "CG1", "2026-01-01T00:00:00Z"));
    for (int i = 1; i <= 40; i++) {
      extract.add("home_visits", visit("V" + i, "E1", i == 17 ? "2026-02-30" : "2026-01-05"));
    }
    extract.write();
    Warehouse wh = new Warehouse(TestSpark.session(), tmp.resolve("wh"));
    String setting = "spark.sql.files.maxPartitionBytes";
    String before = wh.spark().conf().get(setting);
    wh.spark().conf().set(setting, "512");   // the visits file is several times this: spread over partitions
    try {
      Extract visits = new Inbox(inbox.root(), Contract.get()).check(inbox.root().resolve("2026-01-10"));
      assertTrue(new RawReader(wh.spark()).read(visits, Contract.get().file("home_visits")).rdd().getNumPartitions() > 1);
      ingest(wh, inbox.root());
    } finally {
      wh.spark().conf().set(setting, before);
    }
    // V17 is the 17th record: line 18 under the header, wherever its partition
    Row bad = wh.read("ops", "quarantine").first();
    assertEquals("V17", bad.getAs("record_key"));
    assertEquals(18L, (long) bad.getAs("line"));
    assertEquals(39, wh.read("core", "home_visits").count());
    Row lines = wh.read("raw", "home_visits").agg(countDistinct("_line"), max("_line")).first();
    assertEquals(40L, lines.getLong(0));
    assertEquals(41L, lines.getLong(1));
  }

  @Test
  void aFolderThatIsNoExtractDateIsNamedOnEveryRunAndHoldsNothingBack(@TempDir Path tmp) throws Exception {
    TestInbox inbox = new TestInbox(tmp.resolve("inbox"));
    // a real extract an operator misnamed, and two folders that are no date at all
    inbox.extract("2026-01-09x").add("programs", program("P1")).write();
    java.nio.file.Files.createDirectories(inbox.root().resolve("2026-11-31"));
    java.nio.file.Files.createDirectories(inbox.root().resolve("not-a-date"));
    inbox.extract("2026-01-10").add("programs", program("P2")).write();
    Warehouse wh = new Warehouse(TestSpark.session(), tmp.resolve("wh"));

    java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
    Ingest.Outcome outcome;
    try (Parallel parallel = new Parallel(4)) {
      outcome = new Ingest(wh, Contract.get(), new Progress(new PrintStream(output, true)), parallel).run(inbox.root(), "run-1");
    }
    assertEquals(List.of(java.time.LocalDate.parse("2026-01-10")), outcome.applied(), "later extracts are not held back");
    String night = output.toString();
    for (String folder : List.of("2026-01-09x", "2026-11-31", "not-a-date")) {
      assertTrue(night.contains("WARNING: inbox folder '" + folder + "' is not an extract date"), night);
    }
    assertEquals(List.of("2026-01-09x", "2026-11-31", "not-a-date"), wh.read("ops", "skipped_folders")
        .where("run_id = 'run-1' AND reason = 'NOT_AN_EXTRACT_DATE'").orderBy("folder").select("folder")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());

    // renamed to its date (earlier than one applied), it is applied by the next run
    java.nio.file.Files.move(inbox.root().resolve("2026-01-09x"), inbox.root().resolve("2026-01-09"));
    rewriteExtractDate(inbox.root().resolve("2026-01-09"), "2026-01-09x", "2026-01-09");
    assertEquals(List.of(java.time.LocalDate.parse("2026-01-09")), ingest(wh, inbox.root()).applied());
    assertEquals(List.of("P1", "P2"), wh.read("core", "programs").orderBy("program_id").select("program_id")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    assertEquals(2, wh.read("ops", "skipped_folders").where("run_id = 'test-run'").count(), "still named: the other two");
  }

  static void rewriteExtractDate(Path dir, String from, String to) throws java.io.IOException {
    Path manifest = dir.resolve("manifest.json");
    java.nio.file.Files.writeString(manifest, java.nio.file.Files.readString(manifest)
        .replace("\"extract_date\": \"" + from + "\"", "\"extract_date\": \"" + to + "\""));
  }
}
