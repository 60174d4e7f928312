package hv.marts.decks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import hv.TestSpark;
import hv.core.CoreTables;
import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.BenchmarkMeasures;
import hv.marts.benchmarks.Measure;
import hv.marts.common.Units;
import hv.marts.ratecard.Outcome;
import hv.marts.ratecard.RateCardInputs;
import hv.marts.ratecard.RateCardOutcomes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every deck under {@code src/test/resources/decks} (benchmark measures {@code PM*} and
 * rate card outcomes {@code RC*}): each deck is one Spark job over all its families, and each
 * case is reported as its own test.
 */
class DeckTest {

  private static final String PERIOD_ROW = "#period";

  @TestFactory
  Stream<DynamicNode> decks() throws IOException {
    Path folder = Deck.folder();
    DeckFamilies families = DeckFamilies.standard();
    List<Path> files;
    try (Stream<Path> listed = Files.list(folder)) {
      // -Ddecks=RC runs only the decks whose file name starts with RC (while iterating)
      String only = System.getProperty("decks", "");
      files = listed.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("(PM\\d\\d|RC\\d).*\\.json") && n.startsWith(only))
          .sorted().map(folder::resolve).toList();
    }
    // the children stream is consumed when JUnit runs the container: one deck's job at a time
    return files.stream().map(f -> dynamicContainer(f.getFileName().toString(),
        Stream.of(f).flatMap(path -> run(families, Deck.read(path)))));
  }

  /** A deck's unit rows (common schema) and the periods of its run. */
  private record Computed(Dataset<Row> units, Dataset<Row> periods) {}

  /** Through the benchmark measure or the rate card outcome the deck names. */
  private static Computed compute(Deck deck, CoreTables core) {
    Optional<Measure> measure = BenchmarkMeasures.byCode(deck.measure());
    if (measure.isPresent()) {
      BenchmarkInputs in = BenchmarkInputs.of(core, deck.asOf());
      return new Computed(measure.get().units(in), in.periods());
    }
    Outcome outcome = RateCardOutcomes.byCode(deck.measure())
        .orElseThrow(() -> new IllegalArgumentException(deck.file() + ": no measure or outcome " + deck.measure()));
    RateCardInputs in = RateCardInputs.of(core, deck.asOf());
    return new Computed(outcome.units(in), in.periods());
  }

  private Stream<DynamicNode> run(DeckFamilies families, Deck deck) {
    SparkSession spark = TestSpark.session();
    CoreTables core = families.tables(spark, deck);
    Computed computed = compute(deck, core);
    Dataset<Row> units = computed.units();

    Dataset<Row> perCase = units
        .groupBy(substring_index(col("enrollment_id"), "-", 1).as("case"), col("period"))
        .agg(sum(when(col("in_denominator"), 1L).otherwise(0L)).as("den"), sum("numerator").as("num"),
            sum(when(col("missing"), 1L).otherwise(0L)).as("miss"), count(lit(1)).as("rows"),
            countDistinct(concat_ws("|", col("enrollment_id"), col("child_id"), col("visit_id"))).as("units"));
    Dataset<Row> periods = computed.periods().select(lit(PERIOD_ROW).as("case"), col("period"),
        lit(0L).as("den"), lit(0L).as("num"), lit(0L).as("miss"), lit(0L).as("rows"), lit(0L).as("units"));
    List<Row> collected = perCase.unionByName(periods).collectAsList();

    Set<String> runPeriods = new TreeSet<>();
    Map<String, Map<String, Expected>> actual = new HashMap<>();
    List<String> duplicateUnits = new ArrayList<>();
    for (Row r : collected) {
      String caseId = r.getString(0), period = r.getString(1);
      if (caseId.equals(PERIOD_ROW)) {
        runPeriods.add(period);
        continue;
      }
      actual.computeIfAbsent(caseId, k -> new HashMap<>())
          .put(period, new Expected(r.getLong(2), r.getLong(3), r.getLong(4)));
      if (r.getLong(5) != r.getLong(6)) {
        duplicateUnits.add(caseId + " " + period);
      }
    }

    List<DynamicNode> tests = new ArrayList<>();
    tests.add(dynamicTest(deck.measure() + " units: common schema, one row per period and unit", () -> {
      assertEquals(Units.SCHEMA.simpleString(), units.schema().simpleString());
      assertTrue(duplicateUnits.isEmpty(), "duplicate unit rows in " + duplicateUnits);
    }));
    tests.addAll(deck.caseTests(runPeriods, actual));
    return tests.stream();
  }
}
