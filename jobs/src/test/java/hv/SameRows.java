package hv;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Asserts that two frames hold the same rows, each as many times, in any order: both
 * differences counted in one Spark job (a job costs seconds on small data, and the suite
 * compares whole tables often).
 */
public final class SameRows {

  private SameRows() {}

  /** @param what names the rows in the failure message */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, String what) {
    Dataset<Row> actualAligned = actual.selectExpr(expected.columns());
    Row differences = expected.exceptAll(actualAligned).select(lit(1L).as("missing"), lit(0L).as("extra"))
        .unionByName(actualAligned.exceptAll(expected).select(lit(0L).as("missing"), lit(1L).as("extra")))
        .agg(coalesce(sum("missing"), lit(0L)), coalesce(sum("extra"), lit(0L)))
        .first();
    assertEquals(0L, differences.getLong(0), what + ": rows expected, missing");
    assertEquals(0L, differences.getLong(1), what + ": rows not expected, present");
  }
}
