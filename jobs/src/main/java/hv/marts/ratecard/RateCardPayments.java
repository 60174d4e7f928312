package hv.marts.ratecard;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import hv.marts.common.Rollup;
import hv.time.FiscalYear;
import hv.time.Periods;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * What the rate card pays (measures.md "Payment"), in exact decimals: an outcome achieved in
 * a period earns its price in that period; a contract's earnings in one SFY are capped at 4%
 * of the sum of its programs' {@code contract_value}, rounded down to the cent; H1 pays
 * {@code min(earned H1, cap)}, H2 pays {@code min(earned H1 + H2, cap) − paid H1}.
 */
public final class RateCardPayments {

  /** Dollars and cents. */
  public static final DecimalType MONEY = DataTypes.createDecimalType(18, 2);
  public static final String ALL = Rollup.ALL;
  /** The parts of an SFY that are billed: its halves. */
  private static final String[] HALVES = {"H1", "H2"};

  private RateCardPayments() {}

  /**
   * Per period, program and contract and outcome: {@code achieved} and {@code earned}, from
   * the stratum-ALL rows of {@code marts.ratecard_results}.
   *
   * @return {@code period, level, entity_id, outcome_code, achieved, price, earned}
   */
  public static Dataset<Row> earnings(Dataset<Row> results, RateCardPrices prices) {
    Column price = prices.priceOf(col("outcome_code"));
    return results
        .where(col("stratum").equalTo(ALL).and(col("level").isin("PROGRAM", "CONTRACT")))
        .select(col(Periods.PERIOD), col("level"), col("entity_id"), col("outcome_code"), col("achieved"),
            price.as("price"), col("achieved").cast(DataTypes.createDecimalType(18, 0)).multiply(price).cast(MONEY).as("earned"));
  }

  /** Per contract_number: {@code cap} = 4% of the sum of its programs' contract_value, rounded down to the cent. */
  public static Dataset<Row> caps(Dataset<Row> programs) {
    // 4% of a dollar amount is 4 × the amount in cents: floor that, then back to dollars (exact)
    Column capCents = floor(sum(col("contract_value")).multiply(lit(4)));
    return programs.groupBy("contract_number")
        .agg(capCents.cast(DataTypes.createDecimalType(18, 0)).divide(lit(100)).cast(MONEY).as("cap"));
  }

  /**
   * {@code marts.ratecard_payments}: for every SFY half among the run's periods (halves end on
   * or before the as-of date) and every contract, a row per outcome ({@code achieved, earned})
   * and an {@code ALL} row ({@code achieved, earned, cap, paid}).
   *
   * @return {@code sfy, half, contract_number, outcome_code, achieved, earned, cap, paid}
   */
  public static Dataset<Row> of(Dataset<Row> earnings, Dataset<Row> programs) {
    Column name = Periods.nameParts(col(Periods.PERIOD));
    Dataset<Row> perOutcome = earnings
        .where(col("level").equalTo("CONTRACT").and(isHalf(name)))
        .select(name.getField(Periods.FISCAL_YEAR).as("sfy"), name.getField(Periods.PART).as("half"),
            col("entity_id").as("contract_number"), col("outcome_code"), col("achieved"), col("earned"));
    WindowSpec yearToHalf = Window.partitionBy("sfy", "contract_number").orderBy("half");
    Column paidToDate = least(sum(col("earned")).over(yearToHalf), col("cap"));
    Dataset<Row> contractTotals = perOutcome
        .groupBy("sfy", "half", "contract_number")
        .agg(sum("achieved").as("achieved"), sum("earned").cast(MONEY).as("earned"))
        .join(caps(programs), "contract_number")
        .withColumn("paid_to_date", paidToDate)
        .withColumn("paid", col("paid_to_date")
            .minus(coalesce(lag(col("paid_to_date"), 1).over(yearToHalf), lit(0).cast(MONEY))).cast(MONEY))
        .select(col("sfy"), col("half"), col("contract_number"), lit(ALL).as("outcome_code"), col("achieved"),
            col("earned"), col("cap"), col("paid"));
    return perOutcome
        .withColumn("cap", lit(null).cast(MONEY))
        .withColumn("paid", lit(null).cast(MONEY))
        .unionByName(contractTotals);
  }

  /** Whether a period is a half of an SFY, from its {@link Periods#nameParts}. */
  private static Column isHalf(Column nameParts) {
    return nameParts.getField(Periods.KIND).equalTo(FiscalYear.SFY.name())
        .and(nameParts.getField(Periods.PART).isin((Object[]) HALVES));
  }
}
