package hv.marts.ratecard;

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
 * What the rate card outcomes read, derived once per run: the SFY periods, every episode
 * (any caregiver, primary or not: unlike the benchmarks) with its index child and delivery
 * ({@link Episodes}), the health events and the standing answers of live records.
 *
 * @param periods  {@code period, period_start, period_end} of the state fiscal year
 * @param episodes all live episodes
 * @param answers  standing answers ({@link FamilyRows#standingAnswers})
 */
public record RateCardInputs(Dataset<Row> periods, Dataset<Row> episodes, Dataset<Row> events,
                             Dataset<Row> answers) {

  public static RateCardInputs of(CoreTables core, LocalDate asOf) {
    return new RateCardInputs(
        Periods.of(FiscalYear.SFY, core.enrollments(), asOf),
        Episodes.of(core),
        core.healthEvents(),
        FamilyRows.standingAnswers(core.assessments()));
  }

  /** The same rows over other periods. */
  public RateCardInputs withPeriods(Dataset<Row> otherPeriods) {
    return new RateCardInputs(otherPeriods, episodes, events, answers);
  }

  /**
   * Materializes the derived pieces every outcome reads, lineage cut (events are a core table,
   * already materialized; the periods are held in the driver).
   */
  public RateCardInputs cached() {
    return new RateCardInputs(periods, Lineage.cut(episodes), events, Lineage.cut(answers));
  }
}
