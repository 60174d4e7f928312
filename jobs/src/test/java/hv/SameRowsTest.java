package hv;

import static hv.SameRows.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The comparison the marts' tests lean on: order is free, every row and its count are not. */
class SameRowsTest {

  final SparkSession spark = TestSpark.session();

  Dataset<Row> rows(String values) {
    return spark.sql("select * from values " + values + " as t(code, n)");
  }

  @Test
  void theSameRowsInAnotherOrderAndColumnOrderAreTheSame() {
    assertDoesNotThrow(() -> assertSameRows(rows("('A', 1), ('B', 2), ('B', 2)"),
        rows("('B', 2), ('A', 1), ('B', 2)").select("n", "code"), "reordered"));
  }

  @Test
  void aRowMissingOrExtraOrRepeatedOnceMoreIsADifference() {
    Dataset<Row> expected = rows("('A', 1), ('B', 2)");
    assertThrows(AssertionFailedError.class, () -> assertSameRows(expected, rows("('A', 1)"), "missing"));
    assertThrows(AssertionFailedError.class, () -> assertSameRows(expected, rows("('A', 1), ('B', 2), ('C', 3)"), "extra"));
    assertThrows(AssertionFailedError.class, () -> assertSameRows(expected, rows("('A', 1), ('B', 2), ('B', 2)"), "repeated"));
    assertThrows(AssertionFailedError.class, () -> assertSameRows(expected, rows("('A', 1), ('B', 3)"), "a value"));
  }
}
