package hv.marts;

import hv.contract.Contract;
import hv.contract.FileSchema;
import hv.spark.Warehouse;
import java.util.Map;
import java.util.TreeMap;

/**
 * The version of every core table that a build of the marts read: the marts are a function of
 * exactly these versions (and the code). Each mart commit records them (the audit trail of a
 * figure: which core rows it was computed from, readable with Delta time travel).
 */
public record CoreVersions(Map<String, Long> versions) {

  /** Each table's latest version, from its log (the night has the snapshots already, from sizing its shuffles). */
  public static CoreVersions current(Warehouse warehouse) {
    Map<String, Long> versions = new TreeMap<>();
    for (FileSchema f : Contract.get().files()) {
      versions.put(f.table(), warehouse.snapshot("core", f.table()).version());
    }
    return new CoreVersions(versions);
  }
}
