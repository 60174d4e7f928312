package hv.marts.ratecard;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import hv.core.CoreTables;
import hv.marts.common.Rollup;
import hv.marts.common.Strata;
import hv.time.Periods;
import java.time.LocalDate;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Outcomes Rate Card marts: {@code marts.ratecard_units} (every episode considered for
 * every outcome and SFY period: eligible, achieved, and the rows and dates that decided),
 * {@code marts.ratecard_results} (their roll-up by the shared {@link Rollup}) and
 * {@code marts.ratecard_payments}. Lazy DataFrames; the caller writes them.
 */
public final class RateCardMart {

  public record Result(Dataset<Row> units, Dataset<Row> results, Dataset<Row> payments) {}

  private RateCardMart() {}

  /** Every period for every episode. */
  public static Result build(CoreTables core, LocalDate asOf, RateCardPrices prices) {
    RateCardInputs in = RateCardInputs.of(core, asOf).cached();
    Dataset<Row> programs = core.programs();
    Dataset<Row> units = RateCardOutcomes.ALL.stream()
        .map(o -> o.units(in))
        .reduce(Dataset::unionByName)
        .orElseThrow()
        .join(broadcast(programs.select("program_id", "contract_number")), "program_id")
        .select(col(Periods.PERIOD), col("measure_code").as("outcome_code"), col("enrollment_id"), col("child_id"),
            col("program_id"), col("contract_number"), col("in_denominator").as("eligible"),
            col("numerator").equalTo(1L).as("achieved"), col("window_start"), col("window_end"),
            col("evidence_date"), col("evidence_id"), col("note"))
        .cache();
    Rollup rollup = new Rollup(Rollup.Labels.RATECARD, RateCardOutcomes.codes(), Set.of());
    Dataset<Row> counted = units.select(col(Periods.PERIOD), col("program_id"), col("enrollment_id"),
        col("outcome_code"), col("eligible").as("in_denominator"), col("achieved").cast("long").as("numerator"),
        lit(false).as("missing"));
    // the rate card has no "missing" rule: the roll-up's missing column is always 0 and not published
    Dataset<Row> results = rollup.results(counted, in.periods(), programs, Strata.of(in.episodes()))
        .drop("missing")
        .cache();
    Dataset<Row> payments = RateCardPayments.of(RateCardPayments.earnings(results, prices), programs);
    return new Result(units, results, payments);
  }
}
