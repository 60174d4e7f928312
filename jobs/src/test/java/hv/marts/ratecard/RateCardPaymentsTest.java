package hv.marts.ratecard;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestSpark;
import hv.core.CoreTables;
import hv.marts.FamilyPass;
import hv.marts.decks.Deck;
import hv.marts.decks.DeckFamilies;
import hv.publish.RateCardReports;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payment rule on hand-built contracts ({@code ratecard/payments.json}): each RC1 earns
 * $250 (RC2 $500) under the shipped placeholder prices; the cap is 4% of the contracts'
 * summed contract_value, rounded down to the cent; H2 pays what H1 did not use of it.
 */
class RateCardPaymentsTest {

  private static RateCardMart.Result mart;
  private static CoreTables core;
  /** "contract half outcome" → "achieved earned cap paid" (empty cap/paid as "-"). */
  private static Map<String, String> payments;

  @BeforeAll
  static void build() throws Exception {
    Deck deck = Deck.read(Path.of(RateCardPaymentsTest.class.getClassLoader().getResource("ratecard/payments.json").toURI()));
    core = DeckFamilies.standard().tables(TestSpark.session(), deck);
    mart = FamilyPass.of(core, deck.asOf()).rateCard(RateCardPrices.configured());
    payments = new TreeMap<>();
    for (Row r : mart.payments().where(col("sfy").equalTo("SFY2026")).collectAsList()) {
      payments.put(r.getAs("contract_number") + " " + r.getAs("half") + " " + r.getAs("outcome_code"),
          r.getAs("achieved") + " " + r.getAs("earned") + " " + money(r.getAs("cap")) + " " + money(r.getAs("paid")));
    }
  }

  private static String money(BigDecimal amount) {
    return amount == null ? "-" : amount.toPlainString();
  }

  @Test
  void shippedPricesAreThePlaceholders() {
    RateCardPrices prices = RateCardPrices.configured();
    assertEquals(List.of("250.00", "500.00", "750.00", "1000.00"),
        List.of("RC1", "RC2", "RC3", "RC4").stream().map(c -> prices.of(c).toPlainString()).toList());
  }

  @Test
  void capNeverReachedPaysWhatWasEarnedAndLastDayOfH1EarnsInH1() {
    assertEquals("1 250.00 4000.00 250.00", payments.get("K1-NEVER-CAPPED H1 ALL"));
    assertEquals("2 750.00 4000.00 750.00", payments.get("K1-NEVER-CAPPED H2 ALL"));
    assertEquals("1 500.00 - -", payments.get("K1-NEVER-CAPPED H2 RC2"));
    assertEquals("1 250.00 - -", payments.get("K1-NEVER-CAPPED H2 RC1"));
  }

  @Test
  void capReachedInH1LeavesNothingForH2() {
    assertEquals("2 500.00 400.00 400.00", payments.get("K2-CAPPED-IN-H1 H1 ALL"));
    assertEquals("1 250.00 400.00 0.00", payments.get("K2-CAPPED-IN-H1 H2 ALL"));
  }

  @Test
  void capReachedOnlyInH2PaysTheRemainder() {
    assertEquals("1 250.00 600.00 250.00", payments.get("K3-CAPPED-IN-H2 H1 ALL"));
    assertEquals("2 500.00 600.00 350.00", payments.get("K3-CAPPED-IN-H2 H2 ALL"));
  }

  @Test
  void subcontractedProgramsShareTheContractsCapFromTheSumOfContractValues() {
    // 4% of 5000.00 + 5000.50 = 400.02
    assertEquals("2 500.00 400.02 400.02", payments.get("K4-SUBCONTRACTED H1 ALL"));
    assertEquals("0 0.00 400.02 0.00", payments.get("K4-SUBCONTRACTED H2 ALL"));
  }

  @Test
  void capIsRoundedDownToTheCent() {
    // 4% of 12345.67 = 493.8268
    assertEquals("2 500.00 493.82 493.82", payments.get("K5-ROUNDED-DOWN H1 ALL"));
  }

  @Test
  void everyContractHasARowPerEndedHalfAndOutcomePlusAll() {
    assertEquals(5 * 2 * 5, payments.size());
    assertEquals("0 0.00 - -", payments.get("K5-ROUNDED-DOWN H2 RC4"));
  }

  @Test
  void reportsPerProgramAndContractForEachReportingPeriod(@TempDir Path tree) throws Exception {
    RateCardReports.write(tree, mart.results(), mart.payments(), core.programs(), RateCardPrices.configured());
    Path dir = tree.resolve(RateCardReports.FOLDER);
    for (String period : List.of("SFY2026-Q1", "SFY2026-H1", "SFY2026-Q3", "SFY2026-H2")) {
      assertTrue(Files.exists(dir.resolve(period).resolve("program-P5-rate-card.csv")), period);
      assertTrue(Files.exists(dir.resolve(period).resolve("contract-K4-SUBCONTRACTED-rate-card-billing.csv")), period);
    }
    assertTrue(Files.notExists(dir.resolve("SFY2026-Q2")), "Q2 is reported with H1");
    List<String> billing = Files.readAllLines(dir.resolve("SFY2026-H1").resolve("contract-K4-SUBCONTRACTED-rate-card-billing.csv"));
    assertEquals("period,level,entity_id,outcome_code,achieved,price,earned,cap,paid", billing.get(0));
    assertEquals("SFY2026-H1,CONTRACT,K4-SUBCONTRACTED,RC1,2,250.00,500.00,,", billing.get(1));
    assertEquals("SFY2026-H1,CONTRACT,K4-SUBCONTRACTED,ALL,2,,500.00,400.02,400.02", billing.get(5));
    List<String> rateCard = Files.readAllLines(dir.resolve("SFY2026-Q1").resolve("program-P5-rate-card.csv"));
    assertEquals("SFY2026-Q1,PROGRAM,P5,RC1,1,1,1.0", rateCard.get(1));
  }
}
