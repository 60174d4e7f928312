package hv.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.DoubleStream;

/**
 * A total of doubles added as {@link hv.marts.common.ExactSum} adds them in Spark: each value
 * taken to {@value #SCALE} decimal places (from its shortest decimal form, half up, as Spark
 * casts a double to a decimal), added exactly, the total back as a double. Dosage's planned
 * visits are totalled so, which keeps them the DataFrame path's to the bit.
 */
public final class ExactTotal {

  public static final int SCALE = 18;

  private ExactTotal() {}

  public static double of(DoubleStream values) {
    return values.mapToObj(ExactTotal::decimal).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
  }

  /** A value as the decimal Spark casts it to: its shortest decimal form, to {@value #SCALE} places, half up. */
  public static BigDecimal decimal(double value) {
    return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_UP);
  }
}
