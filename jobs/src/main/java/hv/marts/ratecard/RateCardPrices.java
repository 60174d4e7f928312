package hv.marts.ratecard;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Column;

/**
 * The payment schedule: one price in dollars and cents per outcome code, from
 * {@code conf/ratecard-prices.properties} (placeholders until the state sets its own).
 */
public record RateCardPrices(Map<String, BigDecimal> byCode) {

  public static final String RESOURCE = "conf/ratecard-prices.properties";

  public RateCardPrices {
    for (String code : RateCardOutcomes.codes()) {
      BigDecimal price = byCode.get(code);
      if (price == null || price.signum() < 0 || price.stripTrailingZeros().scale() > 2) {
        throw new IllegalArgumentException("rate card price of " + code + " must be dollars and cents ≥ 0, was " + price);
      }
    }
    byCode = Map.copyOf(byCode);
  }

  /** The schedule shipped in the jar's {@code conf/}. */
  public static RateCardPrices configured() {
    Properties p = new Properties();
    try (InputStream in = RateCardPrices.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " not found");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, BigDecimal> prices = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(code -> prices.put(code, new BigDecimal(p.getProperty(code).trim())));
    return new RateCardPrices(prices);
  }

  /** The price of the outcome named by {@code code}, as an exact {@link RateCardPayments#MONEY} value. */
  public Column priceOf(Column code) {
    Column price = lit(null).cast(RateCardPayments.MONEY);
    for (String c : RateCardOutcomes.codes()) {
      price = when(code.equalTo(c), lit(byCode.get(c)).cast(RateCardPayments.MONEY)).otherwise(price);
    }
    return price;
  }

  public BigDecimal of(String code) {
    return byCode.get(code);
  }
}
