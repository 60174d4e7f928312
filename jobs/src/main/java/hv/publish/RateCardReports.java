package hv.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import hv.marts.ratecard.RateCardPayments;
import hv.marts.ratecard.RateCardPrices;
import hv.measures.MeasureFacts;
import hv.measures.MeasureFacts.MeasureSet;
import hv.time.FiscalYear;
import hv.time.Periods;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The two reports providers send for every program and combined per contract, for each
 * quarter's reporting period (Q1, Q1+Q2 = H1, Q3, Q3+Q4 = H2) among the run's periods: the
 * Rate Card report (achieved and eligible per outcome) and the Rate Card Billing report
 * (achieved, price and earned per outcome; on the contract's ALL row the cap, and for a
 * half the amount paid). Plain CSV files under {@code <restricted tree>/ratecard/<period>/},
 * written from the marts' aggregates (a few thousand rows, collected). Exact counts: these are
 * the providers' own billing, not dashboard cells, so they are written only into the
 * restricted tree ({@link Exports#restrictedFolder}; docs/ratecard-decisions.md,
 * docs/publication-decisions.md).
 */
public final class RateCardReports {

  /** The reports' folder in the restricted tree. */
  public static final String FOLDER = "ratecard";

  /** Reporting periods: the quarters that open a half and the halves (Q2 and Q4 are reported with their half). */
  private static final String[] REPORTING = {"Q1", "H1", "Q3", "H2"};
  private static final List<String> RATE_CARD_COLUMNS =
      List.of("period", "level", "entity_id", "outcome_code", "achieved", "eligible", "rate");
  private static final List<String> BILLING_COLUMNS =
      List.of("period", "level", "entity_id", "outcome_code", "achieved", "price", "earned", "cap", "paid");
  /** What each report column holds (the data dictionary's words for these files). */
  private static final Map<String, String> MEANINGS = Map.ofEntries(
      Map.entry("period", "reporting period: SFY<y>-Q1, SFY<y>-H1 (Q1 + Q2), SFY<y>-Q3, SFY<y>-H2 (Q3 + Q4)"),
      Map.entry("level", "PROGRAM or CONTRACT (all programs sharing a contract_number)"),
      Map.entry("entity_id", "program id or contract number"),
      Map.entry("outcome_code", MeasureFacts.range(MeasureSet.RATE_CARD) + ", or ALL: the totals of the file"),
      Map.entry("achieved", "eligible episodes that achieved the outcome, exact"),
      Map.entry("eligible", "episodes eligible for the outcome in the period, exact"),
      Map.entry("rate", "achieved / eligible"),
      Map.entry("price", "what one achieved outcome earns, from the payment schedule (US dollars)"),
      Map.entry("earned", "achieved x price; on the ALL row the total"),
      Map.entry("cap", "the contract's cap for the SFY (a contract's ALL row)"),
      Map.entry("paid", "amount paid for the half (a contract's ALL row of H1 or H2)"));

  private RateCardReports() {}

  /**
   * Writes the reports of {@code marts.ratecard_results} and {@code marts.ratecard_payments} into
   * {@code tree/ratecard/} and returns each report's file name pattern (within {@code tree}) with
   * its columns, for the data dictionary.
   */
  public static Map<String, List<StructField>> write(Path tree, Dataset<Row> results, Dataset<Row> payments,
                                                     Dataset<Row> programs, RateCardPrices prices) {
    Column name = Periods.nameParts(col(Periods.PERIOD));
    Dataset<Row> reported = results.where(name.getField(Periods.KIND).equalTo(FiscalYear.SFY.name())
        .and(name.getField(Periods.PART).isin((Object[]) REPORTING)));
    Dataset<Row> rateCard = reported
        .where(col("stratum").equalTo(RateCardPayments.ALL).and(col("level").isin("PROGRAM", "CONTRACT")))
        .select(RATE_CARD_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
    Dataset<Row> billing = billing(reported, payments, programs, prices);
    Path folder = tree.resolve(FOLDER);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder, e);
    }
    writeEach(folder, "rate-card", RATE_CARD_COLUMNS, rateCard);
    writeEach(folder, "rate-card-billing", BILLING_COLUMNS, billing);
    Map<String, List<StructField>> files = new LinkedHashMap<>();
    files.put(FOLDER + "/<period>/<program|contract>-<entity_id>-rate-card.csv", List.of(rateCard.schema().fields()));
    files.put(FOLDER + "/<period>/<program|contract>-<entity_id>-rate-card-billing.csv",
        List.of(billing.schema().fields()));
    return files;
  }

  /** What a report column holds; an undescribed column is an error. */
  static String meaning(String column) {
    String meaning = MEANINGS.get(column);
    if (meaning == null) {
      throw new IllegalStateException("rate card report column " + column + " is not described");
    }
    return meaning;
  }

  /** Per outcome: achieved, price, earned; per entity an ALL row with the totals, and for a contract its cap and paid. */
  private static Dataset<Row> billing(Dataset<Row> results, Dataset<Row> payments, Dataset<Row> programs,
                                      RateCardPrices prices) {
    Dataset<Row> earnings = RateCardPayments.earnings(results, prices);
    Dataset<Row> paid = payments.where(col("outcome_code").equalTo(RateCardPayments.ALL))
        .select(col("sfy"), col("half"), col("contract_number").as("entity_id"), col("paid"));
    Column name = Periods.nameParts(col(Periods.PERIOD));
    Column contract = col("level").equalTo("CONTRACT");
    Dataset<Row> totals = earnings
        .groupBy(Periods.PERIOD, "level", "entity_id")
        .agg(sum("achieved").as("achieved"), sum("earned").cast(RateCardPayments.MONEY).as("earned"))
        .join(RateCardPayments.caps(programs).withColumnRenamed("contract_number", "entity_id"),
            "entity_id", "left")
        // a half's payment, by the parts of the period's name (a quarter has none)
        .withColumn("sfy", name.getField(Periods.FISCAL_YEAR))
        .withColumn("half", name.getField(Periods.PART))
        .join(paid, new String[] {"sfy", "half", "entity_id"}, "left")
        .select(col(Periods.PERIOD), col("level"), col("entity_id"), lit(RateCardPayments.ALL).as("outcome_code"),
            col("achieved"), lit(null).cast(RateCardPayments.MONEY).as("price"), col("earned"),
            when(contract, col("cap")).as("cap"), when(contract, col("paid")).as("paid"));
    return earnings
        .withColumn("cap", lit(null).cast(RateCardPayments.MONEY))
        .withColumn("paid", lit(null).cast(RateCardPayments.MONEY))
        .select(BILLING_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new))
        .unionByName(totals.select(BILLING_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new)));
  }

  /** One file per period, level and entity: {@code <period>/<level>-<entity>-<report>.csv}, rows in outcome order. */
  private static void writeEach(Path folder, String report, List<String> columns, Dataset<Row> rows) {
    Map<Path, List<Row>> files = new LinkedHashMap<>();
    Dataset<Row> asText = rows.select(columns.stream().map(c -> col(c).cast(DataTypes.StringType)).toArray(Column[]::new));
    for (Row r : asText.collectAsList()) {
      Path file = folder.resolve(r.getString(0))
          .resolve(r.getString(1).toLowerCase() + "-" + r.getString(2) + "-" + report + ".csv");
      files.computeIfAbsent(file, f -> new ArrayList<>()).add(r);
    }
    files.forEach((file, fileRows) -> {
      List<String> lines = new ArrayList<>(List.of(String.join(",", columns)));
      // the outcomes, then the file's ALL row
      fileRows.stream().sorted(Comparator.comparing((Row r) -> r.getString(3).equals(RateCardPayments.ALL))
              .thenComparing(r -> r.getString(3)))
          .forEach(r -> lines.add(line(r)));
      try {
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    });
  }

  private static String line(Row r) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      String v = r.isNullAt(i) ? "" : r.getString(i);
      cells.add(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
    }
    return String.join(",", cells);
  }
}
