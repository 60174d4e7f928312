package hv.marts.evaluation;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The change since a year earlier: two-proportion z-test with the pooled proportion,
 * two-sided p-value {@code 2 (1 − Φ(|z|))} from commons-math. The statistic is a Spark
 * expression; the p-values of the (few thousand) distinct |z| are computed in the driver
 * and joined. Undefined (empty) when either side has no units or the pooled proportion is
 * 0 or 1.
 */
public final class ChangeTest {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();
  private static final StructType SCHEMA = new StructType()
      .add("_abs_z", DataTypes.DoubleType).add("change_p_value", DataTypes.DoubleType);

  private ChangeTest() {}

  /**
   * Adds {@code change_p_value} to rows with {@code observed, units} (now) and
   * {@code prior_observed, prior_units} (a year earlier).
   */
  public static Dataset<Row> join(Dataset<Row> rows) {
    Dataset<Row> withZ = rows.withColumn("_abs_z", abs(z()));
    List<Row> pValues = new ArrayList<>();
    for (Row r : withZ.where(col("_abs_z").isNotNull()).select("_abs_z").distinct().collectAsList()) {
      pValues.add(RowFactory.create(r.getDouble(0), pValue(r.getDouble(0))));
    }
    Dataset<Row> table = rows.sparkSession().createDataFrame(pValues, SCHEMA);
    return withZ.join(broadcast(table), new String[] {"_abs_z"}, "left").drop("_abs_z");
  }

  public static double pValue(double absZ) {
    return 2 * (1 - STANDARD_NORMAL.cumulativeProbability(absZ));
  }

  /** {@code (p1 − p2) / sqrt(p (1 − p) (1/n1 + 1/n2))}, p the pooled proportion. */
  static Column z() {
    Column n1 = col("units").cast("double"), n2 = col("prior_units").cast("double");
    Column p1 = col("observed").divide(n1), p2 = col("prior_observed").divide(n2);
    Column pooled = col("observed").plus(col("prior_observed")).divide(n1.plus(n2));
    Column se = sqrt(pooled.multiply(lit(1.0).minus(pooled)).multiply(lit(1.0).divide(n1).plus(lit(1.0).divide(n2))));
    return when(n1.gt(0).and(n2.gt(0)).and(se.gt(0)), p1.minus(p2).divide(se));
  }
}
