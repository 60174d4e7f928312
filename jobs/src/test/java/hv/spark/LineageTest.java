package hv.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestSpark;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class LineageTest {

  @Test
  void releaseFreesTheBlocksOfTheCutRowsReadAndNoOthers() {
    SparkSession spark = TestSpark.session();
    SparkContext sc = spark.sparkContext();
    Set<Object> before = persistentIds(sc);
    Dataset<Row> released = Lineage.cut(spark.range(100).toDF().withColumn("twice", col("id").multiply(2)));
    Set<Object> ofReleased = persistentIds(sc);
    ofReleased.removeAll(before);
    Dataset<Row> kept = Lineage.cut(spark.range(10).toDF());
    assertEquals(50, released.where(col("id").lt(50)).count());

    Lineage.release(released.where(col("id").lt(50)));

    assertFalse(ofReleased.isEmpty(), "the cut rows were kept in the block store");
    Set<Object> after = persistentIds(sc);
    ofReleased.forEach(id -> assertFalse(after.contains(id), "rows still kept: rdd " + id));
    assertEquals(10, kept.count());
    Lineage.release(kept);
    assertTrue(persistentIds(sc).containsAll(before), "rows not cut here were released");
  }

  private static Set<Object> persistentIds(SparkContext sc) {
    return new HashSet<>(scala.collection.JavaConverters.mapAsJavaMap(sc.getPersistentRDDs()).keySet());
  }
}
