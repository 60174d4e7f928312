package hv.marts.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestSpark;
import hv.marts.common.UnitType;
import hv.measures.EpisodeRiskFactors;
import hv.measures.EpisodeStrata;
import hv.measures.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statistics of the comparison against values a reader can check independently: a
 * logistic fit recovering simulated coefficients, Σ expected = Σ observed, funnel flags of
 * constructed programs, a published Wilson interval, a hand-computed two-proportion test,
 * and the model statuses.
 */
class ProviderComparisonTest {

  private static final StructType PROGRAMS = new StructType()
      .add("program_id", DataTypes.StringType).add("contract_number", DataTypes.StringType);

  /** Simulated truth: per group, log-odds = intercept + age (UNDER_20 vs 25_34) + housing (HOMELESS vs STABLE). */
  private static final Map<String, double[]> TRUTH = Map.of("FFY2024", new double[] {-0.5, 0.8, -1.0},
      "FFY2023", new double[] {0.3, -0.4, 0.6});
  private static final int SIMULATED_PER_GROUP = 8000;
  /** About four standard errors of a log-odds contrast at 2,000 units per cell. */
  private static final double COEFFICIENT_TOLERANCE = 0.25;

  /** A rare outcome (about 2%, as child maltreatment), fitted jointly with the common groups. */
  private static final String RARE_PERIOD = "FFY2022";
  private static final int RARE_UNITS = 6000;

  private static final List<Unit> units = new ArrayList<>();
  private static final List<EpisodeRiskFactors> factors = new ArrayList<>();
  private static Map<String, Row> byKey;

  @BeforeAll
  static void run() {
    simulate();
    simulateRare();
    construct();
    SparkSession spark = TestSpark.session();
    Dataset<Row> programs = spark.createDataFrame(List.of(
        RowFactory.create("SIM-A", "K-SIM"), RowFactory.create("SIM-B", "K-SIM"), RowFactory.create("REST", "K-REST"),
        RowFactory.create("HIGH", "K-1"), RowFactory.create("LOW", "K-2"), RowFactory.create("WATCH_HIGH", "K-3"),
        RowFactory.create("WATCH_LOW", "K-4"), RowFactory.create("MID", "K-5"), RowFactory.create("SMALL", "K-6"),
        RowFactory.create("WILSON", "K-7"), RowFactory.create("RARE-A", "K-8"), RowFactory.create("RARE-B", "K-8")),
        PROGRAMS);
    Dataset<Row> result = new ProviderComparison(Set.of("PM09")).build(cells(), programs);
    byKey = new HashMap<>();
    for (Row r : result.collectAsList()) {
      byKey.put(String.join("|", r.getAs("period"), r.getAs("code"), r.getAs("level"), r.getAs("entity_id")), r);
    }
  }

  @Test
  void logisticFitRecoversSimulatedCoefficients() {
    Dataset<Row> simulated = cells().where(col("period").isin(TRUTH.keySet().toArray()));
    RiskModel.Fit fit = RiskModel.fit(simulated, ProviderComparison.CODE);
    Map<String, Double> logit = new HashMap<>();
    for (Row r : fit.probabilities().collectAsList()) {
      double p = r.getAs("expected_probability");
      logit.put(r.getAs("period") + "|" + r.getAs("age_group") + "|" + r.getAs("housing"), Math.log(p / (1 - p)));
    }
    TRUTH.forEach((period, beta) -> {
      double intercept = logit.get(period + "|25_34|STABLE");
      assertEquals(beta[0], intercept, COEFFICIENT_TOLERANCE, period + " intercept");
      assertEquals(beta[1], logit.get(period + "|UNDER_20|STABLE") - intercept, COEFFICIENT_TOLERANCE, period + " age");
      assertEquals(beta[2], logit.get(period + "|25_34|HOMELESS") - intercept, COEFFICIENT_TOLERANCE, period + " housing");
      // no interaction in the model: the fourth cell is the sum
      assertEquals(logit.get(period + "|UNDER_20|STABLE") + logit.get(period + "|25_34|HOMELESS") - intercept,
          logit.get(period + "|UNDER_20|HOMELESS"), 1e-6, period + " additive");
    });
    assertEquals(2, fit.statuses().where(col("model_status").equalTo("FITTED")).count());
  }

  @Test
  void expectedSummedOverProgramsEqualsObserved() {
    for (String period : List.of("FFY2024", "FFY2023", "FFY2026")) {
      double expected = 0;
      long observed = 0;
      for (Row r : byKey.values()) {
        if (r.getAs("period").equals(period) && r.getAs("code").equals("PM03") && r.getAs("level").equals("PROGRAM")
            && r.getAs("expected") != null) {
          expected += r.<Double>getAs("expected");
          observed += r.<Long>getAs("observed");
        }
      }
      assertTrue(observed > 0, period);
      assertEquals(observed, expected, observed * 1e-3, period + ": Σ expected = Σ observed");
    }
  }

  @Test
  void rareOutcomeIsFittedWithExpectedEqualToObserved() {
    double expected = 0;
    long observed = 0;
    for (String program : List.of("RARE-A", "RARE-B")) {
      Row r = row(RARE_PERIOD, "PM09", program);
      assertEquals("FITTED", r.getAs("model_status"), program);
      expected += r.<Double>getAs("expected");
      observed += r.<Long>getAs("observed");
    }
    assertTrue(observed > 0 && observed < RARE_UNITS * 0.04, "rare: " + observed + " of " + RARE_UNITS);
    assertEquals(observed, expected, observed * 1e-3, "Σ expected = Σ observed");
  }

  @Test
  void funnelFlagsOfConstructedPrograms() {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("HIGH", "ABOVE");
    flags.put("LOW", "BELOW");
    flags.put("WATCH_HIGH", "WATCH");
    flags.put("WATCH_LOW", "WATCH");
    flags.put("MID", "WITHIN");
    flags.put("REST", "WITHIN");
    flags.put("SMALL", "TOO_FEW");
    flags.forEach((program, flag) -> {
      Row r = row("FFY2026", "PM03", program);
      assertEquals(0.5, r.<Double>getAs("state_rate"), 1e-12);
      assertEquals(flag, r.getAs("funnel_flag"), program);
    });
    // Binomial(100, 0.5): 2.5% quantile 40, 97.5% quantile 60, 0.1% quantile 35, 99.9% quantile 65
    Row high = row("FFY2026", "PM03", "HIGH");
    assertEquals(0.40, high.<Double>getAs("limit_95_low"), 1e-12);
    assertEquals(0.60, high.<Double>getAs("limit_95_high"), 1e-12);
    assertEquals(0.35, high.<Double>getAs("limit_998_low"), 1e-12);
    assertEquals(0.65, high.<Double>getAs("limit_998_high"), 1e-12);
    assertEquals(1, high.<Integer>getAs("rank_observed"));
    assertNull(row("FFY2026", "PM03", "SMALL").getAs("rank_observed"));
    // the same counts under a lower-is-better code rank the other way; the flag keeps the rate's direction
    assertEquals("ABOVE", row("FFY2026", "PM09", "HIGH").getAs("funnel_flag"));
    assertEquals(1, row("FFY2026", "PM09", "LOW").<Integer>getAs("rank_observed"));
  }

  @Test
  void changeSinceAYearEarlierWithTwoProportionTest() {
    Row r = row("FFY2026", "PM03", "HIGH");
    assertEquals("FFY2025", r.getAs("prior_period"));
    assertEquals(0.25, r.<Double>getAs("change"), 1e-12);
    // pooled p = 0.625, z = 0.25 / sqrt(0.625 · 0.375 · 2/100) = 3.6515; 2 (1 − Φ(z)) by hand
    assertEquals(0.00026073, r.<Double>getAs("change_p_value"), 1e-7);
    assertNull(row("FFY2026", "PM03", "LOW").getAs("change_p_value"));
  }

  @Test
  void publishedWilsonInterval() {
    Row r = row("FFY2026", "PM10", "WILSON");
    assertEquals(0.2553, r.<Double>getAs("ci_low"), 5e-5);
    assertEquals(0.3662, r.<Double>getAs("ci_high"), 5e-5);
  }

  @Test
  void unfittableModelsAreReportedWithoutNumbers() {
    Row tooFew = row("FFY2026", "PM14", "MID");
    assertEquals("TOO_FEW_UNITS", tooFew.getAs("model_status"));
    assertNull(tooFew.getAs("expected"));
    assertNull(tooFew.getAs("risk_standardized_rate"));
    Row noVariation = row("FFY2026", "PM05", "MID");
    assertEquals("NO_VARIATION", noVariation.getAs("model_status"));
    assertNull(noVariation.getAs("o_e"));
    assertEquals("FITTED", row("FFY2026", "PM03", "MID").getAs("model_status"));
  }

  private static Row row(String period, String code, String program) {
    Row r = byKey.get(String.join("|", period, code, "PROGRAM", program));
    assertTrue(r != null, "no row " + period + " " + code + " " + program);
    return r;
  }

  private static void simulate() {
    Random random = new Random(20260415);
    TRUTH.forEach((period, beta) -> {
      for (int i = 0; i < SIMULATED_PER_GROUP; i++) {
        boolean young = random.nextBoolean(), homeless = random.nextBoolean();
        double logOdds = beta[0] + (young ? beta[1] : 0) + (homeless ? beta[2] : 0);
        boolean yes = random.nextDouble() < 1 / (1 + Math.exp(-logOdds));
        add(period, "PM03", i % 2 == 0 ? "SIM-A" : "SIM-B", yes, young ? "UNDER_20" : "25_34",
            homeless ? "HOMELESS" : "STABLE");
      }
    });
  }

  /**
   * Four age groups × three housing levels × two races, about 2% yes; the small race level
   * (1 unit in 50) has no yes at all, as small levels of a rare outcome do in real data: its
   * coefficient has no finite estimate.
   */
  private static void simulateRare() {
    Random random = new Random(20260416);
    List<String> ages = List.of("UNDER_20", "20_24", "25_34", "35_PLUS");
    List<String> housing = List.of("STABLE", "UNSTABLE", "HOMELESS");
    for (int i = 0; i < RARE_UNITS; i++) {
      String age = ages.get(random.nextInt(ages.size()));
      String home = housing.get(random.nextInt(housing.size()));
      boolean smallLevel = random.nextInt(50) == 0;
      double logOdds = -4.3 + (age.equals("UNDER_20") ? 0.8 : 0) + (home.equals("HOMELESS") ? 1.0 : 0);
      boolean yes = !smallLevel && random.nextDouble() < 1 / (1 + Math.exp(-logOdds));
      add(RARE_PERIOD, "PM09", i % 2 == 0 ? "RARE-A" : "RARE-B", yes, smallLevel ? "NHPI" : "WHITE", age, home);
    }
  }

  /** Programs with chosen counts; families alike, so the flags follow the raw counts. */
  private static void construct() {
    for (String code : List.of("PM03", "PM09")) {
      programs("FFY2026", code, "REST", 1000, 500);
      programs("FFY2026", code, "HIGH", 100, 75);
      programs("FFY2026", code, "LOW", 100, 25);
      programs("FFY2026", code, "WATCH_HIGH", 100, 62);
      programs("FFY2026", code, "WATCH_LOW", 100, 38);
      programs("FFY2026", code, "MID", 100, 50);
      programs("FFY2026", code, "SMALL", 10, 5);
    }
    programs("FFY2025", "PM03", "HIGH", 100, 50);
    programs("FFY2026", "PM10", "WILSON", 263, 81);
    programs("FFY2026", "PM14", "MID", 10, 5);
    programs("FFY2026", "PM05", "MID", 40, 40);
  }

  private static void programs(String period, String code, String program, int n, int yes) {
    for (int i = 0; i < n; i++) {
      add(period, code, program, i < yes, "25_34", "STABLE");
    }
  }

  private static void add(String period, String code, String program, boolean yes, String ageGroup, String housing) {
    add(period, code, program, yes, "WHITE", ageGroup, housing);
  }

  private static void add(String period, String code, String program, boolean yes, String race, String ageGroup,
                          String housing) {
    units.add(new Unit(period, code, UnitType.PC, "E" + units.size(), null, null, program, true, yes ? 1 : 0, false,
        null, null, null, null, null));
    factors.add(new EpisodeRiskFactors(
        new EpisodeStrata(race, "NOT_HISPANIC", ageGroup, "MEDICAID", "AT_OR_BELOW_100_FPL", "N"), "N", housing));
  }

  /** The units counted into cells in two parts, as two partitions of the family pass would. */
  private static Dataset<Row> cells() {
    ComparisonCells first = new ComparisonCells();
    ComparisonCells second = new ComparisonCells();
    for (int i = 0; i < units.size(); i++) {
      (i % 2 == 0 ? first : second).add(units.get(i), factors.get(i));
    }
    List<Row> rows = new ArrayList<>(first.rows());
    rows.addAll(second.rows());
    return TestSpark.session().createDataFrame(rows, ComparisonCells.SCHEMA);
  }
}
