package hv.core;

import hv.contract.FileSchema;
import hv.spark.Warehouse;
import io.delta.tables.DeltaTable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Applies the winning versions of a batch to a core table in one commit: a version replaces
 * the held one when its {@code updated_at} is later, or equal and from the same or a later
 * extract (so replaying a batch after a crash changes nothing). Deletes stay as tombstones
 * ({@code deleted = true}) so an older version arriving later cannot bring the record back.
 */
public final class CoreWriter {

  private final Warehouse warehouse;

  public CoreWriter(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /**
   * One commit: the table's first load is a plain write (empty or not), after that a MERGE.
   * The caller leaves out an existing table whose batch has no versions: no commit for it.
   */
  public void apply(FileSchema f, Dataset<Row> winners) {
    if (!warehouse.exists("core", f.table())) {
      winners.write().format("delta").mode("overwrite")
          .save(warehouse.location("core", f.table()));
      return;
    }
    Map<String, String> set = new LinkedHashMap<>();
    for (String c : winners.columns()) {
      set.put(c, "s." + c);
    }
    set.put(CoreSchema.FIRST_EXTRACT_DATE,
        "least(t." + CoreSchema.FIRST_EXTRACT_DATE + ", s." + CoreSchema.FIRST_EXTRACT_DATE + ")");
    String key = f.key();
    DeltaTable.forPath(warehouse.spark(), warehouse.location("core", f.table())).as("t")
        .merge(winners.as("s"), "t." + key + " = s." + key)
        .whenMatched("s.updated_at > t.updated_at OR (s.updated_at = t.updated_at AND s."
            + CoreSchema.EXTRACT_DATE + " >= t." + CoreSchema.EXTRACT_DATE + ")")
        .updateExpr(set)
        .whenNotMatched()
        .insertAll()
        .execute();
  }
}
