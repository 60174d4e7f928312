package hv.marts.common;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.rint;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
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

  static final int SCALE = 18;
  /** Up to 10^20 before the point: far above any count of units or visits. */
  private static final DataType DECIMAL = DataTypes.createDecimalType(38, SCALE);
  /** 2^53: every whole double below it is exactly a long. */
  private static final double WHOLE_LIMIT = 9007199254740992.0;

  private ExactSum() {}

  /** sum(value) as a double, empty where every value is empty (as Spark's sum). */
  public static Column of(Column value) {
    return sum(value.cast(DECIMAL)).cast("double");
  }

  /**
   * The sum of a part of the rows' whole values (|value| < 2^53), as a long. Counts and yes/no
   * shares are whole, and a long adds far faster than a 38-digit decimal. With
   * {@link #fractionalPart} it splits the exact sum of the part: {@link #totalOfParts} of the
   * parts' sums is {@link #of} all the rows, to the bit (both add exactly), over fewer rows.
   */
  public static Column wholePart(Column value) {
    return sum(when(isWhole(value), value.cast("long")));
  }

  /** The exact sum of a part of the rows' other values, as the decimal. */
  public static Column fractionalPart(Column value) {
    return sum(when(not(isWhole(value)), value.cast(DECIMAL)));
  }

  /** The sum of {@link #wholePart} and {@link #fractionalPart} sums, as a double; empty where both are. */
  public static Column totalOfParts(Column wholeSums, Column fractionalSums) {
    // typed so that the exact addition stays within 38 digits at scale 18 (a long has 19 digits)
    DataType fraction = DataTypes.createDecimalType(37, SCALE);
    Column both = coalesce(wholeSums, lit(0L)).cast(DataTypes.createDecimalType(19, 0))
        .plus(coalesce(fractionalSums.cast(fraction), lit(0L).cast(fraction)));
    return sum(when(wholeSums.isNotNull().or(fractionalSums.isNotNull()), both)).cast("double");
  }

  private static Column isWhole(Column value) {
    return abs(value).lt(lit(WHOLE_LIMIT)).and(value.equalTo(rint(value)));
  }
}
