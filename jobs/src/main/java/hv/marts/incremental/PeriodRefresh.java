package hv.marts.incremental;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import hv.marts.common.PeriodJoin;
import hv.spark.Lineage;
import hv.spark.Warehouse;
import hv.time.PeriodName;
import hv.time.Periods;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * How a night rebuilds a mart published per period (its units and their roll-up): in full, or
 * on top of its last publication (docs/scale-decisions.md "Incremental marts"):
 * <ul>
 *   <li>periods not published before as ended (year-to-date, newly ended, new years) are
 *       computed for every episode;
 *   <li>ended periods published before are computed for the changed episodes only; their
 *       other units are kept as published;
 *   <li>a period is rewritten, units and results, when it is computed for every episode or
 *       when a changed episode has a unit in it, before or now; every other period keeps its
 *       rows (and their {@code as_of}) untouched;
 *   <li>periods no longer computed (an earlier year-to-date) are removed.
 * </ul>
 */
public final class PeriodRefresh {

  private final Warehouse warehouse;
  private final String unitsTable;
  private final String resultsTable;
  private final Publication base;
  private final Dataset<Row> changed;
  private final String fullReason;
  private List<String> changedIds;

  private PeriodRefresh(Warehouse warehouse, String unitsTable, String resultsTable, Publication base,
                        Dataset<Row> changed, String fullReason) {
    this.warehouse = warehouse;
    this.unitsTable = unitsTable;
    this.resultsTable = resultsTable;
    this.base = base;
    this.changed = changed;
    this.fullReason = fullReason;
  }

  /** Every period for every episode: the unoptimized path. */
  public static PeriodRefresh full(String reason) {
    return new PeriodRefresh(null, null, null, null, null, reason);
  }

  /** On top of the publication, recomputing the changed episodes ({@code enrollment_id}) in its ended periods. */
  public static PeriodRefresh on(Warehouse warehouse, String unitsTable, String resultsTable, Publication base,
                                 Dataset<Row> changedEpisodes) {
    return new PeriodRefresh(warehouse, unitsTable, resultsTable, base, changedEpisodes, null);
  }

  /** The changed episodes' {@code enrollment_id}s, collected once. */
  private List<String> changedIds() {
    if (changedIds == null) {
      changedIds = changed.select("enrollment_id").collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    }
    return changedIds;
  }

  public boolean isFull() {
    return base == null;
  }

  /** The plan for this night's periods ({@code period, period_start, period_end}). */
  public Plan plan(Dataset<Row> periods) {
    List<String> current = names(periods.select(Periods.PERIOD));
    if (isFull()) {
      return new Plan(current, List.of(), List.of());
    }
    List<String> published = names(published(resultsTable).select(Periods.PERIOD).distinct());
    List<String> reused = current.stream()
        .filter(p -> !PeriodName.parse(p).isYearToDate() && published.contains(p)).toList();
    List<String> removed = published.stream().filter(p -> !current.contains(p)).toList();
    return new Plan(current, reused, removed);
  }

  private Dataset<Row> published(String table) {
    return warehouse.read("marts", table, base.tableVersions().get(table)).drop("as_of");
  }

  private static List<String> names(Dataset<Row> periodColumn) {
    return periodColumn.collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
  }

  private static Column in(List<String> periods) {
    return col(Periods.PERIOD).isin(periods.toArray());
  }

  /** One night's split of the periods. */
  public final class Plan {

    private final List<String> current;
    private final List<String> reused;
    private final List<String> removed;

    private Plan(List<String> current, List<String> reused, List<String> removed) {
      this.current = current;
      this.reused = reused;
      this.removed = removed;
    }

    /**
     * The night's periods, the reused ones marked to be computed for the changed episodes only
     * ({@link PeriodJoin#ONLY_EPISODES}): each measure is then planned once for both kinds.
     */
    public Dataset<Row> periods(Dataset<Row> periods) {
      if (reused.isEmpty()) {
        return periods;
      }
      int period = periods.schema().fieldIndex(Periods.PERIOD);
      List<Row> marked = new ArrayList<>();
      for (Row r : periods.collectAsList()) {
        List<Object> values = new ArrayList<>(JavaConverters.seqAsJavaList(r.toSeq()));
        values.add(reused.contains(r.getString(period)) ? changedIds() : null);
        marked.add(RowFactory.create(values.toArray()));
      }
      StructType schema = periods.schema()
          .add(PeriodJoin.ONLY_EPISODES, DataTypes.createArrayType(DataTypes.StringType));
      return periods.sparkSession().createDataFrame(marked, schema);
    }

    /**
     * The units table of this night from the units just computed (every episode in the
     * periods for all, the changed episodes in the others).
     */
    public PeriodTable units(Dataset<Row> computed) {
      if (isFull()) {
        return PeriodTable.whole(computed);
      }
      Dataset<Row> old = published(unitsTable);
      Dataset<Row> ids = broadcast(changed);
      // the reused periods' units are the changed episodes' alone, whatever a measure paired
      Dataset<Row> fresh = computed.where(in(reused).unary_$bang()
          .or(col("enrollment_id").isin(changedIds().toArray())));
      List<String> touched = reused.isEmpty() ? List.of() : names(fresh.where(in(reused)).select(Periods.PERIOD)
          .union(old.where(in(reused)).join(ids, "enrollment_id", "left_semi").select(Periods.PERIOD))
          .distinct());
      Set<String> replaced = new LinkedHashSet<>(current);
      replaced.removeIf(p -> reused.contains(p) && !touched.contains(p));
      replaced.addAll(removed);
      List<String> replacedList = new ArrayList<>(replaced);
      Dataset<Row> written = Lineage.cut(fresh.where(in(replacedList))
          .unionByName(old.where(in(touched)).join(ids, "enrollment_id", "left_anti")));
      Dataset<Row> all = old.where(in(replacedList).unary_$bang()).unionByName(written);
      return new PeriodTable(written, replacedList, all);
    }

    /** The periods to roll up: those whose units were rewritten. */
    public Dataset<Row> rolledUp(Dataset<Row> periods, PeriodTable units) {
      return units.replacedPeriods() == null ? periods : periods.where(in(units.replacedPeriods()));
    }

    /** The results table of this night from the roll-up of {@link #rolledUp} periods. */
    public PeriodTable results(PeriodTable units, Dataset<Row> rolledUp) {
      if (isFull()) {
        return PeriodTable.whole(rolledUp);
      }
      Dataset<Row> all = published(resultsTable).where(in(units.replacedPeriods()).unary_$bang())
          .unionByName(rolledUp);
      return new PeriodTable(rolledUp, units.replacedPeriods(), all);
    }

    /** For the progress line. */
    public String describe(PeriodTable units) {
      if (isFull()) {
        return "all " + current.size() + " periods in full (" + fullReason + ")";
      }
      return String.format("%d of %d periods rewritten %s; %d ended periods kept as published",
          units.replacedPeriods().size(), current.size(), units.replacedPeriods(),
          current.size() - (units.replacedPeriods().size() - removed.size()));
    }
  }
}
