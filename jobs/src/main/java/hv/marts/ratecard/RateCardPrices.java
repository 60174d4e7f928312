package hv.marts.ratecard;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import hv.measures.MeasureFacts;
import hv.measures.MeasureFacts.MeasureSet;
import hv.settings.Settings;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * The payment schedule: one price in dollars and cents per outcome code, from
 * {@code conf/ratecard-prices.properties} (placeholders until the state sets its own).
 */
public record RateCardPrices(Map<String, BigDecimal> byCode) {

  public RateCardPrices {
    for (String code : MeasureFacts.codes(MeasureSet.RATE_CARD)) {
      BigDecimal price = byCode.get(code);
      if (price == null || !isPrice(price)) {
        throw new IllegalArgumentException("rate card price of " + code + " must be dollars and cents ≥ 0, was " + price);
      }
    }
    byCode = Map.copyOf(byCode);
  }

  /** Dollars and cents, not negative. */
  public static boolean isPrice(BigDecimal price) {
    return price.signum() >= 0 && price.stripTrailingZeros().scale() <= 2;
  }

  /** The schedule of the settings (conf/ratecard-prices.properties and --set). */
  public static RateCardPrices configured() {
    Settings settings = Settings.current();
    Map<String, BigDecimal> prices = new LinkedHashMap<>();
    MeasureFacts.codes(MeasureSet.RATE_CARD).forEach(code -> prices.put(code, new BigDecimal(settings.text(code))));
    return new RateCardPrices(prices);
  }

  /** The price of the outcome named by {@code code}, as an exact {@link RateCardPayments#MONEY} value. */
  public Column priceOf(Column code) {
    Column price = lit(null).cast(RateCardPayments.MONEY);
    for (String c : MeasureFacts.codes(MeasureSet.RATE_CARD)) {
      price = when(code.equalTo(c), lit(byCode.get(c)).cast(RateCardPayments.MONEY)).otherwise(price);
    }
    return price;
  }

  public BigDecimal of(String code) {
    return byCode.get(code);
  }
}
