package hv.marts.common;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestSpark;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ExactSumTest {

  /** Rows in the order given, in one partition: Spark's double sum adds them in that order. */
  private static Dataset<Row> rows(Double... values) {
    StructType schema = new StructType().add("g", DataTypes.StringType).add("v", DataTypes.DoubleType);
    List<Row> rows = Arrays.stream(values).map(v -> RowFactory.create("A", v)).toList();
    return TestSpark.session().createDataFrame(rows, schema).coalesce(1);
  }

  private static Row sums(Dataset<Row> rows) {
    return rows.groupBy("g").agg(sum("v").as("double_sum"), ExactSum.of(col("v")).as("exact_sum")).first();
  }

  @Test
  void theSameValuesInAnotherOrderGiveTheSameBits() {
    Row forward = sums(rows(0.1, 0.2, 0.3));
    Row backward = sums(rows(0.3, 0.2, 0.1));
    // the double sum depends on the order (0.6000000000000001 against 0.6): what ExactSum is for
    assertNotEquals(forward.<Double>getAs("double_sum"), backward.<Double>getAs("double_sum"));
    assertEquals(0.6, forward.<Double>getAs("exact_sum"));
    assertEquals(0.6, backward.<Double>getAs("exact_sum"));
  }

  @Test
  void emptyValuesAreSkippedAndAllEmptyIsEmpty() {
    assertEquals(0.5, sums(rows(0.25, null, 0.25)).<Double>getAs("exact_sum"));
    Row allEmpty = sums(rows(null, null));
    assertTrue(allEmpty.isNullAt(allEmpty.fieldIndex("exact_sum")), "as Spark's sum: a group the model did not fit stays empty");
  }

  @Test
  void theTotalOfPartialSumsIsTheSumOfAllTheRows() {
    // split as a roll-up would: the parts' exact sums, then their total
    StructType schema = new StructType().add("part", DataTypes.StringType).add("v", DataTypes.DoubleType);
    List<Row> values = List.of(RowFactory.create("P", 0.1), RowFactory.create("P", 0.2), RowFactory.create("Q", 0.3),
        RowFactory.create("R", null));
    Dataset<Row> all = TestSpark.session().createDataFrame(values, schema).coalesce(1);
    Row parts = all.groupBy("part").agg(ExactSum.partial(col("v")).as("v"))
        .agg(ExactSum.total(col("v")).as("total")).first();
    assertEquals(0.6, parts.<Double>getAs("total"));
    assertEquals(0.6, all.agg(ExactSum.of(col("v"))).first().getDouble(0));
  }

  @Test
  void aValueTimesItsCountIsThatManyRowsOfIt() {
    // 0.1 seven times and a probability with all its places twice: as rows, and as a value with its
    // count (an empty value adds nothing)
    Dataset<Row> asRows = rows(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.123456789012345678, 0.123456789012345678);
    StructType schema = new StructType().add("v", DataTypes.DoubleType).add("n", DataTypes.LongType);
    Dataset<Row> asCounts = TestSpark.session().createDataFrame(
        List.of(RowFactory.create(0.1, 7L), RowFactory.create(0.123456789012345678, 2L), RowFactory.create(null, 3L)),
        schema);
    double total = asCounts.agg(ExactSum.total(ExactSum.times(col("v"), col("n")))).first().getDouble(0);
    assertEquals(sums(asRows).<Double>getAs("exact_sum"), total, 0.0, "the same bits as the rows' exact sum");
  }
}
