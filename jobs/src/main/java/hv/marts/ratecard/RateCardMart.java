package hv.marts.ratecard;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import hv.core.CoreTables;
import hv.marts.common.Rollup;
import hv.marts.common.Strata;
import hv.marts.incremental.PeriodRefresh;
import hv.marts.incremental.PeriodTable;
import hv.measures.MeasureFacts;
import hv.measures.MeasureFacts.MeasureSet;
import hv.time.Periods;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Outcomes Rate Card marts: {@code marts.ratecard_units} (every episode considered for
 * every outcome and SFY period: eligible, achieved, and the rows and dates that decided),
 * {@code marts.ratecard_results} (their roll-up by the shared {@link Rollup}) and
 * {@code marts.ratecard_payments}. Lazy DataFrames; the caller writes them.
 */
public final class RateCardMart {

  /**
   * The night's rows of the three tables; {@link #units()} and {@link #results()} are the whole
   * tables after the write (payments are always recomputed whole, from every period's results).
   */
  public record Result(PeriodTable unitTable, PeriodTable resultTable, Dataset<Row> payments, String plan) {
    public Dataset<Row> units() {
      return unitTable.all();
    }

    public Dataset<Row> results() {
      return resultTable.all();
    }
  }

  private RateCardMart() {}

  /** Every period for every episode. */
  public static Result build(CoreTables core, LocalDate asOf, RateCardPrices prices) {
    return build(core, asOf, prices, PeriodRefresh.full("asked for"));
  }

  public static Result build(CoreTables core, LocalDate asOf, RateCardPrices prices, PeriodRefresh refresh) {
    RateCardInputs in = RateCardInputs.of(core, asOf).cached();
    PeriodRefresh.Plan plan = refresh.plan(in.periods());
    RateCardInputs tonight = in.withPeriods(plan.periods(in.periods()));
    Dataset<Row> programs = core.programs();
    Dataset<Row> computed = RateCardOutcomes.ALL.stream()
        .map(o -> o.units(tonight))
        .reduce(Dataset::unionByName)
        .orElseThrow()
        .join(broadcast(programs.select("program_id", "contract_number")), "program_id")
        .select(col(Periods.PERIOD), col("measure_code").as("outcome_code"), col("enrollment_id"), col("child_id"),
            col("program_id"), col("contract_number"), col("in_denominator").as("eligible"),
            col("numerator").equalTo(1L).as("achieved"), col("window_start"), col("window_end"),
            col("evidence_date"), col("evidence_id"), col("note"))
        .cache();
    PeriodTable units = plan.units(computed);
    Rollup rollup = new Rollup(Rollup.Labels.RATECARD, MeasureFacts.codes(MeasureSet.RATE_CARD),
        MeasureFacts.countCodes());
    Dataset<Row> counted = units.written().select(col(Periods.PERIOD), col("program_id"), col("enrollment_id"),
        col("outcome_code"), col("eligible").as("in_denominator"), col("achieved").cast("long").as("numerator"),
        lit(false).as("missing"));
    // the rate card has no "missing" rule: the roll-up's missing column is always 0 and not published
    Dataset<Row> rolledUp = rollup.results(counted, plan.rolledUp(in.periods(), units), programs,
            Strata.of(in.episodes()))
        .drop("missing")
        .cache();
    PeriodTable results = plan.results(units, rolledUp);
    Dataset<Row> payments = RateCardPayments.of(RateCardPayments.earnings(results.all(), prices), programs);
    return new Result(units, results, payments, plan.describe(units));
  }
}
