package hv.marts.decks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import hv.family.Families;
import hv.family.Family;
import hv.marts.common.UnitType;
import hv.measures.Measure;
import hv.measures.MeasureFacts;
import hv.measures.Measures;
import hv.measures.Unit;
import hv.time.Period;
import hv.time.RunPeriods;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The decks of the measures and rate card outcomes ported to the family pass
 * ({@link Measures#ALL}), run on the plain-Java rules without a SparkSession: each case's rows become families in memory, and
 * each case must give the same result per period as {@link DeckTest} expects.
 */
class FamilyDeckTest {

  @TestFactory
  Stream<DynamicNode> decks() throws Exception {
    DeckFamilies families = DeckFamilies.standard();
    List<Path> files;
    try (Stream<Path> listed = Files.list(Deck.folder())) {
      files = listed.filter(p -> Measures.byCode(p.getFileName().toString().replace(".json", "")).isPresent())
          .sorted().toList();
    }
    return files.stream().map(f -> dynamicContainer(f.getFileName().toString(), run(families, Deck.read(f))));
  }

  private Stream<DynamicNode> run(DeckFamilies deckFamilies, Deck deck) {
    Measure measure = Measures.byCode(deck.measure()).orElseThrow();
    Map<String, List<Row>> live = DeckFamilies.live(deckFamilies.rows(deck));
    RunPeriods periods = DeckFamilies.periods(live, deck.asOf());
    List<Unit> units = new ArrayList<>();
    for (Family f : Families.inMemory(live)) {
      units.addAll(measure.units(f, periods));
    }

    List<Period> measured = Measures.RATE_CARD.contains(measure) ? periods.state() : periods.federal();
    Set<String> runPeriods = new TreeSet<>(measured.stream().map(Period::name).toList());
    Map<String, Map<String, Expected>> actual = new HashMap<>();
    Set<String> seen = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (Unit u : units) {
      String caseId = u.enrollmentId().substring(0, u.enrollmentId().indexOf('-'));
      actual.computeIfAbsent(caseId, k -> new HashMap<>()).merge(u.period(),
          new Expected(u.inDenominator() ? 1 : 0, u.numerator(), u.missing() ? 1 : 0),
          (a, b) -> new Expected(a.denominator() + b.denominator(), a.numerator() + b.numerator(),
              a.missing() + b.missing()));
      if (!seen.add(u.period() + "|" + u.enrollmentId() + "|" + u.childId() + "|" + u.visitId())) {
        duplicates.add(u.period() + " " + u.enrollmentId());
      }
    }

    List<DynamicNode> tests = new ArrayList<>();
    tests.add(dynamicTest(deck.measure() + " units: one per period and unit", () ->
        assertTrue(duplicates.isEmpty(), "duplicate units " + duplicates)));
    UnitType registered = MeasureFacts.of(deck.measure()).unitType();
    tests.add(dynamicTest(deck.measure() + " units: of the registered unit type " + registered, () ->
        assertEquals(List.of(), units.stream().filter(u -> u.unitType() != registered).toList())));
    tests.addAll(deck.caseTests(runPeriods, actual));
    return tests.stream();
  }
}
