package hv.nightly;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestSpark;
import hv.contract.Contract;
import hv.generate.GenerateOptions;
import hv.generate.Generator;
import hv.spark.Warehouse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated inbox with every fault class the contract lists, through the real ingest. */
class GeneratedFaultsIngestTest {

  @Test
  void everyFaultClassIsQuarantinedWithItsReasonAndEveryFileReconciles(@TempDir Path tmp) throws Exception {
    Path inbox = tmp.resolve("inbox");
    LocalDate to = LocalDate.parse("2026-03-31");
    Generator.generate(new GenerateOptions(inbox, 60, 7, to.minusYears(1), to, 3, 0.03,
        GenerateOptions.Refusal.NONE), line -> { });
    Warehouse wh = new Warehouse(TestSpark.session(), tmp.resolve("wh"));
    Ingest.Outcome outcome = IngestTest.ingest(wh, inbox);
    assertNull(outcome.refusal());
    assertEquals(4, outcome.applied().size());

    Set<String> reasons = new TreeSet<>(wh.read("ops", "quarantine").select("reason").distinct()
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    assertEquals(new TreeSet<>(List.of("MISSING_REQUIRED", "BAD_DATE", "OUT_OF_RANGE", "UNKNOWN_CODE", "BAD_ID",
        "DATE_ORDER", "FUTURE_DATE", "IDENTIFIER_VALUE", "DUPLICATE_KEY_CONFLICT", "ORPHAN")), reasons);
    assertTrue(wh.read("ops", "quarantine").where("reason = 'UNKNOWN_CODE' AND column = 'value'").count() > 0,
        "an assessment value outside its item's list");
    assertTrue(wh.read("ops", "orphans").where(col("released_run_id").isNotNull()).count() > 0,
        "an orphan whose parent came a night later was released");

    List<Row> log = wh.read("ops", "ingest_log").collectAsList();
    assertEquals(4 * Contract.get().files().size(), log.size(), "a row per extract and file");
    long duplicates = 0;
    for (Row r : log) {
      long read = r.getAs("rows_read");
      assertEquals(read, (long) r.getAs("accepted") + (long) r.getAs("quarantined") + (long) r.getAs("duplicates"),
          r.getAs("extract_date") + " " + r.getAs("file"));
      duplicates += (long) r.getAs("duplicates");
    }
    assertTrue(duplicates > 0, "exact duplicates are counted");
    long quarantined = log.stream().mapToLong(r -> r.getAs("quarantined")).sum();
    assertEquals(quarantined, wh.read("ops", "quarantine").count(), "each quarantined row is kept with its reason");
  }
}
