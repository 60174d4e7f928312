package hv.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

import hv.core.CoreTables;
import hv.family.CoreRows;
import hv.family.FamilyAssembler;
import hv.marts.benchmarks.BenchmarkMart;
import hv.marts.common.Episodes;
import hv.marts.common.Strata;
import hv.marts.common.Units;
import hv.marts.ratecard.RateCardMart;
import hv.marts.ratecard.RateCardPrices;
import hv.indicators.CaseloadSlots;
import hv.indicators.CaseloadUtilization;
import hv.indicators.Fact;
import hv.indicators.Indicators;
import hv.marts.evaluation.DataQuality;
import hv.marts.evaluation.ServiceDelivery;
import hv.measures.Measure;
import hv.measures.Measures;
import hv.measures.Unit;
import hv.quality.Checks;
import hv.quality.Item;
import hv.quality.Quarantined;
import hv.quality.QuarantinedRow;
import hv.time.Periods;
import hv.time.RunPeriods;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The one pass of a night: the families assembled once ({@link FamilyAssembler}) and every
 * plain-Java rule evaluated on each in one {@code flatMap}; its units, persisted once, are
 * what every mart aggregates. The rules over single rows (staff, intake referrals, quarantined
 * rows) run as a {@code flatMap} over their table.
 *
 * @param units    every unit of every measure and outcome ({@link Units#SCHEMA}), persisted
 * @param periods  the run's periods
 * @param programs the live programs
 * @param strata   {@link Strata} of every episode
 */
public record FamilyPass(Dataset<Row> units, RunPeriods periods, Dataset<Row> programs, Dataset<Row> strata) {

  /** The pass over the core tables for an as-of date (computed when first read, then kept). */
  public static FamilyPass of(CoreTables core, LocalDate asOf) {
    RunPeriods periods = RunPeriods.of(Periods.earliestEnrollment(core.enrollments()), asOf);
    return new FamilyPass(units(core, periods, Measures.ALL).persist(StorageLevel.MEMORY_AND_DISK()), periods,
        core.programs(), Strata.of(Episodes.of(core)));
  }

  public BenchmarkMart.Result benchmarks() {
    return BenchmarkMart.of(unitsOf(Measures.PORTED), Periods.of(units.sparkSession(), periods.federal()), programs,
        strata);
  }

  public RateCardMart.Result rateCard(RateCardPrices prices) {
    return RateCardMart.of(unitsOf(Measures.RATE_CARD), Periods.of(units.sparkSession(), periods.state()), programs,
        strata, prices);
  }

  /** Frees the persisted units. */
  public void release() {
    units.unpersist();
  }

  private Dataset<Row> unitsOf(List<Measure> measures) {
    return units.where(col("measure_code").isin(measures.stream().map(Measure::code).toArray()));
  }

  /** Every unit the measures give on every family of the core tables, in one flatMap. */
  public static Dataset<Row> units(CoreTables core, RunPeriods periods, List<Measure> measures) {
    return FamilyAssembler.flatMap(core, family -> {
      List<Row> rows = new ArrayList<>();
      for (Measure m : measures) {
        m.units(family, periods).forEach(u -> rows.add(row(u)));
      }
      return rows;
    }, Encoders.row(Units.SCHEMA));
  }

  /**
   * The facts of every service delivery indicator ({@link Indicators}): the families', each
   * intake referral's, and each home visitor's caseload slots (staff rows with their program's
   * model: a join of two small tables).
   */
  public static Dataset<Row> serviceDeliveryFacts(CoreTables core, LocalDate asOf, CaseloadSlots slots) {
    RunPeriods periods = RunPeriods.of(Periods.earliestEnrollment(core.enrollments()), asOf);
    Dataset<Row> ofFamilies = FamilyAssembler.flatMap(core,
        family -> Indicators.of(family, periods).stream().map(FamilyPass::row).toList(),
        Encoders.row(ServiceDelivery.FACTS));
    Dataset<Row> ofIntake = core.intakeReferrals().flatMap((FlatMapFunction<Row, Row>) r ->
            Indicators.of(CoreRows.intakeReferral(r), periods).stream().map(FamilyPass::row).iterator(),
        Encoders.row(ServiceDelivery.FACTS));
    Dataset<Row> ofStaff = core.staff().join(core.programs().select("program_id", "model"), "program_id")
        .flatMap((FlatMapFunction<Row, Row>) r -> CaseloadUtilization.slots(CoreRows.staff(r), r.getAs("model"), slots,
                periods).stream().map(FamilyPass::row).iterator(),
            Encoders.row(ServiceDelivery.FACTS));
    return ofFamilies.unionByName(ofIntake).unionByName(ofStaff);
  }

  /**
   * The items of every data quality check ({@link Checks}): the families', and each
   * ops.quarantine row's with the program of the episode it names (a left join of the few
   * quarantined rows with the enrollments' two columns; the family pass does not hold them).
   */
  public static Dataset<Row> dataQualityItems(CoreTables core, Dataset<Row> quarantine, LocalDate asOf) {
    Dataset<Row> ofFamilies = FamilyAssembler.flatMap(core,
        family -> Checks.of(family, asOf).stream().map(FamilyPass::row).toList(),
        Encoders.row(DataQuality.ITEMS));
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

  /** A fact as a row of {@link ServiceDelivery#FACTS}. */
  static Row row(Fact f) {
    return RowFactory.create(f.periodOrDate(), f.frame(), date(f.frameStart()), date(f.frameEnd()), f.programId(),
        f.indicator(), f.kind().name(), f.num(), f.den(), f.days());
  }

  /** An item as a row of {@link DataQuality#ITEMS}. */
  static Row row(Item i) {
    return RowFactory.create(i.programId(), i.check(), i.reason(), i.id(), date(i.date()));
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
