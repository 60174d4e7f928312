package hv.marts.evaluation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Funnel-plot control limits around the state rate at a program's size: exact binomial
 * quantiles of {@code Binomial(n, state rate)} from commons-math, as rates (count / n).
 * 95% limits are the 2.5% and 97.5% quantiles, 99.8% limits the 0.1% and 99.9% quantiles.
 * A rate is outside a limit when strictly beyond it, which for a count x is the exact tail
 * test: below the lower 99.8% limit ⇔ P(X ≤ x) < 0.1%.
 */
public final class FunnelLimits {

  /** Programs (and contracts) with fewer units are shown but not flagged or ranked. */
  public static final int MIN_UNITS = 20;

  public enum Flag { ABOVE, BELOW, WATCH, WITHIN, TOO_FEW }

  private static final StructType SCHEMA = new StructType()
      .add("units", DataTypes.LongType).add("state_rate", DataTypes.DoubleType)
      .add("limit_95_low", DataTypes.DoubleType).add("limit_95_high", DataTypes.DoubleType)
      .add("limit_998_low", DataTypes.DoubleType).add("limit_998_high", DataTypes.DoubleType);

  private FunnelLimits() {}

  /** Adds the four limits to rows carrying {@code units} and {@code state_rate} (empty below {@link #MIN_UNITS}). */
  public static Dataset<Row> join(Dataset<Row> rows) {
    List<Row> pairs = rows.where(col("units").geq(MIN_UNITS).and(col("state_rate").isNotNull()))
        .select(col("units").cast("long"), col("state_rate")).distinct().collectAsList();
    List<Row> limits = new ArrayList<>();
    for (Row r : pairs) {
      double[] l = limits(r.getLong(0), r.getDouble(1));
      limits.add(RowFactory.create(r.getLong(0), r.getDouble(1), l[0], l[1], l[2], l[3]));
    }
    Dataset<Row> table = rows.sparkSession().createDataFrame(limits, SCHEMA);
    return rows.join(broadcast(table), new String[] {"units", "state_rate"}, "left");
  }

  /** {95% low, 95% high, 99.8% low, 99.8% high} as rates. */
  public static double[] limits(long n, double stateRate) {
    BinomialDistribution b = new BinomialDistribution(null, Math.toIntExact(n), stateRate);
    return new double[] {
        b.inverseCumulativeProbability(0.025) / (double) n, b.inverseCumulativeProbability(0.975) / (double) n,
        b.inverseCumulativeProbability(0.001) / (double) n, b.inverseCumulativeProbability(0.999) / (double) n};
  }

  /** The flag of a rate against the limits joined by {@link #join}; TOO_FEW under {@link #MIN_UNITS} units. */
  public static Column flag(Column rate) {
    return when(col("units").lt(MIN_UNITS), lit(Flag.TOO_FEW.name()))
        .when(rate.isNull(), lit(null))
        .when(rate.gt(col("limit_998_high")), lit(Flag.ABOVE.name()))
        .when(rate.lt(col("limit_998_low")), lit(Flag.BELOW.name()))
        .when(rate.gt(col("limit_95_high")).or(rate.lt(col("limit_95_low"))), lit(Flag.WATCH.name()))
        .otherwise(lit(Flag.WITHIN.name()));
  }
}
