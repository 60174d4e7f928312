package hv.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.GeneratedWarehouse;
import hv.SameRows;
import hv.TestSpark;
import hv.contract.Contract;
import hv.contract.FileSchema;
import hv.core.CoreTables;
import hv.family.Families;
import hv.family.Family;
import hv.indicators.CaseloadSlots;
import hv.indicators.Fact;
import hv.marts.common.StratumCounts;
import hv.marts.common.Units;
import hv.marts.decks.Deck;
import hv.marts.decks.DeckFamilies;
import hv.marts.decks.EvaluationDecks;
import hv.marts.decks.EvaluationDecks.Figures;
import hv.marts.evaluation.ComparisonCells;
import hv.marts.evaluation.DataQuality;
import hv.marts.evaluation.FactSums;
import hv.marts.evaluation.ProviderComparison;
import hv.marts.evaluation.ServiceDelivery;
import hv.measures.EpisodeRiskFactors;
import hv.measures.Measure;
import hv.measures.Measures;
import hv.ops.OpsTables;
import hv.quality.Item;
import hv.spark.Warehouse;
import hv.time.RunPeriods;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The Spark pass (core tables read and made live by Spark, families assembled by one shuffle,
 * every rule in one pass over each partition's families) gives exactly the rows of the plain
 * path (the same core rows held in memory, made live and grouped into families without Spark,
 * the rules run in a loop): every unit and data quality item, column for column, and the units
 * counted per stratum and per risk factors and the service delivery facts summed alike.
 */
class FamilyPassTest {

  /** On one deck's families (PM12's: many children, screenings, deleted rows): the plumbing. */
  @Test
  void theSparkPassGivesThePlainRulesUnitsOnADeck() {
    DeckFamilies families = DeckFamilies.standard();
    Deck deck = Deck.read(Deck.folder().resolve("PM12.json"));
    Map<String, List<Row>> live = DeckFamilies.live(families.rows(deck));
    FamilyPass pass = FamilyPass.of(families.tables(TestSpark.session(), deck), deck.asOf());
    List<Row> plain = plainUnits(live, pass.periods());
    assertTrue(plain.size() > 0, "the deck gives units");
    SameRows.assertSameRows(TestSpark.session().createDataFrame(plain, Units.SCHEMA), pass.units(),
        "units of every measure and outcome");
    pass.release();
  }

  /**
   * On the generated warehouse: every unit, every service delivery fact, every family's data
   * quality item (its ops.quarantine is empty; the quarantined items are the deck's), and the
   * units counted per stratum and per risk factors.
   */
  @Test
  void theSparkPassGivesThePlainRulesRowsOnTheGeneratedWarehouse() {
    Warehouse warehouse = GeneratedWarehouse.get();
    Map<String, List<Row>> held = new HashMap<>();
    for (FileSchema f : Contract.get().files()) {
      held.put(f.table(), warehouse.read("core", f.table()).collectAsList());
    }
    Map<String, List<Row>> live = DeckFamilies.live(held);
    FamilyPass pass = FamilyPass.of(CoreTables.fromWarehouse(warehouse), GeneratedWarehouse.AS_OF);
    RunPeriods periods = pass.periods();
    CaseloadSlots slots = CaseloadSlots.configured();

    Dataset<Row> units = pass.units();
    for (Measure m : Measures.ALL) {
      assertTrue(units.where(col("measure_code").equalTo(m.code()).and(col("numerator").gt(0))).count() > 0,
          m.code() + " counts somewhere on the generated warehouse");
    }
    SameRows.assertSameRows(TestSpark.session().createDataFrame(plainUnits(live, periods), Units.SCHEMA), units,
        "units of every measure and outcome");
    StratumCounts counts = new StratumCounts();
    ComparisonCells cells = new ComparisonCells();
    for (Family f : Families.inMemory(live)) {
      Map<String, EpisodeRiskFactors> factors = new HashMap<>();
      f.episodes().forEach(e -> factors.put(e.enrollmentId(), EpisodeRiskFactors.of(e)));
      Measures.ALL.forEach(m -> m.units(f, periods).forEach(u -> {
        counts.add(u, factors.get(u.enrollmentId()).strata());
        cells.add(u, factors.get(u.enrollmentId()));
      }));
    }
    SameRows.assertSameRows(TestSpark.session().createDataFrame(counts.rows(), StratumCounts.SCHEMA),
        pass.counts().groupBy("period", "measure_code", "program_id", "stratum", "stratum_value")
            .agg(sum("n").as("n"), sum("d").as("d"), sum("m").as("m")),
        "units counted per program and stratum, the partitions' parts added");
    List<String> cellKey = new ArrayList<>(List.of("period", ProviderComparison.CODE, "program_id"));
    cellKey.addAll(EpisodeRiskFactors.NAMES);
    SameRows.assertSameRows(TestSpark.session().createDataFrame(cells.rows(), ComparisonCells.SCHEMA),
        pass.comparisonCells().groupBy(cellKey.stream().map(c -> col(c)).toArray(Column[]::new))
            .agg(sum("units").as("units"), sum("observed").as("observed")),
        "units counted per program and risk factors, the partitions' parts added");
    for (String name : EpisodeRiskFactors.NAMES) {
      long levels = pass.comparisonCells().select(name).distinct().count();
      assertTrue(levels >= 2, name + " has " + levels + " level(s) in the generated warehouse");
    }
    List<Fact> facts = EvaluationDecks.facts(live, periods, slots);
    assertEquals(11, facts.stream().map(Fact::indicator).distinct().count(), "every indicator has facts");
    SameRows.assertSameRows(summed(facts), summed(pass.serviceDeliveryFacts(slots)), "service delivery facts");
    List<Item> items = EvaluationDecks.familyItems(live, periods.asOf());
    assertTrue(items.size() > 0, "the checks list items");
    SameRows.assertSameRows(TestSpark.session().createDataFrame(items.stream().map(FamilyPass::row).toList(),
        DataQuality.ITEMS), pass.dataQualityItems(TestSpark.session().createDataFrame(List.of(), OpsTables.QUARANTINE)),
        "data quality items");
    pass.release();
  }

  /**
   * On the service delivery deck the Spark pass gives exactly the plain rules' facts, and
   * {@link ServiceDelivery#rollUp} gives each program the figures of the decks' plain roll-up
   * ({@link EvaluationDecks#byProgram}), which {@code ServiceDeliveryDeckTest} checks.
   */
  @Test
  void theSparkPassGivesThePlainFactsAndTheirFiguresOnTheServiceDeliveryDeck() {
    DeckFamilies families = DeckFamilies.standard();
    Deck deck = Deck.read(Deck.folder().resolve("evaluation/service-delivery.json"));
    Map<String, List<Row>> live = DeckFamilies.live(families.rows(deck));
    CoreTables core = families.tables(TestSpark.session(), deck);
    CaseloadSlots slots = CaseloadSlots.configured();
    List<Fact> plain = EvaluationDecks.facts(live, DeckFamilies.periods(live, deck.asOf()), slots);
    FamilyPass pass = FamilyPass.of(core, deck.asOf());
    Dataset<Row> facts = pass.serviceDeliveryFacts(slots).cache();
    SameRows.assertSameRows(summed(plain), summed(facts), "service delivery facts");

    Map<String, Figures> rolledUp = new TreeMap<>();
    ServiceDelivery.rollUp(facts, core.programs()).where(col("level").equalTo("PROGRAM")).collectAsList()
        .forEach(r -> rolledUp.put(r.getAs("entity_id") + " " + r.getAs("indicator") + " " + r.getAs("period_or_date"),
            new Figures(r.getAs("numerator"), r.getAs("denominator"), r.getAs("value"))));
    facts.unpersist();
    pass.release();
    Map<String, Figures> byProgram = EvaluationDecks.byProgram(plain);
    assertEquals(byProgram.keySet(), rolledUp.keySet(), "program rows");
    byProgram.forEach((key, want) -> {
      Figures have = rolledUp.get(key);
      assertClose(want.numerator(), have.numerator(), key + " numerator");
      assertClose(want.denominator(), have.denominator(), key + " denominator");
      assertClose(want.value(), have.value(), key + " value");
    });
  }

  /**
   * On the data quality deck the Spark pass gives exactly the plain checks' items (the
   * quarantined rows' program read from their JSON in Spark), and {@link DataQuality#group}
   * counts each row's items.
   */
  @Test
  void theSparkPassGivesThePlainItemsOnTheDataQualityDeck() {
    DeckFamilies families = DeckFamilies.standard();
    Deck deck = Deck.read(Deck.folder().resolve("evaluation/data-quality.json"));
    Map<String, List<Row>> live = DeckFamilies.live(families.rows(deck));
    CoreTables core = families.tables(TestSpark.session(), deck);
    List<Item> plain = new ArrayList<>(EvaluationDecks.familyItems(live, deck.asOf()));
    plain.addAll(EvaluationDecks.quarantinedItems(deck, live));
    Dataset<Row> quarantine = TestSpark.session().createDataFrame(EvaluationDecks.quarantine(deck),
        OpsTables.QUARANTINE);
    FamilyPass pass = FamilyPass.of(core, deck.asOf());
    Dataset<Row> items = pass.dataQualityItems(quarantine).cache();
    SameRows.assertSameRows(TestSpark.session().createDataFrame(plain.stream().map(FamilyPass::row).toList(),
        DataQuality.ITEMS), items, "data quality items");

    List<Row> grouped = DataQuality.group(items).collectAsList();
    items.unpersist();
    pass.release();
    grouped.forEach(r -> assertEquals(r.<Long>getAs("count"), (long) r.getList(r.fieldIndex("items")).size(),
        r.toString()));
    assertEquals(plain.size(), grouped.stream().mapToLong(r -> r.<Long>getAs("count")).sum(), "items grouped");
  }

  private static List<Row> plainUnits(Map<String, List<Row>> live, RunPeriods periods) {
    List<Row> units = new ArrayList<>();
    for (Family f : Families.inMemory(live)) {
      Measures.ALL.forEach(m -> m.units(f, periods).forEach(u -> units.add(FamilyPass.row(u))));
    }
    return units;
  }

  /** The plain facts as rows, each one by one. */
  private static Dataset<Row> summed(List<Fact> facts) {
    return summed(TestSpark.session().createDataFrame(facts.stream().map(FactSums::row).toList(),
        ServiceDelivery.FACTS));
  }

  /**
   * Facts summed per frame, program, indicator and median days: the pass's parts (summed per
   * partition) and the plain facts (one by one) compare so.
   */
  private static Dataset<Row> summed(Dataset<Row> facts) {
    return facts.groupBy("period_or_date", "frame", "frame_start", "frame_end", "program_id", "indicator", "kind",
        "days").agg(sum("num").as("num"), sum("den").as("den"));
  }

  private static void assertClose(Double want, Double have, String what) {
    if (want == null) {
      assertEquals(null, have, what);
    } else {
      assertEquals(want, have, 1e-9, what);
    }
  }
}
