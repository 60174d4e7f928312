package hv.serve;

import hv.cli.Hv;
import hv.spark.Warehouse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the server's private catalog in step with the warehouse folder: every Delta table
 * found at {@code <root>/<schema>/<table>} is registered as {@code schema.table}, once. Only
 * names live in the catalog; each query reads the table's latest Delta snapshot itself, so a
 * registered table needs no refresh when a night commits to it.
 */
final class CatalogSync {

  /** What one pass did: tables registered, and tables not readable yet (retried next pass). */
  record Pass(List<String> registered, List<String> notYetReadable) {}

  private final Warehouse warehouse;
  private final Set<String> registered = new HashSet<>();

  CatalogSync(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  synchronized Pass registerNew() {
    List<String> added = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (String schema : Warehouse.SCHEMAS) {
      for (String table : warehouse.tables(schema)) {
        String name = schema + "." + table;
        if (registered.contains(name)) {
          continue;
        }
        try {
          warehouse.register(schema, table);
          registered.add(name);
          added.add(name);
        } catch (Exception e) {
          // a table whose first commit a night is still writing has a _delta_log and no version yet
          failed.add(name + " (" + Hv.describe(e) + ")");
        }
      }
    }
    return new Pass(added, failed);
  }

  synchronized int size() {
    return registered.size();
  }
}
