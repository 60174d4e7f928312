package hv.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hv.GeneratedWarehouse;
import hv.measures.MeasureFacts;
import hv.measures.MeasureFacts.MeasureSet;
import hv.spark.Warehouse;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * What the nightly job published in the generated warehouse carries the registry's facts
 * ({@link MeasureFacts}): every code, the unit type of every benchmark's units, which codes
 * are compared and in which direction.
 */
class PublishedFactsTest {

  private final Warehouse warehouse = GeneratedWarehouse.get();

  private static Map<String, String> byCode(Dataset<Row> codeAndFact) {
    Map<String, String> m = new TreeMap<>();
    for (Row r : codeAndFact.distinct().collectAsList()) {
      String fact = r.isNullAt(1) ? null : String.valueOf(r.get(1));
      String before = m.put(r.getString(0), fact);
      assertEquals(null, before, r.getString(0) + " has one fact, not " + before + " and " + fact);
    }
    return m;
  }

  /** The registry's fact of every code that holds {@code which}. */
  private static Map<String, String> registry(Predicate<MeasureFacts> which, Function<MeasureFacts, Object> fact) {
    Map<String, String> m = new TreeMap<>();
    MeasureFacts.ALL.stream().filter(which).forEach(f -> m.put(f.code(), String.valueOf(fact.apply(f))));
    return m;
  }

  private Set<String> codes(String table, String column) {
    Set<String> codes = new TreeSet<>();
    warehouse.read("marts", table).select(column).distinct().collectAsList().forEach(r -> codes.add(r.getString(0)));
    return codes;
  }

  @Test
  void everyBenchmarksUnitsAreOfItsUnitType() {
    assertEquals(registry(f -> f.set() == MeasureSet.BENCHMARK, MeasureFacts::unitType),
        byCode(warehouse.read("marts", "benchmark_units").select("measure_code", "unit_type")));
  }

  @Test
  void theResultsHaveEveryCodeOfTheRegistryAndNoOther() {
    assertEquals(Set.copyOf(MeasureFacts.codes(MeasureSet.BENCHMARK)), codes("benchmark_results", "measure_code"));
    assertEquals(Set.copyOf(MeasureFacts.codes(MeasureSet.RATE_CARD)), codes("ratecard_results", "outcome_code"));
  }

  @Test
  void theComparisonHasEveryShareCodeInItsDirection() {
    assertEquals(registry(f -> !f.counts(), MeasureFacts::lowerIsBetter),
        byCode(warehouse.read("marts", "provider_comparison").select("code", "lower_is_better")));
  }
}
