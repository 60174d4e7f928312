package hv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hv.spark.RowDifference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Asserts that two frames hold the same rows, each as many times, in any order, with
 * {@link RowDifference} (one Spark job: a job costs seconds on small data, and the suite compares
 * whole tables often).
 */
public final class SameRows {

  private SameRows() {}

  /** @param what names the rows in the failure message */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, String what) {
    long[] differences = RowDifference.count(expected, actual.selectExpr(expected.columns()));
    assertEquals(0L, differences[0], what + ": rows expected, missing");
    assertEquals(0L, differences[1], what + ": rows not expected, present");
  }
}
