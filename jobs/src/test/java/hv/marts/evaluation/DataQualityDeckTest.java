package hv.marts.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hv.TestSpark;
import hv.marts.decks.Deck;
import hv.marts.decks.DeckFamilies;
import hv.ops.OpsTables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The data quality deck ({@code decks/evaluation/data-quality.json}): hand-built families and
 * ops.quarantine rows, one edge per case, one Spark job; each case's items (found by the
 * case's id prefix) must be exactly the expected ones, and every row's count its items.
 */
class DataQualityDeckTest {

  /** program, check, reason, id, date of one item, ids without the case prefix. */
  private record Item(String program, String check, String reason, String id, String date) {}

  @TestFactory
  Stream<DynamicTest> dataQuality() {
    Deck deck = Deck.read(Deck.folder().resolve("evaluation/data-quality.json"));
    List<Row> rows = DataQuality.build(DeckFamilies.standard().tables(TestSpark.session(), deck),
        TestSpark.session().createDataFrame(quarantine(deck), OpsTables.QUARANTINE), deck.asOf()).collectAsList();
    Stream<DynamicTest> counts = Stream.of(dynamicTest("DQ-count-is-the-number-of-items", () -> rows.forEach(r ->
        assertEquals(r.<Long>getAs("count"), (long) r.getList(r.fieldIndex("items")).size(), r.toString()))));
    return Stream.concat(counts, deck.cases().stream().map(c -> dynamicTest(c.name(), () -> {
      List<Item> want = new ArrayList<>();
      c.rows().path("expect").forEach(e -> want.add(new Item(e.get(0).asText(), e.get(1).asText(),
          e.get(2).isNull() ? null : e.get(2).asText(), e.get(3).asText(), e.get(4).asText())));
      assertEquals(sorted(want), sorted(itemsOf(rows, c.idPrefix())), c.name());
    })));
  }

  /** The items of one case: those whose id carries its prefix, with the prefix taken out. */
  private static List<Item> itemsOf(List<Row> rows, String prefix) {
    List<Item> items = new ArrayList<>();
    for (Row r : rows) {
      for (Row item : r.<Row>getList(r.fieldIndex("items"))) {
        String id = item.getAs("id");
        if (id.contains(prefix)) {
          items.add(new Item(r.getAs("program_id"), r.getAs("check"), r.getAs("reason"), id.replace(prefix, ""),
              item.getAs("date").toString()));
        }
      }
    }
    return items;
  }

  private static List<Item> sorted(List<Item> items) {
    return items.stream().sorted(Comparator.comparing(Item::toString)).toList();
  }

  /** ops.quarantine rows of every case; the record key and the ids in the row are case-local (program ids are shared). */
  private static List<Row> quarantine(Deck deck) {
    List<Row> rows = new ArrayList<>();
    for (Deck.Case c : deck.cases()) {
      for (JsonNode q : c.rows().path("quarantine")) {
        ObjectNode fields = q.path("row").deepCopy();
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
          if (!name.equals("program_id")) {
            fields.put(name, c.idPrefix() + fields.get(name).asText());
          }
        }
        rows.add(RowFactory.create("deck", Date.valueOf(LocalDate.parse(q.path("extract_date").asText())),
            q.path("file").asText(), q.path("line").asLong(), c.idPrefix() + q.path("record_key").asText(),
            q.path("reason").asText(), null, fields.toString()));
      }
    }
    return rows;
  }
}
