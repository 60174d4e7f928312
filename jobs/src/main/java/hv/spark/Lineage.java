package hv.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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
}
