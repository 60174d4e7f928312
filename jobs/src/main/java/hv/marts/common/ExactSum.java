package hv.marts.common;

import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * A sum of doubles that does not depend on the order of the rows. Spark adds doubles in the
 * order they arrive, which changes with the partitioning and between the nightly and the full
 * path, so the last digits of a published figure would change with them. Here each value is
 * taken to {@value #SCALE} decimal places and added exactly as a decimal, and the total comes
 * back as a double: the same rows give the same bits.
 */
public final class ExactSum {

  /** Decimal places kept of each value (the plain-Java total, {@link hv.indicators.ExactTotal}, keeps as many). */
  static final int SCALE = hv.indicators.ExactTotal.SCALE;
  /** Up to 10^20 before the point: far above any count of units or visits. */
  public static final DataType DECIMAL = DataTypes.createDecimalType(38, SCALE);
  private static final UserDefinedFunction TIMES = udf(
      (UDF2<BigDecimal, Long, BigDecimal>) (value, count) -> value == null || count == null ? null
          : value.multiply(BigDecimal.valueOf(count)), DECIMAL);

  private ExactSum() {}

  /** sum(value) as a double, empty where every value is empty (as Spark's sum). */
  public static Column of(Column value) {
    return partial(value).cast("double");
  }

  /**
   * The exact sum of a part of the rows, as the decimal: {@link #total} of the parts' sums is
   * {@link #of} all the rows, to the bit (decimal addition is exact), over fewer rows.
   */
  public static Column partial(Column value) {
    return sum(value.cast(DECIMAL));
  }

  /**
   * A value times a count, exactly: the {@link #partial} sum of that many rows of the value, so
   * that {@link #total} of these is {@link #of} the rows (a decimal product in Spark would drop
   * places: 38 digits of precision hold the product only at a smaller scale).
   */
  public static Column times(Column value, Column count) {
    return TIMES.apply(value.cast(DECIMAL), count);
  }

  /** The sum of {@link #partial} sums (or of decimals), as a double. */
  public static Column total(Column partials) {
    return sum(partials).cast("double");
  }
}
