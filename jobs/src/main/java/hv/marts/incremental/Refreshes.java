package hv.marts.incremental;

import hv.settings.Settings;
import hv.spark.Warehouse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The refresh of each per-period mart of one night: on top of the mart's last publication when
 * there is one from this code and every core change since can be traced to episodes, else in
 * full. Marts last published from the same core versions share one reading of the changes.
 */
public final class Refreshes {

  private final Warehouse warehouse;
  private final CoreVersions now;
  private final boolean incremental;
  private final Map<CoreVersions, Optional<Dataset<Row>>> changedSince = new HashMap<>();

  public Refreshes(Warehouse warehouse, CoreVersions now, boolean incremental) {
    this.warehouse = warehouse;
    this.now = now;
    this.incremental = incremental;
  }

  /** The setting {@code marts.incremental} (conf/hv.properties). */
  public static boolean configured() {
    return Settings.current().isTrue("marts.incremental");
  }

  public PeriodRefresh of(String unitsTable, String resultsTable) {
    if (!incremental) {
      return PeriodRefresh.full("the full path was asked for");
    }
    Optional<Publication> base = Publication.of(warehouse, List.of(unitsTable, resultsTable));
    if (base.isEmpty()) {
      return PeriodRefresh.full("no complete publication to build on");
    }
    if (!base.get().sameCode()) {
      return PeriodRefresh.full("last published by other code");
    }
    Optional<Dataset<Row>> changed = changedSince.computeIfAbsent(base.get().core(),
        from -> ChangedEpisodes.between(warehouse, from, now));
    if (changed.isEmpty()) {
      return PeriodRefresh.full("a core change since is not traceable to episodes");
    }
    return PeriodRefresh.on(warehouse, unitsTable, resultsTable, base.get(), changed.get());
  }
}
