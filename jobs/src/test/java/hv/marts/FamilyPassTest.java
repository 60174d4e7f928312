package hv.marts;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hv.GeneratedWarehouse;
import hv.SameRows;
import hv.TestSpark;
import hv.core.CoreTables;
import hv.family.Families;
import hv.family.Family;
import hv.marts.decks.Deck;
import hv.marts.decks.DeckFamilies;
import hv.time.Periods;
import hv.time.RunPeriods;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import hv.core.CoreTables;
import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.BenchmarkMeasures;
import hv.marts.common.Units;
import hv.marts.ratecard.Outcome;
import hv.marts.ratecard.RateCardInputs;
import hv.marts.ratecard.RateCardOutcomes;
import hv.indicators.CaseloadSlots;
import hv.indicators.Fact;
import hv.marts.decks.EvaluationDecks;
import hv.marts.decks.EvaluationDecks.Figures;
import hv.marts.evaluation.DataQuality;
import hv.marts.evaluation.ServiceDelivery;
import hv.measures.Measure;
import hv.measures.Measures;
import hv.ops.OpsTables;
import hv.quality.Item;
import hv.spark.Warehouse;
import hv.time.Periods;
import hv.time.RunPeriods;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * The family pass (assembly + plain-Java rules in one flatMap) gives the units of the
 * DataFrame measures and outcomes it replaces on the generated warehouse, unit for unit and column for
 * column (period, ids, program, denominator, numerator, missing, window, evidence, note), and
 * the same {@code marts.service_delivery} and {@code marts.data_quality} rows as their
 * DataFrame facts and items.
 */
class FamilyPassTest {

  /**
   * On one deck's families (PM12's: many children, screenings, deleted rows) every ported
   * measure's and outcome's units from the Spark pass are exactly those of the plain rules:
   * the plumbing.
   */
  @Test
  void theSparkPassGivesThePlainRulesUnitsOnADeck() {
    DeckFamilies families = DeckFamilies.standard();
    Deck deck = Deck.read(Deck.folder().resolve("PM12.json"));
    Map<String, List<Row>> live = DeckFamilies.live(families.rows(deck));
    CoreTables core = families.tables(TestSpark.session(), deck);
    RunPeriods periods = RunPeriods.of(Periods.earliestEnrollment(core.enrollments()), deck.asOf());
    List<Row> plain = new ArrayList<>();
    for (Family f : Families.inMemory(live)) {
      Measures.ALL.forEach(m -> m.units(f, periods).forEach(u -> plain.add(FamilyPass.row(u))));
    }
    assertTrue(plain.size() > 0, "the deck gives units");
    SameRows.assertSameRows(TestSpark.session().createDataFrame(plain, Units.SCHEMA),
        FamilyPass.units(core, periods, Measures.ALL), "units of the ported measures and outcomes");
  }

  @Test
  void theFamilyPassGivesTheDataFrameMeasuresUnitsUnitForUnit() {
    CoreTables core = CoreTables.fromWarehouse(GeneratedWarehouse.get());
    LocalDate asOf = GeneratedWarehouse.AS_OF;
    BenchmarkInputs in = BenchmarkInputs.of(core, asOf).cached();
    Dataset<Row> dataFrameUnits = null;
    for (Measure m : Measures.PORTED) {
      Dataset<Row> units = BenchmarkMeasures.byCode(m.code()).orElseThrow().units(in);
      dataFrameUnits = dataFrameUnits == null ? units : dataFrameUnits.unionByName(units);
    }
    // the units RateCardMart writes to marts.ratecard_units (there as eligible/achieved, with the contract)
    RateCardInputs rateCard = RateCardInputs.of(core, asOf).cached();
    for (Outcome o : RateCardOutcomes.ALL) {
      dataFrameUnits = dataFrameUnits.unionByName(o.units(rateCard));
    }
    Dataset<Row> familyUnits = FamilyPass.units(core,
        RunPeriods.of(Periods.earliestEnrollment(core.enrollments()), asOf), Measures.ALL).cache();
    List<String> columns = List.of(Units.SCHEMA.fieldNames());
    String[] compared = columns.toArray(String[]::new);

    List<Row> onlyDataFrame = dataFrameUnits.selectExpr(compared).exceptAll(familyUnits.selectExpr(compared))
        .collectAsList();
    List<Row> onlyFamily = familyUnits.selectExpr(compared).exceptAll(dataFrameUnits.selectExpr(compared))
        .collectAsList();
    long count = familyUnits.count();
    long counted = familyUnits.where(col("numerator").gt(0)).count();
    Map<String, Long> achievedByOutcome = new TreeMap<>();
    familyUnits.where(col("measure_code").startsWith("RC").and(col("numerator").gt(0)))
        .groupBy("measure_code").count().collectAsList()
        .forEach(r -> achievedByOutcome.put(r.getString(0), r.getLong(1)));
    familyUnits.unpersist();
    System.out.printf("family pass: %d units (%d with a numerator; achieved outcomes %s); only DataFrame: %d;"
        + " only family: %d%n", count, counted, achievedByOutcome, onlyDataFrame.size(), onlyFamily.size());
    onlyDataFrame.stream().limit(20).forEach(r -> System.out.println("  only DataFrame: " + r));
    onlyFamily.stream().limit(20).forEach(r -> System.out.println("  only family: " + r));

    assertTrue(count > 0 && counted > 0, "the generated warehouse gives units that count");
    assertEquals(hv.measures.MeasureFacts.codes(hv.measures.MeasureFacts.MeasureSet.RATE_CARD), List.copyOf(achievedByOutcome.keySet()),
        "every outcome is achieved somewhere");
    assertEquals(List.of(), onlyFamily, "units only the family pass has");
    assertEquals(List.of(), onlyDataFrame, "units only the DataFrame path has");
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
    Dataset<Row> facts = FamilyPass.serviceDeliveryFacts(core, deck.asOf(), slots).cache();
    SameRows.assertSameRows(TestSpark.session().createDataFrame(plain.stream().map(FamilyPass::row).toList(),
        ServiceDelivery.FACTS), facts, "service delivery facts");

    Map<String, Figures> rolledUp = new TreeMap<>();
    ServiceDelivery.rollUp(facts, core.programs()).where(col("level").equalTo("PROGRAM")).collectAsList()
        .forEach(r -> rolledUp.put(r.getAs("entity_id") + " " + r.getAs("indicator") + " " + r.getAs("period_or_date"),
            new Figures(r.getAs("numerator"), r.getAs("denominator"), r.getAs("value"))));
    facts.unpersist();
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
    Dataset<Row> items = FamilyPass.dataQualityItems(core, quarantine, deck.asOf()).cache();
    SameRows.assertSameRows(TestSpark.session().createDataFrame(plain.stream().map(FamilyPass::row).toList(),
        DataQuality.ITEMS), items, "data quality items");

    List<Row> grouped = DataQuality.group(items).collectAsList();
    items.unpersist();
    grouped.forEach(r -> assertEquals(r.<Long>getAs("count"), (long) r.getList(r.fieldIndex("items")).size(),
        r.toString()));
    assertEquals(plain.size(), grouped.stream().mapToLong(r -> r.<Long>getAs("count")).sum(), "items grouped");
  }

  /**
   * On the generated warehouse, {@code marts.service_delivery} and {@code marts.data_quality}
   * are row for row the same from the plain rules' facts and items as from the DataFrame code's.
   * The warehouse has no quarantined row (its inbox has no faults), so ops.quarantine rows are
   * made of some of its own rows: refused visits naming a live episode or an unknown one,
   * enrollments with their own program, caregivers with none, some extracts after the as-of.
   */
  @Test
  void serviceDeliveryAndDataQualityFromThePlainRulesAreTheDataFrameCodes() {
    Warehouse warehouse = GeneratedWarehouse.get();
    CoreTables core = CoreTables.fromWarehouse(warehouse);
    LocalDate asOf = GeneratedWarehouse.AS_OF;
    CaseloadSlots slots = CaseloadSlots.configured();

    Dataset<Row> dataFrameDelivery = new ServiceDelivery(slots).build(core, asOf).cache();
    Dataset<Row> plainDelivery = ServiceDelivery.rollUp(FamilyPass.serviceDeliveryFacts(core, asOf, slots),
        core.programs()).cache();
    Map<String, Long> rowsPerIndicator = new TreeMap<>();
    plainDelivery.groupBy("indicator").count().collectAsList()
        .forEach(r -> rowsPerIndicator.put(r.getString(0), r.getLong(1)));
    System.out.println("service delivery rows per indicator: " + rowsPerIndicator);
    assertSameRowsShown(dataFrameDelivery, plainDelivery, "service_delivery");
    dataFrameDelivery.unpersist();
    plainDelivery.unpersist();
    assertEquals(11, rowsPerIndicator.size(), "every indicator has rows: " + rowsPerIndicator.keySet());

    Dataset<Row> quarantine = quarantineMadeOf(core, asOf);
    if (warehouse.exists("ops", "quarantine")) {
      quarantine = quarantine.unionByName(warehouse.read("ops", "quarantine"));
    }
    Dataset<Row> dataFrameQuality = DataQuality.build(core, quarantine, asOf).cache();
    Dataset<Row> plainQuality = DataQuality.group(FamilyPass.dataQualityItems(core, quarantine, asOf)).cache();
    Map<String, Long> itemsPerCheck = new TreeMap<>();
    plainQuality.groupBy("check").sum("count").collectAsList()
        .forEach(r -> itemsPerCheck.put(r.getString(0), r.getLong(1)));
    System.out.println("data quality items per check: " + itemsPerCheck);
    assertSameRowsShown(dataFrameQuality, plainQuality, "data_quality");
    dataFrameQuality.unpersist();
    plainQuality.unpersist();
    assertTrue(itemsPerCheck.keySet().containsAll(List.of("QUARANTINED", "LATE_DATA_ENTRY", "DISENGAGEMENT_OVERDUE")),
        "the checks list items: " + itemsPerCheck);
  }

  /** Every 40th visit, every 50th enrollment and every 50th caregiver refused; every other extract after the as-of. */
  private static Dataset<Row> quarantineMadeOf(CoreTables core, LocalDate asOf) {
    ObjectMapper json = new ObjectMapper();
    List<Row> rows = new ArrayList<>();
    List<Row> visits = core.homeVisits().select("visit_id", "enrollment_id").orderBy("visit_id").collectAsList();
    for (int i = 0; i < visits.size(); i += 40) {
      ObjectNode row = json.createObjectNode().put("visit_id", visits.get(i).getString(0))
          .put("enrollment_id", i % 120 == 0 ? "E-UNKNOWN" : visits.get(i).getString(1));
      rows.add(quarantined(asOf, rows.size(), "home_visits", visits.get(i).getString(0), "ORPHAN", row));
    }
    List<Row> enrollments = core.enrollments().select("enrollment_id", "program_id").orderBy("enrollment_id")
        .collectAsList();
    for (int i = 0; i < enrollments.size(); i += 50) {
      ObjectNode row = json.createObjectNode().put("enrollment_id", enrollments.get(i).getString(0))
          .put("program_id", enrollments.get(i).getString(1));
      rows.add(quarantined(asOf, rows.size(), "enrollments", enrollments.get(i).getString(0), "BAD_DATE", row));
    }
    List<Row> caregivers = core.caregivers().select("caregiver_id").orderBy("caregiver_id").collectAsList();
    for (int i = 0; i < caregivers.size(); i += 50) {
      ObjectNode row = json.createObjectNode().put("caregiver_id", caregivers.get(i).getString(0));
      rows.add(quarantined(asOf, rows.size(), "caregivers", caregivers.get(i).getString(0), "IDENTIFIER_VALUE", row));
    }
    return TestSpark.session().createDataFrame(rows, OpsTables.QUARANTINE);
  }

  private static Row quarantined(LocalDate asOf, int line, String file, String key, String reason, ObjectNode row) {
    LocalDate extract = line % 2 == 0 ? asOf : asOf.plusDays(1);
    return RowFactory.create("test", Date.valueOf(extract), file, (long) line + 2, key, reason, null, row.toString());
  }

  /** The same rows, or a failure that shows the first rows of each side only. */
  private static void assertSameRowsShown(Dataset<Row> dataFrameRows, Dataset<Row> plainRows, String table) {
    List<Row> onlyDataFrame = dataFrameRows.exceptAll(plainRows.selectExpr(dataFrameRows.columns())).collectAsList();
    List<Row> onlyPlain = plainRows.selectExpr(dataFrameRows.columns()).exceptAll(dataFrameRows).collectAsList();
    System.out.printf("%s: %d rows; only DataFrame: %d; only plain: %d%n", table, plainRows.count(),
        onlyDataFrame.size(), onlyPlain.size());
    onlyDataFrame.stream().limit(20).forEach(r -> System.out.println("  only DataFrame: " + r));
    onlyPlain.stream().limit(20).forEach(r -> System.out.println("  only plain: " + r));
    assertTrue(plainRows.count() > 0, table + " has rows");
    assertEquals(List.of(), onlyDataFrame, table + " rows only the DataFrame code gives");
    assertEquals(List.of(), onlyPlain, table + " rows only the plain rules give");
  }

  private static void assertClose(Double want, Double have, String what) {
    if (want == null) {
      assertEquals(null, have, what);
    } else {
      assertEquals(want, have, 1e-9, what);
    }
  }
}
