package hv.notebooks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.GeneratedWarehouse;
import hv.cli.SqlScript;
import hv.spark.Warehouse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every notebook runs on the generated warehouse as {@code bin/hv sql -f} runs it, with its own
 * defaults, and returns rows; where it is cheap, a figure it shows is checked against the tables.
 */
class NotebookTest {

  private static final Path NOTEBOOKS = Path.of(System.getProperty("hv.home", "..")).resolve("notebooks");

  /** Checks of one notebook's result, by file name (every notebook is also checked for rows). */
  private static final Map<String, BiConsumer<Warehouse, List<Row>>> CHECKS = Map.of(
      "program-scorecard.sql", NotebookTest::scorecard,
      "equity-by-stratum.sql", NotebookTest::equity,
      "trends.sql", NotebookTest::trends,
      "family-audit-trail.sql", NotebookTest::auditTrail,
      "contract-payments.sql", NotebookTest::payments,
      "earlier-publication.sql", NotebookTest::earlierPublication);

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void returnsRowsWithItsDefaults(Path notebook) throws IOException {
    String script = Files.readString(notebook, StandardCharsets.UTF_8);
    assertTrue(script.startsWith("--") && script.contains("Run:"), "a header saying the question and how to run it");
    Warehouse wh = GeneratedWarehouse.get();
    List<Row> rows = SqlScript.run(wh, script, Map.of()).collectAsList();
    assertFalse(rows.isEmpty(), notebook + " returned no rows");
    CHECKS.getOrDefault(notebook.getFileName().toString(), (w, r) -> { }).accept(wh, rows);
  }

  @org.junit.jupiter.api.Test
  void everyCheckedNotebookExists() throws IOException {
    Set<String> names = notebooks().stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    assertTrue(names.containsAll(CHECKS.keySet()), names.toString());
  }

  private static Dataset<Row> results(Warehouse wh) {
    return wh.read("marts", "benchmark_results").where(col("stratum").equalTo("ALL"));
  }

  /** The first program, all 19 measures, its rate and the state's as the results table holds them. */
  private static void scorecard(Warehouse wh, List<Row> rows) {
    String firstProgram = results(wh).where("level = 'PROGRAM'").agg(org.apache.spark.sql.functions.min("entity_id"))
        .first().getString(0);
    assertEquals(19, rows.size());
    String period = rows.get(0).getAs("period");
    assertEquals("FFY2026-Q2", period, "the latest ended period as of " + GeneratedWarehouse.AS_OF);
    for (Row r : rows) {
      assertEquals(firstProgram, r.getAs("program_id"));
      Row program = results(wh).where(col("period").equalTo(period).and(col("level").equalTo("PROGRAM"))
          .and(col("entity_id").equalTo(firstProgram)).and(col("measure_code").equalTo(r.getAs("measure_code"))))
          .first();
      Row state = results(wh).where(col("period").equalTo(period).and(col("level").equalTo("STATE"))
          .and(col("measure_code").equalTo(r.getAs("measure_code")))).first();
      assertEquals(program.<Long>getAs("denominator"), r.<Long>getAs("denominator"));
      assertEquals(state.<Long>getAs("denominator"), r.<Long>getAs("state_denominator"));
      if (!state.isNullAt(state.fieldIndex("rate"))) {
        assertEquals(state.<Double>getAs("rate"), r.<Double>getAs("state_rate"), 0.0005);
      }
    }
  }

  /** Every unit has one race: the race strata of a code add up to everyone. */
  private static void equity(Warehouse wh, List<Row> rows) {
    Map<String, Long> raceSum = new HashMap<>();
    Map<String, Long> overall = new HashMap<>();
    for (Row r : rows) {
      if (r.<String>getAs("stratum").equals("race")) {
        String key = r.getAs("source") + " " + r.getAs("code");
        raceSum.merge(key, r.<Long>getAs("denominator"), Long::sum);
        overall.put(key, r.getAs("overall_denominator"));
      }
    }
    assertEquals(19 + 4, overall.size(), "every measure and outcome: " + overall.keySet());
    assertEquals(overall, raceSum);
    assertEquals(Set.of("FFY2025", "SFY2025"), rows.stream().map(r -> r.<String>getAs("period")).collect(Collectors.toSet()));
  }

  /** The state's whole years and year to date, with the rates the results table holds. */
  private static void trends(Warehouse wh, List<Row> rows) {
    List<Row> pm03 = rows.stream().filter(r -> r.getAs("code").equals("PM03")).toList();
    assertEquals(List.of("FFY2023", "FFY2024", "FFY2025", "FFY2026-YTD"),
        pm03.stream().map(r -> r.<String>getAs("period")).toList());
    for (Row r : pm03) {
      Row state = results(wh).where(col("level").equalTo("STATE").and(col("measure_code").equalTo("PM03"))
          .and(col("period").equalTo(r.getAs("period")))).first();
      assertEquals(state.<Long>getAs("numerator"), r.<Long>getAs("numerator"));
    }
  }

  /** Raw, core, unit and figure steps, with every benchmark unit of the episode. */
  private static void auditTrail(Warehouse wh, List<Row> rows) {
    String enrollment = rows.stream().filter(r -> r.getAs("source").equals("raw.enrollments"))
        .map(r -> r.<String>getAs("record_id")).findFirst().orElseThrow();
    assertEquals(Set.of(1, 3, 4, 5), rows.stream().map(r -> r.<Integer>getAs("step"))
        .filter(s -> s != 2).collect(Collectors.toSet()));
    long units = wh.read("marts", "benchmark_units").where(col("enrollment_id").equalTo(enrollment)).count();
    assertEquals(units, rows.stream().filter(r -> r.getAs("source").equals("marts.benchmark_units")).count());
    assertTrue(rows.stream().anyMatch(r -> r.getAs("source").equals("marts.ratecard_results")));
  }

  /** The contract paid most: its halves add up to what the payments table paid it, never above the cap. */
  private static void payments(Warehouse wh, List<Row> rows) {
    Row most = wh.read("marts", "ratecard_payments").where("outcome_code = 'ALL'").groupBy("contract_number")
        .agg(sum("paid").as("paid")).orderBy(col("paid").desc(), col("contract_number")).first();
    List<Row> all = rows.stream().filter(r -> r.getAs("outcome_code").equals("ALL")).toList();
    assertEquals(most.getString(0), all.get(0).getAs("contract_number"));
    assertEquals(0, most.<BigDecimal>getAs("paid").compareTo(
        all.stream().map(r -> r.<BigDecimal>getAs("paid")).reduce(BigDecimal.ZERO, BigDecimal::add)));
    for (Row r : all) {
      assertTrue(r.<BigDecimal>getAs("cap_left").signum() >= 0, r.toString());
    }
  }

  /** By default the night before the latest: what the first night published, not today's figures. */
  private static void earlierPublication(Warehouse wh, List<Row> rows) {
    Map<String, Long> firstNight = wh.spark().read().parquet(GeneratedWarehouse.firstNightBenchmarkResults().toString())
        .where("level = 'STATE' and stratum = 'ALL'").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("period") + " " + r.getAs("measure_code"), r -> r.getAs("numerator")));
    assertEquals(firstNight, rows.stream().collect(Collectors.toMap(
        r -> r.getAs("period") + " " + r.getAs("measure_code"), r -> r.<Long>getAs("numerator"))));
    for (Row r : rows) {
      assertEquals(Date.valueOf(GeneratedWarehouse.FIRST_AS_OF), r.getAs("published_as_of"));
    }
    assertTrue(rows.stream().anyMatch(r -> Date.valueOf(GeneratedWarehouse.AS_OF).equals(r.getAs("current_as_of"))));
  }
}
