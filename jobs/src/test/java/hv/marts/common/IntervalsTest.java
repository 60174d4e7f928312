package hv.marts.common;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import hv.TestSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class IntervalsTest {

  private static List<Row> evaluate(long[][] pairs, boolean poisson) {
    List<Row> rows = new ArrayList<>();
    for (long[] p : pairs) {
      rows.add(RowFactory.create(p[0], p[1]));
    }
    StructType schema = new StructType().add("x", DataTypes.LongType).add("n", DataTypes.LongType);
    var ci = poisson ? Intervals.poissonRate(col("x"), col("n")) : Intervals.wilson(col("x"), col("n"));
    return TestSpark.session().createDataFrame(rows, schema)
        .select(col("x"), col("n"), ci.getField("low"), ci.getField("high")).collectAsList();
  }

  @Test
  void wilsonAgreesWithCommonsMathAndNewcombesPublishedValues() {
    // Newcombe (1998), Statistics in Medicine 17:857, Table I, method 3 (score interval)
    long[][] pairs = {{81, 263}, {15, 148}, {0, 20}, {1, 29}, {29, 29}, {7, 10}, {1, 1}};
    double[][] published = {{0.2553, 0.3662}, {0.0624, 0.1605}, {0.0, 0.1611}, {0.0061, 0.1718}};
    List<Row> got = evaluate(pairs, false);
    for (int i = 0; i < pairs.length; i++) {
      Row r = got.get(i);
      ConfidenceInterval expected = new WilsonScoreInterval()
          .createInterval((int) pairs[i][1], (int) pairs[i][0], Intervals.CONFIDENCE);
      assertEquals(expected.getLowerBound(), r.getDouble(2), 1e-12, "low " + r);
      assertEquals(expected.getUpperBound(), r.getDouble(3), 1e-12, "high " + r);
      if (i < published.length) {
        assertEquals(published[i][0], r.getDouble(2), 5e-5, "published low " + r);
        assertEquals(published[i][1], r.getDouble(3), 5e-5, "published high " + r);
      }
    }
  }

  @Test
  void emptyWhenTheDenominatorIsZero() {
    Row w = evaluate(new long[][] {{0, 0}}, false).get(0);
    Row p = evaluate(new long[][] {{0, 0}}, true).get(0);
    assertNull(w.get(2));
    assertNull(w.get(3));
    assertNull(p.get(2));
    assertNull(p.get(3));
  }

  @Test
  void poissonRateIsExactGarwoodUpToTheTableAndCloseBeyond() {
    long[][] pairs = {{0, 10}, {1, 10}, {3, 2}, {57, 40}, {300, 100}, {301, 100}, {1000, 900}, {5000, 4000}};
    List<Row> got = evaluate(pairs, true);
    for (int i = 0; i < pairs.length; i++) {
      Row r = got.get(i);
      double[] exact = Intervals.garwood((int) pairs[i][0]);
      double n = pairs[i][1];
      boolean tabled = pairs[i][0] <= Intervals.EXACT_POISSON_UP_TO;
      double tolerance = tabled ? 1e-12 : 1e-5;
      assertEquals(exact[0] / n, r.getDouble(2), tolerance * Math.max(1, exact[0] / n), "low " + r);
      assertEquals(exact[1] / n, r.getDouble(3), tolerance * exact[1] / n, "high " + r);
    }
    // published: 95% exact limits for 0 events are 0 and 3.689; for 3 events 0.619 and 8.767
    assertEquals(3.689, Intervals.garwood(0)[1], 5e-4);
    assertEquals(0.619, Intervals.garwood(3)[0], 5e-4);
    assertEquals(8.767, Intervals.garwood(3)[1], 5e-4);
  }
}
