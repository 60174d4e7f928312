package hv.marts;

import static org.apache.spark.sql.functions.col;

import hv.core.CoreTables;
import hv.family.FamilyAssembler;
import hv.marts.benchmarks.BenchmarkMart;
import hv.marts.common.Episodes;
import hv.marts.common.Strata;
import hv.marts.common.Units;
import hv.marts.ratecard.RateCardMart;
import hv.marts.ratecard.RateCardPrices;
import hv.measures.Measure;
import hv.measures.Measures;
import hv.measures.Unit;
import hv.time.Periods;
import hv.time.RunPeriods;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;

/**
 * The one pass of a night: the families assembled once ({@link FamilyAssembler}) and every
 * plain-Java rule evaluated on each in one {@code flatMap}; its units, persisted once, are
 * what every mart aggregates.
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

  /** A unit as a row of {@link Units#SCHEMA}. */
  static Row row(Unit u) {
    return RowFactory.create(u.period(), u.measureCode(), u.unitType().name(), u.enrollmentId(), u.childId(),
        u.visitId(), u.programId(), u.inDenominator(), u.numerator(), u.missing(), date(u.windowStart()),
        date(u.windowEnd()), date(u.evidenceDate()), u.evidenceId(), u.note());
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
