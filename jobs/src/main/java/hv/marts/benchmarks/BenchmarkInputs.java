package hv.marts.benchmarks;

import static org.apache.spark.sql.functions.col;

import hv.core.CoreTables;
import hv.marts.common.Episodes;
import hv.marts.common.FamilyRows;
import hv.spark.Lineage;
import hv.time.FiscalYear;
import hv.time.Periods;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the benchmark measures read, derived once per run: the FFY periods, the PC episodes
 * (with index child and delivery, see {@link Episodes}), and the rows that can count
 * (valid screenings, referrals, events, standing answers, visits) of live records.
 *
 * @param periods    {@code period, period_start, period_end}
 * @param episodes   PC episodes only: the federal measures count nothing else
 * @param screenings valid screenings, every domain
 * @param answers    standing answers
 */
public record BenchmarkInputs(Dataset<Row> periods, Dataset<Row> episodes, Dataset<Row> screenings,
                              Dataset<Row> referrals, Dataset<Row> events, Dataset<Row> answers,
                              Dataset<Row> visits) {

  public static BenchmarkInputs of(CoreTables core, LocalDate asOf) {
    return new BenchmarkInputs(
        Periods.of(FiscalYear.FFY, core.enrollments(), asOf),
        Episodes.of(core).where(col("is_primary_caregiver")),
        FamilyRows.validScreenings(core.screenings()),
        core.serviceReferrals(),
        core.healthEvents(),
        FamilyRows.standingAnswers(core.assessments()),
        core.homeVisits());
  }

  /** PC episodes that have an index child: the IC units. */
  public Dataset<Row> indexChildren() {
    return episodes.where(col("child_id").isNotNull());
  }

  /** The same rows over other periods. */
  public BenchmarkInputs withPeriods(Dataset<Row> otherPeriods) {
    return new BenchmarkInputs(otherPeriods, episodes, screenings, referrals, events, answers, visits);
  }

  /**
   * Materializes the pieces every measure reads, with their lineage cut: the measures' plans
   * then start from these rows instead of carrying the derivations (planning cost). The periods
   * are already held in the driver.
   */
  public BenchmarkInputs cached() {
    return new BenchmarkInputs(periods, Lineage.cut(episodes), Lineage.cut(screenings),
        Lineage.cut(referrals), Lineage.cut(events), Lineage.cut(answers), Lineage.cut(visits));
  }
}
