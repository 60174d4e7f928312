package hv.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

import hv.core.CoreTables;
import hv.family.CoreRows;
import hv.family.Family;
import hv.family.FamilyAssembler;
import hv.marts.benchmarks.BenchmarkMart;
import hv.marts.common.StratumCounts;
import hv.marts.common.Units;
import hv.marts.ratecard.RateCardMart;
import hv.marts.ratecard.RateCardPrices;
import hv.indicators.CaseloadSlots;
import hv.indicators.CaseloadUtilization;
import hv.indicators.Fact;
import hv.indicators.Indicators;
import hv.marts.evaluation.ComparisonCells;
import hv.marts.evaluation.DataQuality;
import hv.marts.evaluation.FactSums;
import hv.marts.evaluation.ServiceDelivery;
import hv.measures.EpisodeRiskFactors;
import hv.measures.Measure;
import hv.measures.Measures;
import hv.measures.Unit;
import hv.quality.Checks;
import hv.quality.Item;
import hv.quality.Quarantined;
import hv.quality.QuarantinedRow;
import hv.time.Periods;
import hv.time.RunPeriods;
import java.io.Serializable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The one pass of a night: the families assembled once ({@link FamilyAssembler}) and every
 * plain-Java rule evaluated on each, in one pass over each partition's families that emits
 * every mart's rows: per family, each unit of a measure or outcome and each data quality item;
 * at the partition's end, what only rolls up, summed: the units counted per program and stratum
 * ({@link StratumCounts}) and per program and risk factors ({@link ComparisonCells}), and the
 * service delivery facts ({@link FactSums}). The rows are persisted once; each mart aggregates
 * its own. The rules over single rows that belong to no family (staff, intake referrals without
 * an episode, quarantined rows) run over their table.
 *
 * @param rows    the family rows, one of {@link #ROW}'s columns set in each; persisted
 * @param periods the run's periods
 * @param core    the live core tables the pass read
 */
public record FamilyPass(Dataset<Row> rows, RunPeriods periods, CoreTables core) {

  /**
   * A row of the pass: a unit, a partition's counts of units per stratum ({@link StratumCounts})
   * or per risk factors ({@link ComparisonCells}), a fact (or a partition's sum of facts) or an
   * item.
   */
  static final StructType ROW = new StructType()
      .add("unit", Units.SCHEMA).add("counts", StratumCounts.SCHEMA).add("cells", ComparisonCells.SCHEMA)
      .add("fact", ServiceDelivery.FACTS).add("item", DataQuality.ITEMS);

  /** The pass over the core tables for an as-of date (computed when first read, then kept). */
  public static FamilyPass of(CoreTables core, LocalDate asOf) {
    RunPeriods periods = RunPeriods.of(Periods.earliestEnrollment(core.enrollments()), asOf);
    Dataset<Row> rows = FamilyAssembler.mapPartitions(core, () -> new FamilyAssembler.PartitionPass<Row>() {
      private final StratumCounts counts = new StratumCounts();
      private final ComparisonCells cells = new ComparisonCells();
      private final FactSums facts = new FactSums();

      @Override
      public List<Row> apply(Family family) {
        List<Row> emitted = new ArrayList<>();
        Map<String, EpisodeRiskFactors> factors = new HashMap<>();
        family.episodes().forEach(e -> factors.put(e.enrollmentId(), EpisodeRiskFactors.of(e)));
        for (Measure m : Measures.ALL) {
          for (Unit u : m.units(family, periods)) {
            emitted.add(RowFactory.create(row(u), null, null, null, null));
            EpisodeRiskFactors f = factors.get(u.enrollmentId());
            counts.add(u, f == null ? null : f.strata());
            cells.add(u, f);
          }
        }
        Indicators.of(family, periods).forEach(facts::add);
        Checks.of(family, asOf).forEach(i -> emitted.add(RowFactory.create(null, null, null, null, row(i))));
        return emitted;
      }

      @Override
      public List<Row> finish() {
        List<Row> emitted = new ArrayList<>();
        counts.rows().forEach(c -> emitted.add(RowFactory.create(null, c, null, null, null)));
        cells.rows().forEach(c -> emitted.add(RowFactory.create(null, null, c, null, null)));
        facts.rows().forEach(f -> emitted.add(RowFactory.create(null, null, null, f, null)));
        return emitted;
      }
    }, Encoders.row(ROW));
    return new FamilyPass(rows.persist(StorageLevel.MEMORY_AND_DISK()), periods, core);
  }

  /** Every unit of every measure and outcome ({@link Units#SCHEMA}). */
  public Dataset<Row> units() {
    return rows.where(col("unit").isNotNull()).select("unit.*");
  }

  /** Every partition's counts of the units of every measure and outcome per stratum ({@link StratumCounts#SCHEMA}). */
  public Dataset<Row> counts() {
    return rows.where(col("counts").isNotNull()).select("counts.*");
  }

  /** Every partition's counts of the compared units per program and risk factors ({@link ComparisonCells#SCHEMA}). */
  public Dataset<Row> comparisonCells() {
    return rows.where(col("cells").isNotNull()).select("cells.*");
  }

  public BenchmarkMart.Result benchmarks() {
    return BenchmarkMart.of(unitsOf(Measures.BENCHMARKS), countsOf(Measures.BENCHMARKS),
        Periods.of(rows.sparkSession(), periods.federal()), core.programs());
  }

  public RateCardMart.Result rateCard(RateCardPrices prices) {
    return RateCardMart.of(unitsOf(Measures.RATE_CARD), countsOf(Measures.RATE_CARD),
        Periods.of(rows.sparkSession(), periods.state()), core.programs(), prices);
  }

  /** {@code marts.service_delivery}: every indicator's facts rolled up. */
  public Dataset<Row> serviceDelivery(CaseloadSlots slots) {
    return ServiceDelivery.rollUp(serviceDeliveryFacts(slots), core.programs());
  }

  /** {@code marts.data_quality}: every check's items grouped. */
  public Dataset<Row> dataQuality(Dataset<Row> quarantine) {
    return DataQuality.group(dataQualityItems(quarantine));
  }

  /** Frees the persisted rows. */
  public void release() {
    rows.unpersist();
  }

  private Dataset<Row> unitsOf(List<Measure> measures) {
    return units().where(col("measure_code").isin(measures.stream().map(Measure::code).toArray()));
  }

  private Dataset<Row> countsOf(List<Measure> measures) {
    return counts().where(col("measure_code").isin(measures.stream().map(Measure::code).toArray()));
  }

  /**
   * The facts of every service delivery indicator ({@link Indicators}), summed per partition
   * ({@link FactSums}): the families', each intake referral's, and each home visitor's caseload
   * slots (staff rows with their program's model: a join of two small tables).
   */
  Dataset<Row> serviceDeliveryFacts(CaseloadSlots slots) {
    RunPeriods periods = this.periods;
    Dataset<Row> ofFamilies = rows.where(col("fact").isNotNull()).select("fact.*");
    Dataset<Row> ofIntake = summed(core.intakeReferrals(),
        r -> Indicators.of(CoreRows.intakeReferral(r), periods));
    Dataset<Row> ofStaff = summed(core.staff().join(core.programs().select("program_id", "model"), "program_id"),
        r -> CaseloadUtilization.slots(CoreRows.staff(r), r.getAs("model"), slots, periods));
    return ofFamilies.unionByName(ofIntake).unionByName(ofStaff);
  }

  /** The facts of single rows, summed per partition. */
  private static Dataset<Row> summed(Dataset<Row> rows, FactsOfRow factsOfRow) {
    return rows.mapPartitions((MapPartitionsFunction<Row, Row>) part -> {
      FactSums sums = new FactSums();
      part.forEachRemaining(r -> factsOfRow.apply(r).forEach(sums::add));
      return sums.rows().iterator();
    }, Encoders.row(ServiceDelivery.FACTS));
  }

  /** The facts a single row gives. */
  private interface FactsOfRow extends Serializable {
    List<Fact> apply(Row row);
  }

  /**
   * The items of every data quality check ({@link Checks}): the families', and each
   * ops.quarantine row's with the program of the episode it names (a left join of the few
   * quarantined rows with the enrollments' two columns; the family pass does not hold them).
   */
  Dataset<Row> dataQualityItems(Dataset<Row> quarantine) {
    LocalDate asOf = periods.asOf();
    Dataset<Row> ofFamilies = rows.where(col("item").isNotNull()).select("item.*");
    Column fields = from_json(col("row_json"), DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    Dataset<Row> programOfEpisode = core.enrollments()
        .select(col("enrollment_id").as("_enrollment_id"), col("program_id").as("_episode_program"));
    Dataset<Row> ofQuarantine = quarantine
        .withColumn("_own_program", fields.getItem("program_id"))
        .withColumn("_enrollment_id", fields.getItem("enrollment_id"))
        .join(programOfEpisode, "_enrollment_id", "left")
        .flatMap((FlatMapFunction<Row, Row>) r -> Quarantined.item(quarantined(r), r.getAs("_episode_program"), asOf)
            .map(FamilyPass::row).stream().iterator(), Encoders.row(DataQuality.ITEMS));
    return ofFamilies.unionByName(ofQuarantine);
  }

  /** An ops.quarantine row with the refused row's program_id and enrollment_id read from its JSON. */
  private static QuarantinedRow quarantined(Row r) {
    return new QuarantinedRow(r.<Date>getAs("extract_date").toLocalDate(), r.getAs("file"), r.getAs("line"),
        r.getAs("record_key"), r.getAs("reason"), r.getAs("_own_program"), r.getAs("_enrollment_id"));
  }

  /** A unit as a row of {@link Units#SCHEMA}. */
  static Row row(Unit u) {
    return RowFactory.create(u.period(), u.measureCode(), u.unitType().name(), u.enrollmentId(), u.childId(),
        u.visitId(), u.programId(), u.inDenominator(), u.numerator(), u.missing(), date(u.windowStart()),
        date(u.windowEnd()), date(u.evidenceDate()), u.evidenceId(), u.note());
  }

  /** An item as a row of {@link DataQuality#ITEMS}. */
  static Row row(Item i) {
    return RowFactory.create(i.programId(), i.check(), i.reason(), i.id(), date(i.date()));
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
