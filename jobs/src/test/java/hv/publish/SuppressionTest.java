package hv.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.col;

import hv.TestSpark;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Hand-built tables where the primary and complementary cells are plain to see. */
class SuppressionTest {

  private static final LocalDate AS_OF = LocalDate.parse("2026-03-31");
  private static final Map<String, String> CONTRACTS = Map.of("P1", "C1", "P2", "C1", "P3", "C2");

  private final SparkSession spark = TestSpark.session();

  private static final StructType RESULTS = new StructType()
      .add("period", DataTypes.StringType).add("level", DataTypes.StringType).add("entity_id", DataTypes.StringType)
      .add("stratum", DataTypes.StringType).add("stratum_value", DataTypes.StringType)
      .add("measure_code", DataTypes.StringType).add("numerator", DataTypes.LongType)
      .add("denominator", DataTypes.LongType).add("missing", DataTypes.LongType).add("rate", DataTypes.DoubleType)
      .add("ci_low", DataTypes.DoubleType).add("ci_high", DataTypes.DoubleType).add("as_of", DataTypes.DateType);

  /** A benchmark_results row of PM03 in FFY2026 (denominator 100 + numerator: large, never suppressed itself). */
  private static Row result(String level, String entity, String stratum, String value, long numerator) {
    return result("FFY2026", level, entity, stratum, value, numerator, 100 + numerator);
  }

  private static Row result(String period, String level, String entity, String stratum, String value, long numerator,
                            long denominator) {
    double rate = (double) numerator / denominator;
    return RowFactory.create(period, level, entity, stratum, value, "PM03", numerator, denominator, 0L, rate,
        rate - 0.1, rate + 0.1, Date.valueOf(AS_OF));
  }

  private Dataset<Row> benchmarks(Row... rows) {
    return spark.createDataFrame(List.of(rows), RESULTS);
  }

  /** numerator by "level/entity/stratum/value" (null = suppressed). */
  private static Map<String, Long> numerators(Dataset<Row> published) {
    Map<String, Long> out = new HashMap<>();
    for (Row r : published.collectAsList()) {
      out.put(r.<String>getAs("level") + "/" + r.getAs("entity_id") + "/" + r.getAs("stratum") + "/"
          + r.getAs("stratum_value"), r.isNullAt(r.fieldIndex("numerator")) ? null : r.<Long>getAs("numerator"));
    }
    return out;
  }

  @Test
  void aSmallCountIsSuppressedWithItsRateAndTheNextSmallestCellOfItsTotal() {
    Dataset<Row> published = new Suppression(9, CONTRACTS, AS_OF).apply("benchmark_results", benchmarks(
        result("STATE", "ALL", "ALL", "ALL", 50),
        result("STATE", "ALL", "race", "BLACK", 5),
        result("STATE", "ALL", "race", "WHITE", 12),
        result("STATE", "ALL", "race", "ASIAN", 33)));
    Map<String, Long> n = numerators(published);
    assertNull(n.get("STATE/ALL/race/BLACK"), "5 is a small cell");
    assertNull(n.get("STATE/ALL/race/WHITE"), "12 is the next-smallest cell of the race total");
    assertEquals(33L, n.get("STATE/ALL/race/ASIAN"));
    assertEquals(50L, n.get("STATE/ALL/ALL/ALL"));
    Row black = published.where(col("stratum_value").equalTo("BLACK")).first();
    assertTrue(black.<Boolean>getAs("numerator_suppressed"));
    assertNull(black.getAs("rate"));
    assertNull(black.getAs("ci_low"));
    assertEquals(105L, (long) black.<Long>getAs("denominator"), "the denominator is not small: shown");
    assertTrue(!black.<Boolean>getAs("denominator_suppressed"));
    Row all = published.where(col("stratum").equalTo("ALL")).first();
    assertEquals(50.0 / 150, all.<Double>getAs("rate"), 1e-12);
  }

  @Test
  void complementsCascadeAcrossStrataAndEntitiesUntilNoTotalHasOneSuppressedCell() {
    // P1 and P2 make up contract C1; only P1's BLACK count (3) is small
    Dataset<Row> published = new Suppression(9, CONTRACTS, AS_OF).apply("benchmark_results", benchmarks(
        result("PROGRAM", "P1", "ALL", "ALL", 23), result("PROGRAM", "P1", "race", "BLACK", 3),
        result("PROGRAM", "P1", "race", "WHITE", 20),
        result("PROGRAM", "P2", "ALL", "ALL", 45), result("PROGRAM", "P2", "race", "BLACK", 15),
        result("PROGRAM", "P2", "race", "WHITE", 30),
        result("CONTRACT", "C1", "ALL", "ALL", 68), result("CONTRACT", "C1", "race", "BLACK", 18),
        result("CONTRACT", "C1", "race", "WHITE", 50)));
    Map<String, Long> n = numerators(published);
    // P1 BLACK small → P1 WHITE (P1's race total) and P2 BLACK (C1's BLACK total) → P2 WHITE (C1's WHITE total)
    for (String hidden : List.of("PROGRAM/P1/race/BLACK", "PROGRAM/P1/race/WHITE", "PROGRAM/P2/race/BLACK",
        "PROGRAM/P2/race/WHITE")) {
      assertTrue(n.containsKey(hidden) && n.get(hidden) == null, hidden + " suppressed");
    }
    for (String shown : List.of("PROGRAM/P1/ALL/ALL", "PROGRAM/P2/ALL/ALL", "CONTRACT/C1/ALL/ALL",
        "CONTRACT/C1/race/BLACK", "CONTRACT/C1/race/WHITE")) {
      assertNotNull(n.get(shown), shown + " shown");
    }
  }

  @Test
  void aTotalThatDoesNotAddUpIsNoReasonToSuppress() {
    // the race rows add up to 40, not to the ALL row's 50: no subtraction reveals the 5
    Dataset<Row> published = new Suppression(9, CONTRACTS, AS_OF).apply("benchmark_results", benchmarks(
        result("STATE", "ALL", "ALL", "ALL", 50), result("STATE", "ALL", "race", "BLACK", 5),
        result("STATE", "ALL", "race", "WHITE", 35)));
    Map<String, Long> n = numerators(published);
    assertNull(n.get("STATE/ALL/race/BLACK"));
    assertEquals(35L, n.get("STATE/ALL/race/WHITE"));
  }

  @Test
  void quartersThatTileAHalfAreATotal() {
    Dataset<Row> published = new Suppression(9, CONTRACTS, AS_OF).apply("benchmark_results", benchmarks(
        // FFY quarters are cumulative: Q2 holds Q1, so only YTD (= Q2 on 2026-03-31) is a total of Q2
        result("FFY2026-Q1", "STATE", "ALL", "ALL", "ALL", 4, 40),
        result("FFY2026-Q2", "STATE", "ALL", "ALL", "ALL", 30, 80),
        result("FFY2026-YTD", "STATE", "ALL", "ALL", "ALL", 30, 80)));
    Map<String, Boolean> hidden = new HashMap<>();
    published.collectAsList().forEach(r -> hidden.put(r.getAs("period"), r.<Boolean>getAs("numerator_suppressed")));
    assertEquals(Map.of("FFY2026-Q1", true, "FFY2026-Q2", false, "FFY2026-YTD", false), hidden);

    Dataset<Row> sfy = new Suppression(9, CONTRACTS, AS_OF).apply("ratecard_results", rateCard(
        new Object[] {"SFY2026-Q1", "CONTRACT", "C1", "RC1", 6L}, new Object[] {"SFY2026-Q2", "CONTRACT", "C1", "RC1", 25L},
        new Object[] {"SFY2026-Q3", "CONTRACT", "C1", "RC1", 40L}, new Object[] {"SFY2026-H1", "CONTRACT", "C1", "RC1", 31L}));
    Map<String, Boolean> sfyHidden = new HashMap<>();
    sfy.collectAsList().forEach(r -> sfyHidden.put(r.getAs("period"), r.<Boolean>getAs("achieved_suppressed")));
    // Q1 + Q2 = H1: Q2 goes with Q1; Q3 is part of no published total here
    assertEquals(Map.of("SFY2026-Q1", true, "SFY2026-Q2", true, "SFY2026-Q3", false, "SFY2026-H1", false), sfyHidden);
  }

  @Test
  void theThresholdIsConfigurableAndZeroIsNeverSmall() {
    assertEquals(9, Suppression.configuredMaxCount());
    Dataset<Row> rows = benchmarks(result("STATE", "ALL", "ALL", "ALL", 5), result("PROGRAM", "P3", "ALL", "ALL", 0));
    Map<String, Long> atFour = numerators(new Suppression(4, CONTRACTS, AS_OF).apply("benchmark_results", rows));
    assertEquals(5L, atFour.get("STATE/ALL/ALL/ALL"));
    assertEquals(0L, atFour.get("PROGRAM/P3/ALL/ALL"));
    Map<String, Long> atNine = numerators(new Suppression(9, CONTRACTS, AS_OF).apply("benchmark_results", rows));
    assertNull(atNine.get("STATE/ALL/ALL/ALL"));
    assertEquals(0L, atNine.get("PROGRAM/P3/ALL/ALL"));
  }

  private static final StructType RATECARD = new StructType()
      .add("period", DataTypes.StringType).add("level", DataTypes.StringType).add("entity_id", DataTypes.StringType)
      .add("stratum", DataTypes.StringType).add("stratum_value", DataTypes.StringType)
      .add("outcome_code", DataTypes.StringType).add("achieved", DataTypes.LongType)
      .add("eligible", DataTypes.LongType).add("rate", DataTypes.DoubleType)
      .add("ci_low", DataTypes.DoubleType).add("ci_high", DataTypes.DoubleType).add("as_of", DataTypes.DateType);

  /** ratecard_results rows, stratum ALL, from {period, level, entity, outcome, achieved}; eligible = 200. */
  private Dataset<Row> rateCard(Object[]... rows) {
    List<Row> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(RowFactory.create(r[0], r[1], r[2], "ALL", "ALL", r[3], r[4], 200L, (Long) r[4] / 200.0, null, null,
          Date.valueOf(AS_OF)));
    }
    return spark.createDataFrame(out, RATECARD);
  }

  private static final StructType PAYMENTS = new StructType()
      .add("sfy", DataTypes.StringType).add("half", DataTypes.StringType).add("contract_number", DataTypes.StringType)
      .add("outcome_code", DataTypes.StringType).add("achieved", DataTypes.LongType)
      .add("earned", DataTypes.createDecimalType(18, 2)).add("cap", DataTypes.createDecimalType(18, 2))
      .add("paid", DataTypes.createDecimalType(18, 2)).add("as_of", DataTypes.DateType);

  private Dataset<Row> payments(long... achieved) {
    List<Row> out = new ArrayList<>();
    long total = 0;
    BigDecimal earned = BigDecimal.ZERO;
    for (int i = 0; i < achieved.length; i++) {
      BigDecimal e = BigDecimal.valueOf(250L * (i + 1) * achieved[i], 0).setScale(2);
      out.add(RowFactory.create("SFY2026", "H1", "C1", "RC" + (i + 1), achieved[i], e, null, null, Date.valueOf(AS_OF)));
      total += achieved[i];
      earned = earned.add(e);
    }
    out.add(RowFactory.create("SFY2026", "H1", "C1", "ALL", total, earned, new BigDecimal("90000.00"), earned,
        Date.valueOf(AS_OF)));
    return spark.createDataFrame(out, PAYMENTS);
  }

  @Test
  void aFigurePublishedInTwoTablesGetsOneDecisionAndEarningsDoNotRevealIt() {
    Dataset<Row> results = rateCard(
        new Object[] {"SFY2026-H1", "CONTRACT", "C1", "RC1", 4L}, new Object[] {"SFY2026-H1", "CONTRACT", "C1", "RC2", 20L},
        new Object[] {"SFY2026-H1", "CONTRACT", "C1", "RC3", 30L}, new Object[] {"SFY2026-H1", "CONTRACT", "C1", "RC4", 40L});
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("ratecard_results", results);
    tables.put("ratecard_payments", payments(4, 20, 30, 40));
    Suppression.Published published = new Suppression(9, CONTRACTS, AS_OF).apply(tables);

    Map<String, Row> paid = new HashMap<>();
    published.tables().get("ratecard_payments").collectAsList().forEach(r -> paid.put(r.getAs("outcome_code"), r));
    // RC1 (4) is small; the payments' ALL row makes the outcomes a total: RC2 (20) goes with it
    assertNull(paid.get("RC1").getAs("achieved"));
    assertNull(paid.get("RC1").getAs("earned"), "4 x $250 would give the 4 away");
    assertNull(paid.get("RC2").getAs("achieved"));
    assertEquals(30L, (long) paid.get("RC3").<Long>getAs("achieved"));
    assertEquals(new BigDecimal("22500.00"), paid.get("RC3").getAs("earned"));
    assertEquals(94L, (long) paid.get("ALL").<Long>getAs("achieved"));
    assertNull(paid.get("ALL").getAs("earned"), "with distinct prices the total earned solves for RC1 and RC2");
    assertNull(paid.get("ALL").getAs("paid"));
    assertEquals(new BigDecimal("90000.00"), paid.get("ALL").getAs("cap"));

    Map<String, Boolean> resultHidden = new HashMap<>();
    published.tables().get("ratecard_results").collectAsList()
        .forEach(r -> resultHidden.put(r.getAs("outcome_code"), r.<Boolean>getAs("achieved_suppressed")));
    assertEquals(Map.of("RC1", true, "RC2", true, "RC3", false, "RC4", false), resultHidden,
        "the results table hides what the payments table hides");
  }

  @Test
  void tablesThatDisagreeOnOneFigureAreRefused() {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("ratecard_results", rateCard(new Object[] {"SFY2026-H1", "CONTRACT", "C1", "RC1", 14L}));
    tables.put("ratecard_payments", payments(15));
    assertThrows(IllegalStateException.class, () -> new Suppression(9, CONTRACTS, AS_OF).apply(tables));
  }

  @Test
  void aSuppressedRowWithAnEmptyKeyValueGetsItsFlagBackAndItsNeighboursDoNot() {
    // the flags go back to the rows by a null-safe join on the key: an empty stratum_value is a value too
    Dataset<Row> published = new Suppression(9, CONTRACTS, AS_OF).apply("benchmark_results", benchmarks(
        result("STATE", "ALL", "ALL", "ALL", 50),
        result("STATE", "ALL", "race", null, 4),
        result("STATE", "ALL", "race", "WHITE", 46)));
    Row empty = published.where(col("stratum_value").isNull()).first();
    assertTrue(empty.<Boolean>getAs("numerator_suppressed"));
    assertTrue(empty.isNullAt(empty.fieldIndex("numerator")));
    assertEquals(3, published.count(), "one published row per row, none doubled by the join");
    Row white = published.where(col("stratum_value").equalTo("WHITE")).first();
    assertTrue(white.<Boolean>getAs("numerator_suppressed"), "46 is the only other cell of the race total");
    Row all = published.where(col("stratum").equalTo("ALL")).first();
    assertEquals(50L, all.<Long>getAs("numerator"));
    assertFalse(all.<Boolean>getAs("numerator_suppressed"));
  }

  @Test
  void aTableWithTwoRowsUnderOneKeyIsRefused() {
    Dataset<Row> twice = benchmarks(result("STATE", "ALL", "ALL", "ALL", 50), result("STATE", "ALL", "ALL", "ALL", 50));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new Suppression(9, CONTRACTS, AS_OF).apply("benchmark_results", twice));
    assertTrue(e.getMessage().contains("two rows with the key"), e.getMessage());
  }
}
