package hv.marts.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import hv.TestSpark;
import hv.measures.EpisodeStrata;
import hv.measures.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract K1 = lead P1 + subcontracted P2; contract K2 = P3 without units and P4 with PM03
 * units only. One period, two codes (PM03 yes/no, PM08 events per child).
 */
class RollupTest {

  private static final String Q1 = "FFY2026-Q1";
  private static Map<String, Row> byKey;

  @BeforeAll
  static void rollUp() {
    SparkSession spark = TestSpark.session();
    Dataset<Row> programs = spark.createDataFrame(List.of(
        RowFactory.create("P1", "K1"), RowFactory.create("P2", "K1"), RowFactory.create("P3", "K2"),
        RowFactory.create("P4", "K2")),
        new StructType().add("program_id", "string").add("contract_number", "string"));
    // each episode's strata as EpisodeStrata gives them (EpisodeStrataTest has the rules)
    Map<String, EpisodeStrata> strata = Map.of(
        "E1", new EpisodeStrata("BLACK", "NOT_HISPANIC", "UNDER_20", "MEDICAID", "AT_OR_BELOW_100_FPL", "Y"),
        "E2", new EpisodeStrata("MULTIRACIAL", "PUERTO_RICAN", "20_24", "OTHER", "101_200_FPL", "N"),
        "E3", new EpisodeStrata("UNKNOWN", "OTHER_HISPANIC", "35_PLUS", "UNKNOWN", "ABOVE_200_FPL", "UNKNOWN"),
        "E4", new EpisodeStrata("ASIAN", "UNKNOWN", "25_34", "NONE", "UNKNOWN", "N"),
        "E5", new EpisodeStrata("NHPI", "UNKNOWN", "35_PLUS", "PRIVATE", "UNKNOWN", "UNKNOWN"));
    List<Unit> units = List.of(
        unit("PM03", "P1", "E1", true, 1, false),
        unit("PM03", "P2", "E2", true, 0, false),
        unit("PM03", "P1", "E3", false, 0, true),
        unit("PM03", "P1", "E4", false, 0, false),
        unit("PM03", "P4", "E5", true, 1, false),
        unit("PM08", "P1", "E1", true, 3, false),
        unit("PM08", "P2", "E2", true, 0, false));
    // counted in two parts, as two partitions of the family pass would: the roll-up adds the parts
    StratumCounts first = new StratumCounts();
    StratumCounts second = new StratumCounts();
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      (i % 2 == 0 ? first : second).add(u, strata.get(u.enrollmentId()));
    }
    List<Row> parts = new ArrayList<>(first.rows());
    parts.addAll(second.rows());
    Dataset<Row> counts = spark.createDataFrame(parts, StratumCounts.SCHEMA);
    Dataset<Row> periods = spark.createDataFrame(List.of(RowFactory.create(Q1)), new StructType().add("period", "string"));

    Rollup rollup = new Rollup(Rollup.Labels.BENCHMARK, List.of("PM03", "PM08"), Set.of("PM08"));
    List<Row> rows = rollup.results(counts, periods, programs).collectAsList();
    byKey = new HashMap<>();
    for (Row r : rows) {
      String key = String.join("/", r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
          r.getString(5));
      assertNull(byKey.put(key, r), "duplicate " + key);
    }
  }

  private static Unit unit(String code, String program, String episode, boolean inDenominator, long numerator,
                           boolean missing) {
    return new Unit(Q1, code, UnitType.PC, episode, null, null, program, inDenominator, numerator, missing, null,
        null, null, null, null);
  }

  private static Row row(String level, String entity, String stratum, String value, String code) {
    return byKey.get(String.join("/", Q1, level, entity, stratum, value, code));
  }

  private static void assertCounts(long num, long den, long missing, Row r) {
    assertEquals(List.of(num, den, missing), List.of(r.getLong(6), r.getLong(7), r.getLong(8)), r.toString());
  }

  @Test
  void columnsAsPublished() {
    Row any = row("STATE", "ALL", "ALL", "ALL", "PM03");
    assertEquals(List.of("period", "level", "entity_id", "stratum", "stratum_value", "measure_code", "numerator",
        "denominator", "missing", "rate", "ci_low", "ci_high"), List.of(any.schema().fieldNames()));
  }

  @Test
  void programsContractsAndStateWithTheirCounts() {
    assertCounts(1, 1, 1, row("PROGRAM", "P1", "ALL", "ALL", "PM03"));
    assertCounts(0, 1, 0, row("PROGRAM", "P2", "ALL", "ALL", "PM03"));
    assertCounts(1, 2, 1, row("CONTRACT", "K1", "ALL", "ALL", "PM03"));
    assertCounts(1, 1, 0, row("CONTRACT", "K2", "ALL", "ALL", "PM03"));
    assertCounts(2, 3, 1, row("STATE", "ALL", "ALL", "ALL", "PM03"));
    assertEquals(2.0 / 3, row("STATE", "ALL", "ALL", "ALL", "PM03").getDouble(9));
  }

  @Test
  void everyProgramAndContractHasAStratumAllRowForEveryCodeEvenWithDenominatorZero() {
    long allRows = byKey.values().stream().filter(r -> r.getString(3).equals("ALL")).count();
    assertEquals(2 * (4 + 2 + 1), allRows);
    // P4 and K2 have PM03 units but none of PM08; P3 has none at all
    List<Row> empty = List.of(row("PROGRAM", "P4", "ALL", "ALL", "PM08"), row("CONTRACT", "K2", "ALL", "ALL", "PM08"),
        row("PROGRAM", "P3", "ALL", "ALL", "PM03"), row("PROGRAM", "P3", "ALL", "ALL", "PM08"));
    for (Row r : empty) {
      assertCounts(0, 0, 0, r);
      assertNull(r.get(9));
      assertNull(r.get(10));
      assertNull(r.get(11));
    }
  }

  @Test
  void strataValuesOfTheEpisodes() {
    assertCounts(1, 1, 0, row("STATE", "ALL", "race", "BLACK", "PM03"));
    assertCounts(0, 1, 0, row("STATE", "ALL", "race", "MULTIRACIAL", "PM03"));
    assertCounts(0, 0, 1, row("STATE", "ALL", "race", "UNKNOWN", "PM03"));
    assertCounts(0, 1, 0, row("CONTRACT", "K1", "ethnicity", "PUERTO_RICAN", "PM03"));
    assertCounts(1, 1, 0, row("STATE", "ALL", "ethnicity", "NOT_HISPANIC", "PM03"));
    assertCounts(0, 0, 1, row("STATE", "ALL", "ethnicity", "OTHER_HISPANIC", "PM03"));
    assertCounts(1, 1, 0, row("PROGRAM", "P1", "age_group", "UNDER_20", "PM03"));
    assertCounts(0, 1, 0, row("PROGRAM", "P2", "age_group", "20_24", "PM03"));
    assertCounts(0, 0, 1, row("PROGRAM", "P1", "age_group", "35_PLUS", "PM03"));
    assertCounts(1, 1, 0, row("STATE", "ALL", "insurance", "MEDICAID", "PM03"));
    assertCounts(0, 1, 0, row("STATE", "ALL", "insurance", "OTHER", "PM03"));
    assertCounts(0, 0, 1, row("STATE", "ALL", "insurance", "UNKNOWN", "PM03"));
    assertCounts(1, 1, 0, row("STATE", "ALL", "income", "AT_OR_BELOW_100_FPL", "PM03"));
    assertCounts(0, 1, 0, row("STATE", "ALL", "income", "101_200_FPL", "PM03"));
    assertCounts(0, 0, 1, row("STATE", "ALL", "income", "ABOVE_200_FPL", "PM03"));
    assertCounts(1, 1, 0, row("STATE", "ALL", "child_welfare", "Y", "PM03"));
    assertCounts(0, 1, 0, row("STATE", "ALL", "child_welfare", "N", "PM03"));
    assertCounts(1, 1, 1, row("STATE", "ALL", "child_welfare", "UNKNOWN", "PM03"));
    // E4 counted nowhere (neither denominator nor missing): no rows of its values
    assertNull(row("STATE", "ALL", "race", "ASIAN", "PM03"));
    assertNull(row("STATE", "ALL", "insurance", "NONE", "PM03"));
  }

  @Test
  void wilsonForYesNoMeasures() {
    Row state = row("STATE", "ALL", "ALL", "ALL", "PM03");
    ConfidenceInterval expected = new WilsonScoreInterval().createInterval(3, 2, 0.95);
    assertEquals(expected.getLowerBound(), state.getDouble(10), 1e-12);
    assertEquals(expected.getUpperBound(), state.getDouble(11), 1e-12);
  }

  @Test
  void poissonForEventsPerChild() {
    Row state = row("STATE", "ALL", "ALL", "ALL", "PM08");
    assertCounts(3, 2, 0, state);
    assertEquals(1.5, state.getDouble(9));
    double[] exact = Intervals.garwood(3);
    assertEquals(exact[0] / 2, state.getDouble(10), 1e-12);
    assertEquals(exact[1] / 2, state.getDouble(11), 1e-12);
  }
}
