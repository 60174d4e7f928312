package hv.marts.ratecard;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import hv.marts.common.Rollup;
import hv.measures.MeasureFacts;
import hv.measures.MeasureFacts.MeasureSet;
import hv.time.Periods;
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

  /**
   * @param units    the family pass's units of the outcomes ({@link hv.marts.common.Units#SCHEMA})
   * @param counts   the family pass's counts of those units ({@link hv.marts.common.StratumCounts})
   * @param periods  the run's SFY periods ({@link Periods#SCHEMA})
   * @param programs every published program
   */
  public static Result of(Dataset<Row> units, Dataset<Row> counts, Dataset<Row> periods, Dataset<Row> programs,
                          RateCardPrices prices) {
    Dataset<Row> published = units
        .join(broadcast(programs.select("program_id", "contract_number")), "program_id")
        .select(col(Periods.PERIOD), col("measure_code").as("outcome_code"), col("enrollment_id"), col("child_id"),
            col("program_id"), col("contract_number"), col("in_denominator").as("eligible"),
            col("numerator").equalTo(1L).as("achieved"), col("window_start"), col("window_end"),
            col("evidence_date"), col("evidence_id"), col("note"));
    Rollup rollup = new Rollup(Rollup.Labels.RATECARD, MeasureFacts.codes(MeasureSet.RATE_CARD),
        MeasureFacts.countCodes());
    // the rate card has no "missing" rule: the roll-up's missing column is always 0 and not published
    Dataset<Row> results = rollup.results(counts, periods, programs).drop("missing").cache();
    Dataset<Row> payments = RateCardPayments.of(RateCardPayments.earnings(results, prices), programs);
    return new Result(published, results, payments);
  }
}
