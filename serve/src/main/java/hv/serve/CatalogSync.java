package hv.serve;

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

  private final Warehouse warehouse;
  private final Set<String> registered = new HashSet<>();

  CatalogSync(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Registers the tables that appeared since the last call; returns their names. */
  synchronized List<String> registerNew() {
    List<String> added = new ArrayList<>();
    for (String schema : Warehouse.SCHEMAS) {
      for (String table : warehouse.tables(schema)) {
        String name = schema + "." + table;
        if (!registered.contains(name)) {
          warehouse.register(schema, table);
          registered.add(name);
          added.add(name);
        }
      }
    }
    return added;
  }

  synchronized int size() {
    return registered.size();
  }
}
