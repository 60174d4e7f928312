package hv.marts.common;

import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.Column;

/**
 * 95% confidence intervals as Spark expressions, each a struct {@code (low, high)}, empty
 * when the denominator is 0. No UDF: they run where the counts are.
 */
public final class Intervals {

  public static final double CONFIDENCE = 0.95;
  /** The normal quantile, computed as commons-math's WilsonScoreInterval does. */
  public static final double Z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
  /** Event counts up to this get the exact Garwood limits from a table; above, Byar's approximation. */
  public static final int EXACT_POISSON_UP_TO = 300;

  private static final Column EXACT_POISSON_LIMITS = exactPoissonLimits();

  private Intervals() {}

  /**
   * Wilson score interval for x successes in n trials, term by term as
   * {@code org.apache.commons.math3.stat.interval.WilsonScoreInterval}.
   */
  public static Column wilson(Column x, Column n) {
    Column trials = n.cast("double");
    Column mean = x.cast("double").divide(trials);
    double zSquared = Z * Z;
    Column factor = lit(1.0).divide(lit(1.0).plus(lit(1.0).divide(trials).multiply(zSquared)));
    Column modifiedSuccessRatio = mean.plus(lit(1.0).divide(trials.multiply(2)).multiply(zSquared));
    Column difference = lit(Z).multiply(sqrt(lit(1.0).divide(trials).multiply(mean).multiply(lit(1.0).minus(mean))
        .plus(lit(1.0).divide(pow(trials, 2).multiply(4)).multiply(zSquared))));
    return onlyWithTrials(n, factor.multiply(modifiedSuccessRatio.minus(difference)),
        factor.multiply(modifiedSuccessRatio.plus(difference)));
  }

  /**
   * Interval of a rate x events / n units, x taken as Poisson: the exact (Garwood) limits
   * {@code χ²(α/2; 2x)/2} and {@code χ²(1−α/2; 2x+2)/2} divided by n. Exact values for
   * x ≤ {@value #EXACT_POISSON_UP_TO} come from a literal table computed once with
   * commons-math; beyond, Byar's approximation (relative error below 1e-5 there).
   */
  public static Column poissonRate(Column x, Column n) {
    Column count = x.cast("double");
    Column above = count.plus(1);
    Column byarLow = count.multiply(pow(lit(1.0).minus(lit(1.0).divide(count.multiply(9)))
        .minus(lit(Z).divide(sqrt(count).multiply(3))), 3));
    Column byarHigh = above.multiply(pow(lit(1.0).minus(lit(1.0).divide(above.multiply(9)))
        .plus(lit(Z).divide(sqrt(above).multiply(3))), 3));
    Column exact = element_at(EXACT_POISSON_LIMITS, x.cast("int"));
    Column trials = n.cast("double");
    return onlyWithTrials(n,
        coalesce(exact.getField("low"), byarLow).divide(trials),
        coalesce(exact.getField("high"), byarHigh).divide(trials));
  }

  /** The exact Garwood limits for event count x, as commons-math computes them. */
  public static double[] garwood(int x) {
    double alpha = 1 - CONFIDENCE;
    double low = x == 0 ? 0.0 : new ChiSquaredDistribution(2.0 * x).inverseCumulativeProbability(alpha / 2) / 2;
    double high = new ChiSquaredDistribution(2.0 * x + 2).inverseCumulativeProbability(1 - alpha / 2) / 2;
    return new double[] {low, high};
  }

  private static Column exactPoissonLimits() {
    List<Column> entries = new ArrayList<>();
    for (int x = 0; x <= EXACT_POISSON_UP_TO; x++) {
      double[] limits = garwood(x);
      entries.add(lit(x));
      entries.add(struct(lit(limits[0]).as("low"), lit(limits[1]).as("high")));
    }
    return map(entries.toArray(Column[]::new));
  }

  private static Column onlyWithTrials(Column n, Column low, Column high) {
    Column positive = n.gt(0);
    return struct(when(positive, low).as("low"), when(positive, high).as("high"));
  }
}
