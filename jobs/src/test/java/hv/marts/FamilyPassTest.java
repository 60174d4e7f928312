package hv.marts;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.GeneratedWarehouse;
import hv.SameRows;
import hv.TestSpark;
import hv.family.Families;
import hv.family.FamilyAssembler;
import hv.family.Family;
import hv.marts.decks.Deck;
import hv.marts.decks.DeckFamilies;
import hv.time.Periods;
import hv.time.RunPeriods;
import java.util.ArrayList;
import java.util.Map;
import hv.core.CoreTables;
import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.BenchmarkMeasures;
import hv.marts.common.Episodes;
import hv.marts.common.Units;
import hv.marts.evaluation.RiskFactors;
import hv.measures.EpisodeRiskFactors;
import hv.measures.Measure;
import hv.measures.Measures;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The family pass (assembly + plain-Java measures in one flatMap) gives the units of the
 * DataFrame measures it replaces on the generated warehouse, unit for unit and column for
 * column (period, ids, program, denominator, numerator, missing, window, evidence, note), and
 * every episode's strata and risk factors of the DataFrame path.
 */
class FamilyPassTest {

  /**
   * On one deck's families (PM12's: many children, screenings, deleted rows) every ported
   * measure's units from the Spark pass are exactly those of the plain rules: the plumbing.
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
      Measures.PORTED.forEach(m -> m.units(f, periods).forEach(u -> plain.add(FamilyPass.row(u))));
    }
    assertTrue(plain.size() > 0, "the deck gives units");
    SameRows.assertSameRows(TestSpark.session().createDataFrame(plain, Units.SCHEMA),
        FamilyPass.units(core, deck.asOf(), Measures.PORTED), "units of the ported measures");
  }

  @Test
  void everyEpisodesPlainRiskFactorsAreTheDataFrameOnes() {
    CoreTables core = CoreTables.fromWarehouse(GeneratedWarehouse.get());
    StructType schema = new StructType().add("enrollment_id", DataTypes.StringType);
    for (String name : EpisodeRiskFactors.NAMES) {
      schema = schema.add(name, DataTypes.StringType);
    }
    Dataset<Row> plain = FamilyAssembler.flatMap(core, family -> family.episodes().stream().map(e -> {
      List<Object> values = new ArrayList<>(List.of(e.enrollmentId()));
      values.addAll(EpisodeRiskFactors.of(e).values());
      return RowFactory.create(values.toArray());
    }).toList(), Encoders.row(schema)).cache();
    // the comparison's factors: the six strata dimensions, then pregnancy and housing
    SameRows.assertSameRows(RiskFactors.of(Episodes.of(core)), plain, "every episode's strata and risk factors");
    for (String name : EpisodeRiskFactors.NAMES) {
      long levels = plain.select(name).distinct().count();
      assertTrue(levels >= 2, name + " has " + levels + " level(s) in the generated warehouse");
    }
    plain.unpersist();
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
    Dataset<Row> familyUnits = FamilyPass.units(core, asOf, Measures.PORTED).cache();
    List<String> columns = List.of(Units.SCHEMA.fieldNames());
    String[] compared = columns.toArray(String[]::new);

    List<Row> onlyDataFrame = dataFrameUnits.selectExpr(compared).exceptAll(familyUnits.selectExpr(compared))
        .collectAsList();
    List<Row> onlyFamily = familyUnits.selectExpr(compared).exceptAll(dataFrameUnits.selectExpr(compared))
        .collectAsList();
    long count = familyUnits.count();
    long counted = familyUnits.where(col("numerator").gt(0)).count();
    familyUnits.unpersist();
    System.out.printf("family pass: %d units (%d with a numerator); only DataFrame: %d; only family: %d%n",
        count, counted, onlyDataFrame.size(), onlyFamily.size());
    onlyDataFrame.stream().limit(20).forEach(r -> System.out.println("  only DataFrame: " + r));
    onlyFamily.stream().limit(20).forEach(r -> System.out.println("  only family: " + r));

    assertTrue(count > 0 && counted > 0, "the generated warehouse gives units that count");
    assertEquals(List.of(), onlyFamily, "units only the family pass has");
    assertEquals(List.of(), onlyDataFrame, "units only the DataFrame path has");
  }
}
