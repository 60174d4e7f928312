package hv.marts.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import hv.marts.decks.Deck;
import hv.marts.decks.DeckFamilies;
import hv.marts.decks.EvaluationDecks;
import hv.quality.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The data quality deck ({@code decks/evaluation/data-quality.json}) on the plain-Java checks,
 * no SparkSession: hand-built families and ops.quarantine rows, one edge per case; each case's
 * items (found by the case's id prefix) must be exactly the expected ones.
 */
class DataQualityDeckTest {

  /** program, check, reason, id without the case prefix, date of one item. */
  private record Expected(String program, String check, String reason, String id, String date) {}

  @TestFactory
  Stream<DynamicTest> dataQuality() {
    Deck deck = Deck.read(Deck.folder().resolve("evaluation/data-quality.json"));
    Map<String, List<Row>> live = DeckFamilies.live(DeckFamilies.standard().rows(deck));
    List<Item> items = new ArrayList<>(EvaluationDecks.familyItems(live, deck.asOf()));
    items.addAll(EvaluationDecks.quarantinedItems(deck, live));
    return deck.cases().stream().map(c -> dynamicTest(c.name(), () -> {
      List<Expected> want = new ArrayList<>();
      c.rows().path("expect").forEach(e -> want.add(new Expected(e.get(0).asText(), e.get(1).asText(),
          e.get(2).isNull() ? null : e.get(2).asText(), e.get(3).asText(), e.get(4).asText())));
      assertEquals(sorted(want), sorted(itemsOf(items, c.idPrefix())), c.name());
    }));
  }

  /** The items of one case: those whose id carries its prefix, with the prefix taken out. */
  private static List<Expected> itemsOf(List<Item> items, String prefix) {
    return items.stream().filter(i -> i.id().contains(prefix))
        .map(i -> new Expected(i.programId(), i.check(), i.reason(), i.id().replace(prefix, ""), i.date().toString()))
        .toList();
  }

  private static List<Expected> sorted(List<Expected> items) {
    return items.stream().sorted(Comparator.comparing(Expected::toString)).toList();
  }
}
