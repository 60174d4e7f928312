package hv.core;

import static org.apache.spark.sql.functions.col;

import hv.contract.ColumnSpec;
import hv.contract.Contract;
import hv.contract.FileSchema;
import hv.spark.Lineage;
import hv.spark.Warehouse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The conformed tables as the marts see them: deleted records removed, and with them every
 * row that references a removed record ("no longer count anywhere"). Measures take this,
 * never the Delta tables, so a test can feed them DataFrames directly.
 */
public final class CoreTables {

  private final Map<String, Dataset<Row>> live;
  private final boolean materialized;

  private CoreTables(Map<String, Dataset<Row>> live, boolean materialized) {
    this.live = live;
    this.materialized = materialized;
  }

  /** Frees the tables this materialized (none when built over held rows): read no table afterwards. */
  public void release() {
    if (materialized) {
      live.values().forEach(Lineage::release);
    }
  }

  /** Reads each core table once from the warehouse, materialized (the marts read them often). */
  public static CoreTables fromWarehouse(Warehouse warehouse) {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    for (FileSchema f : Contract.get().files()) {
      tables.put(f.table(), warehouse.read("core", f.table()));
    }
    return of(tables, true);
  }

  /** As {@link #fromWarehouse(Warehouse)}, each table at the given version. */
  public static CoreTables fromWarehouse(Warehouse warehouse, Map<String, Long> versions) {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    for (FileSchema f : Contract.get().files()) {
      tables.put(f.table(), warehouse.read("core", f.table(), versions.get(f.table())));
    }
    return of(tables, true);
  }

  /**
   * From held versions of every table (tombstones included or not): keeps the live rows.
   * Parents come before children in the contract's file order, so one pass cascades.
   */
  public static CoreTables of(Map<String, Dataset<Row>> held) {
    return of(held, false);
  }

  /**
   * @param materialize compute each live table once, parents first, with its lineage cut, so
   *                    that children (and every mart built on them) plan against rows, not
   *                    against the whole cascade
   */
  private static CoreTables of(Map<String, Dataset<Row>> held, boolean materialize) {
    Map<String, Dataset<Row>> live = new LinkedHashMap<>();
    for (FileSchema f : Contract.get().files()) {
      Dataset<Row> rows = held.get(f.table());
      if (rows == null) {
        throw new IllegalArgumentException("core table missing: " + f.table());
      }
      rows = rows.where(live());
      for (ColumnSpec ref : f.parentReferences()) {
        FileSchema parentSchema = Contract.get().file(ref.parent());
        Dataset<Row> parentKeys = live.get(ref.parent()).select(col(parentSchema.key()).as("_parent_key"));
        Column matches = col(ref.name()).equalTo(col("_parent_key"));
        // keys are unique in core, so the left join keeps each row at most once
        rows = ref.required() ? rows.join(parentKeys, matches, "left_semi")
            : rows.join(parentKeys, matches, "left")
                .where(col(ref.name()).isNull().or(col("_parent_key").isNotNull()))
                .drop("_parent_key");
      }
      live.put(f.table(), materialize ? Lineage.cut(rows) : rows);
    }
    return new CoreTables(live, materialize);
  }

  /** The live programs alone (a program references nothing), without reading the other tables. */
  public static Dataset<Row> programs(Warehouse warehouse) {
    return warehouse.read("core", "programs").where(live());
  }

  /** Not a tombstone. */
  private static Column live() {
    return col("deleted").isNull().or(col("deleted").equalTo(false));
  }

  public Dataset<Row> table(String name) {
    Dataset<Row> t = live.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no core table " + name);
    }
    return t;
  }

  public Dataset<Row> programs() { return table("programs"); }
  public Dataset<Row> staff() { return table("staff"); }
  public Dataset<Row> caregivers() { return table("caregivers"); }
  public Dataset<Row> enrollments() { return table("enrollments"); }
  public Dataset<Row> children() { return table("children"); }
  public Dataset<Row> homeVisits() { return table("home_visits"); }
  public Dataset<Row> screenings() { return table("screenings"); }
  public Dataset<Row> serviceReferrals() { return table("service_referrals"); }
  public Dataset<Row> healthEvents() { return table("health_events"); }
  public Dataset<Row> assessments() { return table("assessments"); }
  public Dataset<Row> intakeReferrals() { return table("intake_referrals"); }
}
