package hv.nightly;

import static hv.TestInbox.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestInbox;
import hv.TestSpark;
import hv.cli.CompareCommand;
import hv.spark.Warehouse;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A night that fails after some core tables committed is completed by the next run, as if it never failed. */
class CrashSafetyTest {

  @Test
  void aFailureInTheMiddleOfTheCoreUpsertLeavesRawCoreAndOpsAsTheRerunCompletesThem(@TempDir Path tmp)
      throws Exception {
    SparkSession spark = TestSpark.session();
    TestInbox inbox = new TestInbox(tmp.resolve("inbox"));
    NightlyJobTest.family(inbox, "2026-01-10").write();
    Warehouse reference = new Warehouse(spark, tmp.resolve("reference"));
    Warehouse failing = new Warehouse(spark, tmp.resolve("failing"));
    IngestTest.ingest(reference, inbox.root());
    IngestTest.ingest(failing, inbox.root());

    Map<String, String> updatedEnrollment = IngestTest.enrollment("E1", "CG1", "2026-01-11T00:00:00Z");
    updatedEnrollment.put("age_at_enrollment", "25");
    inbox.extract("2026-01-11")
        .add("caregivers", IngestTest.caregiver("CG2"))
        .add("enrollments", updatedEnrollment)
        .add("enrollments", IngestTest.enrollment("E2", "CG2", "2026-01-11T00:00:00Z"))
        .add("home_visits", IngestTest.visit("V2", "E2", "2026-01-11"))
        .add("home_visits", IngestTest.visit("V3", "E9", "2026-01-11"))          // an orphan
        .add("screenings", row("screening_id", "S2", "enrollment_id", "E2", "domain", "DEPRESSION", "tool", "PHQ9",
            "screening_date", "0001-01-01", "result", "NEGATIVE", "updated_at", "2026-01-11T00:00:00Z"))
        .write();

    // the injected failure: core.home_visits refuses its MERGE (a constraint the new visit breaks)
    // while the other core tables commit theirs
    String visits = "delta.`" + failing.location("core", "home_visits") + "`";
    spark.sql("ALTER TABLE " + visits + " ADD CONSTRAINT injected_failure CHECK (visit_id <> 'V2')");
    assertThrows(RuntimeException.class, () -> IngestTest.ingest(failing, inbox.root()));
    assertEquals(2, failing.read("core", "caregivers").count(), "core half-applied: caregivers committed");
    assertEquals(0, failing.read("core", "home_visits").where("visit_id = 'V2'").count(), "home_visits not");
    assertEquals(0, failing.read("ops", "ingest_log").where("extract_date = DATE'2026-01-11'").count(),
        "the extract is not marked applied");

    spark.sql("ALTER TABLE " + visits + " DROP CONSTRAINT injected_failure");
    IngestTest.ingest(failing, inbox.root());
    IngestTest.ingest(reference, inbox.root());

    int compared = 0;
    for (String schema : new String[] {"raw", "core", "ops"}) {
      TreeSet<String> tables = new TreeSet<>(reference.tables(schema));
      assertEquals(tables, new TreeSet<>(failing.tables(schema)), schema);
      for (String table : tables) {
        long[] difference = CompareCommand.difference(reference.read(schema, table), failing.read(schema, table));
        assertEquals(0L, difference[0] + difference[1], schema + "." + table + " as an uninterrupted run leaves it");
        compared++;
      }
    }
    assertTrue(compared >= 2 * 11 + 3, "raw and core of every file, and the ops trail: " + compared);
    assertEquals(1, failing.read("ops", "quarantine")
        .where("reason = 'OUT_OF_RANGE' AND column = 'screening_date'").count(), "a year-1 date never reaches core");
  }
}
