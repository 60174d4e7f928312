package hv.marts.evaluation;

import static hv.SameRows.assertSameRows;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.GeneratedWarehouse;
import hv.spark.Warehouse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * {@code marts.provider_comparison} as the nightly job publishes it (the generated warehouse)
 * covers every yes/no measure and every rate card outcome, and its counts are those of the
 * benchmark and rate card results of the same night.
 */
class ComparisonCoverageTest {

  @Test
  void everyYesNoMeasureAndRateCardOutcomeWithTheResultsCounts() {
    Warehouse wh = GeneratedWarehouse.get();
    Dataset<Row> comparison = wh.read("marts", "provider_comparison");

    Set<String> codes = new TreeSet<>();
    comparison.select("code").distinct().collectAsList().forEach(r -> codes.add(r.getString(0)));
    Set<String> want = new TreeSet<>(Set.of("RC1", "RC2", "RC3", "RC4"));
    for (int i = 1; i <= 19; i++) {
      want.add("PM%02d".formatted(i));
    }
    want.remove("PM08");
    assertEquals(want, codes, "codes of the comparison");

    // per program and contract: units and observed = the results' denominator and numerator (stratum ALL),
    // for every period and code that has units in the state
    Dataset<Row> results = wh.read("marts", "benchmark_results")
        .select(col("period"), col("measure_code").as("code"), col("level"), col("entity_id"), col("stratum"),
            col("denominator").as("units"), col("numerator").as("observed"))
        .unionByName(wh.read("marts", "ratecard_results")
            .select(col("period"), col("outcome_code").as("code"), col("level"), col("entity_id"), col("stratum"),
                col("eligible").as("units"), col("achieved").as("observed")))
        .where(col("stratum").equalTo("ALL").and(col("code").notEqual("PM08")));
    Dataset<Row> withUnits = results.where(col("level").equalTo("STATE").and(col("units").gt(0)))
        .select("period", "code");
    Dataset<Row> expected = results.where(col("level").isin("PROGRAM", "CONTRACT"))
        .join(withUnits, new String[] {"period", "code"}, "left_semi")
        .select("period", "code", "level", "entity_id", "units", "observed");
    Dataset<Row> published = comparison.select("period", "code", "level", "entity_id", "units", "observed");
    assertSameRows(expected, published, "the comparison's units and observed, against the results");
    Dataset<Row> state = results.where(col("level").equalTo("STATE"))
        .select(col("period"), col("code"), col("units").as("state_units"), col("observed").as("state_observed"));
    assertEquals(0, comparison.select("period", "code", "state_units", "state_observed").distinct()
        .exceptAll(state).count(), "state columns = the STATE results");

    Map<String, Long> rateCardUnits = new HashMap<>();
    comparison.where(col("code").startsWith("RC").and(col("level").equalTo("PROGRAM")))
        .groupBy("code").sum("units").collectAsList().forEach(r -> rateCardUnits.put(r.getString(0), r.getLong(1)));
    want.stream().filter(c -> c.startsWith("RC")).forEach(c ->
        assertTrue(rateCardUnits.getOrDefault(c, 0L) > 0, c + " has units"));
    assertEquals(0, comparison.where(col("code").startsWith("RC").and(col("period").startsWith("FFY"))
        .or(col("code").startsWith("PM").and(col("period").startsWith("SFY")))).count(),
        "rate card outcomes over SFY periods, benchmarks over FFY periods");
  }
}
