package hv.marts.incremental;

import static hv.SameRows.assertSameRows;
import static hv.TestInbox.row;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.GeneratedWarehouse;
import hv.TestInbox;
import hv.TestSpark;
import hv.core.CoreTables;
import hv.generate.GenerateOptions;
import hv.generate.Generator;
import hv.marts.Marts;
import hv.marts.benchmarks.BenchmarkMart;
import hv.marts.ratecard.RateCardMart;
import hv.marts.ratecard.RateCardPrices;
import hv.nightly.NightlyJob;
import hv.ops.Progress;
import hv.spark.Warehouse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Nights on the incremental path, each checked against the full (unoptimized) computation of
 * the per-period marts from the same core: a generated increment (the second night of the
 * shared {@link GeneratedWarehouse}), and, on this class's own small warehouse, an increment
 * with only current-period data (ended periods untouched) and a late row dated in an ended
 * period.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalMartsTest {

  static final LocalDate LAST_GENERATED = LocalDate.parse("2026-03-20");
  static final List<String> TABLES =
      List.of("benchmark_units", "benchmark_results", "ratecard_units", "ratecard_results", "ratecard_payments");
  static final Progress QUIET = new Progress(new PrintStream(OutputStream.nullOutputStream()));

  static Path root;
  static Warehouse wh;

  /** A full extract up to {@link #LAST_GENERATED}, ingested by a first (full) night. */
  @BeforeAll
  static void firstNight() throws IOException {
    root = Files.createTempDirectory("hv-incremental");
    Generator.generate(new GenerateOptions(root.resolve("inbox"), 80, 7, LAST_GENERATED.minusYears(3),
        LAST_GENERATED, 0, 0.0, GenerateOptions.Refusal.NONE), line -> { });
    wh = new Warehouse(TestSpark.session(), root.resolve("warehouse"));
    night();
  }

  static void night() throws IOException {
    // the per-period marts only: the evaluation marts and exports are full every night, not under test here
    NightlyJob.Result result = new NightlyJob(wh, QUIET, new Marts(wh, QUIET).periodMartsOnly())
        .run(root.resolve("inbox"), null);
    assertEquals(0, result.exitStatus(), result.message());
  }

  /** The per-period marts as the full path computes them from the core the warehouse holds now. */
  static Map<String, Dataset<Row>> fullPath(Warehouse warehouse, LocalDate asOf) {
    CoreTables core = CoreTables.fromWarehouse(warehouse);
    BenchmarkMart.Result b = BenchmarkMart.build(core, asOf);
    RateCardMart.Result r = RateCardMart.build(core, asOf, RateCardPrices.configured());
    // computed once each: the results are built from the units
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    out.put("benchmark_units", b.units().localCheckpoint());
    out.put("benchmark_results", b.results().localCheckpoint());
    out.put("ratecard_units", r.units().localCheckpoint());
    out.put("ratecard_results", r.results().localCheckpoint());
    out.put("ratecard_payments", r.payments().localCheckpoint());
    return out;
  }

  static void assertPublishedEqualsFullPath(Warehouse warehouse, LocalDate asOf) {
    fullPath(warehouse, asOf).forEach((table, full) -> {
      Dataset<Row> published = warehouse.read("marts", table).drop("as_of");
      assertSameRows(published, full, table + " (published, against the full path)");
    });
  }

  static long version(String table) throws IOException {
    try (Stream<Path> log = Files.list(wh.path("marts", table).resolve("_delta_log"))) {
      return log.filter(p -> p.toString().endsWith(".json")).count() - 1;
    }
  }

  static Dataset<Row> endedPeriodRows(Dataset<Row> rows) {
    return rows.where(col("period").endsWith("-YTD").unary_$bang());
  }

  static Row caregiverWithProgram() {
    return wh.read("core", "enrollments").where(col("deleted").isNull().or(col("deleted").equalTo(false)))
        .orderBy("enrollment_id").select("caregiver_id", "program_id").first();
  }

  @Test
  @Order(1)
  void aGeneratedIncrementGivesWhatTheFullPathGives() {
    Warehouse generated = GeneratedWarehouse.get();
    assertPublishedEqualsFullPath(generated, GeneratedWarehouse.AS_OF);
    // the night was incremental: the rate card's oldest year has no changed family and kept its rows of the first night
    Dataset<Row> results = generated.read("marts", "ratecard_results");
    assertTrue(results.where(col("as_of").equalTo(Date.valueOf(GeneratedWarehouse.FIRST_AS_OF))).count() > 0);
    assertTrue(results.where(col("as_of").equalTo(Date.valueOf(GeneratedWarehouse.AS_OF))).count() > 0);
  }

  @Test
  @Order(2)
  void anIncrementWithOnlyCurrentPeriodDataLeavesEveryEndedPeriodUntouched() throws IOException {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String t : TABLES) {
      versions.put(t, version(t));
    }
    Row family = caregiverWithProgram();
    String date = LAST_GENERATED.plusDays(1).toString();
    TestInbox inbox = new TestInbox(root.resolve("inbox"));
    inbox.extract(date)
        .add("caregivers", row("caregiver_id", "CG-NEW", "caregiver_role", "MOTHER", "race", "WHITE",
            "updated_at", date + "T08:00:00Z"))
        .add("enrollments", row("enrollment_id", "E-NEW", "caregiver_id", "CG-NEW",
            "program_id", family.getString(1), "is_primary_caregiver", "Y", "enrollment_date", "2026-03-19",
            "age_at_enrollment", "22", "pregnant_at_enrollment", "N", "updated_at", date + "T08:00:00Z"))
        .add("home_visits", row("visit_id", "V-NEW", "enrollment_id", "E-NEW", "visit_date", "2026-03-20",
            "status", "COMPLETED", "created_at", date + "T08:00:00Z", "updated_at", date + "T08:00:00Z"))
        .write();
    night();

    LocalDate asOf = LocalDate.parse(date);
    for (String t : List.of("benchmark_units", "benchmark_results", "ratecard_units", "ratecard_results")) {
      Dataset<Row> was = endedPeriodRows(wh.read("marts", t, versions.get(t)));
      Dataset<Row> now = endedPeriodRows(wh.read("marts", t));
      // identical rows, as_of included: not one ended period was rewritten
      assertSameRows(was, now, t + " (ended periods, before and after the night)");
      assertEquals(0, now.where(col("as_of").equalTo(Date.valueOf(asOf))).count(), t);
    }
    assertTrue(wh.read("marts", "ratecard_units")
        .where(col("enrollment_id").equalTo("E-NEW").and(col("period").equalTo("SFY2026-YTD"))).count() > 0);
    assertPublishedEqualsFullPath(wh, asOf);
  }

  @Test
  @Order(3)
  void aLateRowDatedInAnEndedPeriodUpdatesThatPeriodAsTheFullPathDoes() throws IOException {
    Row family = caregiverWithProgram();
    Dataset<Row> stateRc1 = wh.read("marts", "ratecard_results").where(col("period").equalTo("SFY2025-Q4")
        .and(col("level").equalTo("STATE")).and(col("stratum").equalTo("ALL")).and(col("outcome_code").equalTo("RC1")));
    long eligibleBefore = stateRc1.select("eligible").first().getLong(0);

    String date = LAST_GENERATED.plusDays(2).toString();
    new TestInbox(root.resolve("inbox")).extract(date)
        .add("enrollments", row("enrollment_id", "E-LATE", "caregiver_id", family.getString(0),
            "program_id", family.getString(1), "is_primary_caregiver", "Y", "enrollment_date", "2025-05-12",
            "exit_date", "2025-06-20", "age_at_enrollment", "19", "pregnant_at_enrollment", "N",
            "updated_at", date + "T08:00:00Z"))
        .write();
    night();

    LocalDate asOf = LocalDate.parse(date);
    Dataset<Row> after = wh.read("marts", "ratecard_results").where(col("period").equalTo("SFY2025-Q4")
        .and(col("level").equalTo("STATE")).and(col("stratum").equalTo("ALL")).and(col("outcome_code").equalTo("RC1")));
    assertEquals(eligibleBefore + 1, after.select("eligible").first().getLong(0));
    assertEquals(Date.valueOf(asOf), after.select("as_of").first().getDate(0), "the late row's period was rewritten");
    assertPublishedEqualsFullPath(wh, asOf);
  }
}
