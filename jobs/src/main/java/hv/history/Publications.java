package hv.history;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import hv.ops.OpsTables;
import hv.spark.Warehouse;
import io.delta.tables.DeltaTable;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every version of the warehouse's tables that can still be read again, with the night that wrote
 * it: what an analyst needs to pick the publication to reproduce ({@code VERSION AS OF version},
 * or {@code TIMESTAMP AS OF committed_at}).
 */
public final class Publications {

  private Publications() {}

  /**
   * One row per version of each table (schema.table), latest first: {@code table}, {@code version},
   * {@code committed_at}, {@code operation}, {@code run_id}, {@code as_of} (of the marts that night
   * published), {@code night_completed} (the night has its {@code ops.runs} row).
   */
  public static Dataset<Row> of(Warehouse warehouse, List<String> tables) {
    Dataset<Row> versions = tables.stream()
        .map(name -> DeltaTable.forPath(warehouse.spark(), location(warehouse, name)).history()
            .select(lit(name).as("table"), col("version"), col("timestamp").as("committed_at"),
                col("operation"), col("userMetadata")))
        .reduce(Dataset::unionByName)
        .orElseThrow(() -> new IllegalArgumentException("no table to list"));
    Dataset<Row> runs = (warehouse.exists("ops", "runs") ? warehouse.read("ops", "runs")
        : warehouse.spark().createDataFrame(List.of(), OpsTables.RUNS))
        .select(col("run_id").as("night"), col("started_at"), col("finished_at"), col("as_of").as("night_as_of"));
    Column stamped = CommitStamp.runId(col("userMetadata"));
    // versions written before nights stamped their commits are matched to the night that ran then
    Column wroteIt = stamped.equalTo(col("night"))
        .or(col("userMetadata").isNull().and(col("committed_at").between(col("started_at"), col("finished_at"))));
    return versions.join(runs, wroteIt, "left")
        .select(col("table"), col("version"), col("committed_at"), col("operation"),
            coalesce(stamped, col("night")).as("run_id"),
            coalesce(CommitStamp.asOf(col("userMetadata")), col("night_as_of")).as("as_of"),
            col("night").isNotNull().as("night_completed"))
        .orderBy(col("table"), col("version").desc());
  }

  private static String location(Warehouse warehouse, String name) {
    String[] parts = name.split("\\.", 2);
    return warehouse.location(parts[0], parts[1]);
  }
}
