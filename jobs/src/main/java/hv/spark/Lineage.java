package hv.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.LogicalRDD;
import scala.collection.JavaConverters;

/**
 * Computes rows once and cuts their lineage: a later step reads them several times, or their plan
 * grew too deep to plan quickly. In local mode the rows stay in the block store of the one JVM
 * ({@code localCheckpoint}). On a cluster an executor lost mid-night takes such blocks with it and
 * the night fails, so there {@link Sessions} sets a checkpoint folder on the warehouse's storage
 * and the rows are written to it (a reliable checkpoint), which outlives any executor.
 */
public final class Lineage {

  private Lineage() {}

  public static Dataset<Row> cut(Dataset<Row> rows) {
    return rows.sparkSession().sparkContext().getCheckpointDir().isDefined() ? rows.checkpoint() : rows.localCheckpoint();
  }

  /**
   * Frees the blocks of the cut rows these rows are read from (rows made by {@link #cut}, or
   * filtered from them): they are otherwise kept until the process ends. Rows read from them
   * afterwards fail (a local checkpoint has no lineage to compute them again).
   */
  public static void release(Dataset<Row> rows) {
    JavaConverters.seqAsJavaList(rows.queryExecution().analyzed().collectLeaves()).stream()
        .filter(LogicalRDD.class::isInstance)
        .forEach(leaf -> ((LogicalRDD) leaf).rdd().unpersist(false));
  }
}
