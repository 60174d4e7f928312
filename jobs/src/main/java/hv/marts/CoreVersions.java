package hv.marts;

import hv.contract.Contract;
import hv.contract.FileSchema;
import hv.spark.Warehouse;
import io.delta.tables.DeltaTable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The version of every core table that a build of the marts read: the marts are a function of
 * exactly these versions (and the code). Each mart commit records them (the audit trail of a
 * figure: which core rows it was computed from, readable with Delta time travel).
 */
public record CoreVersions(Map<String, Long> versions) {

  public static CoreVersions current(Warehouse warehouse) {
    Map<String, Long> versions = new TreeMap<>();
    for (FileSchema f : Contract.get().files()) {
      versions.put(f.table(), latestVersion(warehouse, "core", f.table()));
    }
    return new CoreVersions(versions);
  }

  /** The table's latest version (from its log: no Spark job). */
  private static long latestVersion(Warehouse warehouse, String schema, String table) {
    return DeltaTable.forPath(warehouse.spark(), warehouse.location(schema, table))
        .history(1).select("version").first().getLong(0);
  }
}
