package hv.marts.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import hv.indicators.CaseloadSlots;
import hv.marts.decks.Deck;
import hv.marts.decks.DeckFamilies;
import hv.marts.decks.EvaluationDecks;
import hv.marts.decks.EvaluationDecks.Figures;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The service delivery deck ({@code decks/evaluation/service-delivery.json}) on the plain-Java
 * rules, no SparkSession: families built as for the measure decks, every indicator's facts
 * rolled up per program ({@link EvaluationDecks#byProgram}), each case's program figures checked.
 */
class ServiceDeliveryDeckTest {

  @TestFactory
  Stream<DynamicTest> serviceDelivery() {
    Deck deck = Deck.read(Deck.folder().resolve("evaluation/service-delivery.json"));
    Map<String, List<Row>> live = DeckFamilies.live(DeckFamilies.standard().rows(deck));
    Map<String, Figures> figures = EvaluationDecks.byProgram(EvaluationDecks.facts(live,
        DeckFamilies.periods(live, deck.asOf()), CaseloadSlots.configured()));
    return deck.cases().stream().map(c -> dynamicTest(c.name(), () -> {
      String program = c.rows().path("enrollments").path(0).path("program_id").asText();
      c.rows().path("indicators").fields().forEachRemaining(e -> {
        Figures f = figures.get(program + " " + e.getKey());
        assertNotNull(f, c.name() + ": no figures " + e.getKey());
        JsonNode want = e.getValue();
        check(want.get(0), f.numerator(), e.getKey() + " numerator");
        check(want.get(1), f.denominator(), e.getKey() + " denominator");
        check(want.get(2), f.value(), e.getKey() + " value");
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
