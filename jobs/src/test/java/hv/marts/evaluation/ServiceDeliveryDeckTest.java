package hv.marts.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import hv.TestSpark;
import hv.marts.decks.Deck;
import hv.marts.decks.DeckFamilies;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The service delivery deck ({@code decks/evaluation/service-delivery.json}): families built
 * as for the measure decks, one Spark job, each case's program rows checked.
 */
class ServiceDeliveryDeckTest {

  @TestFactory
  Stream<DynamicTest> serviceDelivery() {
    Deck deck = Deck.read(Deck.folder().resolve("evaluation/service-delivery.json"));
    Map<String, Row> rows = new HashMap<>();
    new ServiceDelivery(CaseloadSlots.configured())
        .build(DeckFamilies.standard().tables(TestSpark.session(), deck), deck.asOf())
        .where(col("level").equalTo("PROGRAM")).collectAsList()
        .forEach(r -> rows.put(r.getAs("entity_id") + " " + r.getAs("indicator") + " " + r.getAs("period_or_date"), r));
    return deck.cases().stream().map(c -> dynamicTest(c.name(), () -> {
      String program = c.rows().path("enrollments").path(0).path("program_id").asText();
      c.rows().path("indicators").fields().forEachRemaining(e -> {
        Row r = rows.get(program + " " + e.getKey());
        assertNotNull(r, c.name() + ": no row " + e.getKey());
        JsonNode want = e.getValue();
        check(want.get(0), r.getAs("numerator"), e.getKey() + " numerator");
        check(want.get(1), r.getAs("denominator"), e.getKey() + " denominator");
        check(want.get(2), r.getAs("value"), e.getKey() + " value");
      });
    }));
  }

  private static void check(JsonNode want, Double have, String what) {
    if (want.isNull()) {
      assertEquals(null, have, what);
    } else {
      assertNotNull(have, what);
      assertEquals(want.asDouble(), have, 1e-9, what);
    }
  }
}
