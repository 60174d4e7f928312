package hv.marts;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.GeneratedWarehouse;
import hv.SameRows;
import hv.TestSpark;
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
import hv.measures.Measure;
import hv.measures.Measures;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The family pass (assembly + plain-Java measures in one flatMap) gives the units of the
 * DataFrame measures and rate card outcomes it replaces on the generated warehouse, unit for
 * unit and column for column (period, ids, program, denominator, numerator, missing, window,
 * evidence, note).
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
}
