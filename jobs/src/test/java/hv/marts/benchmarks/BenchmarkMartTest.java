package hv.marts.benchmarks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestSpark;
import hv.core.CoreTables;
import hv.marts.decks.Deck;
import hv.marts.FamilyPass;
import hv.marts.decks.DeckFamilies;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The family pass's units of every measure through the roll-up: state totals equal the units' counts. */
class BenchmarkMartTest {

  @Test
  void stateTotalsAreTheUnitsCounts() {
    Deck deck = Deck.read(Deck.folder().resolve("PM03.json"));
    CoreTables core = DeckFamilies.standard().tables(TestSpark.session(), deck);

    BenchmarkMart.Result result = FamilyPass.of(core, deck.asOf()).benchmarks();

    assertEquals(List.of("period", "level", "entity_id", "stratum", "stratum_value", "measure_code", "numerator",
        "denominator", "missing", "rate", "ci_low", "ci_high"), List.of(result.results().columns()));
    List<Row> fromUnits = result.units()
        .groupBy("period", "measure_code")
        .agg(sum("numerator").as("n"), sum(when(col("in_denominator"), 1L).otherwise(0L)).as("d"),
            sum(when(col("missing"), 1L).otherwise(0L)).as("m"))
        .where(col("d").gt(0).or(col("m").gt(0)))
        .orderBy("period", "measure_code").collectAsList();
    List<Row> published = result.results()
        .where(col("level").equalTo("STATE").and(col("stratum").equalTo("ALL")).and(col("denominator").gt(0).or(col("missing").gt(0))))
        .select("period", "measure_code", "numerator", "denominator", "missing")
        .orderBy("period", "measure_code").collectAsList();
    assertTrue(fromUnits.size() > 1);
    assertEquals(fromUnits.toString(), published.toString());
  }
}
