package hv.core;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import hv.contract.ColumnSpec;
import hv.contract.Contract;
import hv.contract.FileSchema;
import hv.raw.RawReader;
import hv.spark.Lineage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Classifies every row of a batch of extracts (plus the orphans held from earlier runs), all
 * files together, and picks the versions that reach {@code core}:
 * <ol>
 *   <li>an exact copy of an earlier row of the same file and extract is a counted duplicate;
 *   <li>a key seen twice in one file with different contents quarantines all those rows;
 *   <li>a row breaking a row rule ({@link RowRules}) is quarantined with its reason;
 *   <li>a row whose parent is not known by its extract is an orphan: quarantined, held, and
 *       released on the extract date its parent becomes known (this batch or a later run);
 *   <li>the rest are accepted, and the latest {@code updated_at} (then the later extract) of a
 *       key is its winner; the MERGE into core keeps it only if it beats the held version.
 * </ol>
 * Rows of every file travel in one shape ({@link #ROW}: the values as an array in contract
 * order), so the whole batch is classified by the same few plans: the first three rules in one
 * plain-Java pass over the rows of each file, extract and key ({@link KeyRules}), then the
 * parents resolved one level of the contract's hierarchy at a time (files whose parents are all
 * resolved). Whether a parent is known is decided per extract date, so a catch-up of several
 * nights in one pass classifies every row exactly as one night at a time would.
 */
public final class Conformer {

  public static final String FROM_HELD = "_from_held";
  /** The row's values in contract column order, null when empty. */
  public static final String VALUES = "_values";
  public static final String KEY = "_key";
  public static final String REASON = "_reason";
  /** The extract date from which the row's parents are all known (null: not yet, or not resolved). */
  public static final String EFFECTIVE_DATE = "_effective_date";
  public static final String STATUS = "_status";

  /** A raw row of any file, as the classification reads it. */
  public static final StructType ROW = new StructType()
      .add(RawReader.FILE, DataTypes.StringType)
      .add(RawReader.EXTRACT_DATE, DataTypes.DateType)
      .add(RawReader.LINE, DataTypes.LongType)
      .add(RawReader.MALFORMED, DataTypes.StringType)
      .add(FROM_HELD, DataTypes.BooleanType)
      .add(VALUES, DataTypes.createArrayType(DataTypes.StringType))
      .add(KEY, DataTypes.StringType);

  static final String DUPLICATE = "_duplicate";
  /** The row's non-empty parent references in column order: the column, its parent table, the key. */
  static final String REF_COLUMNS = "_ref_columns";
  static final String REF_PARENTS = "_ref_parents";
  static final String REF_KEYS = "_ref_keys";
  private static final String SINCE = "_since";

  /** {@link #ROW} with what the rules of a row and its key decided. */
  static final StructType RULED = ROW
      .add(DUPLICATE, DataTypes.BooleanType)
      .add(REASON, DataTypes.StringType)
      .add(REF_COLUMNS, DataTypes.createArrayType(DataTypes.StringType))
      .add(REF_PARENTS, DataTypes.createArrayType(DataTypes.StringType))
      .add(REF_KEYS, DataTypes.createArrayType(DataTypes.StringType));

  public enum Status { DUPLICATE, QUARANTINED, ORPHAN_HELD, ORPHAN_RELEASED, ACCEPTED }

  private final Contract contract;

  public Conformer(Contract contract) {
    this.contract = contract;
  }

  /** The rows of one file in the shape {@link #classify} reads ({@link RawReader} columns in). */
  private static Dataset<Row> rows(FileSchema f, Dataset<Row> raw, boolean fromHeld) {
    return raw.select(col(RawReader.FILE), col(RawReader.EXTRACT_DATE), col(RawReader.LINE),
        col(RawReader.MALFORMED), lit(fromHeld).as(FROM_HELD),
        array(f.columnNames().stream().map(c -> col(c)).toArray(Column[]::new)).as(VALUES), col(f.key()).as(KEY));
  }

  /**
   * @param batch    per table, the raw rows of the pending extracts ({@link RawReader} columns)
   * @param held     orphans held from earlier runs ({@link #ROW})
   * @param coreKeys per table, the keys held in core (tombstones included) with the extract date
   *                 from which each was known, or null if the table is new
   * @return every row with its {@link #STATUS}, {@link #REASON} and {@link #EFFECTIVE_DATE}
   *         ({@link #ROW} columns first), materialized: read it as often as needed
   */
  public Dataset<Row> classify(Map<String, Dataset<Row>> batch, Dataset<Row> held,
                               Function<String, Dataset<Row>> coreKeys) {
    Dataset<Row> rows = held;
    for (FileSchema f : contract.files()) {
      rows = rows.unionByName(rows(f, batch.get(f.table()), false));
    }
    Dataset<Row> ruled = Lineage.cut(rows
        .repartition(col(RawReader.FILE), col(RawReader.EXTRACT_DATE), col(KEY))
        .sortWithinPartitions(RawReader.FILE, RawReader.EXTRACT_DATE, KEY, RawReader.LINE)
        .mapPartitions(new KeyRules(contract), Encoders.row(RULED)));

    Dataset<Row> classified = ruled.where(col(DUPLICATE).or(col(REASON).isNotNull()))
        .select(out(when(col(DUPLICATE), lit(Status.DUPLICATE.name())).otherwise(lit(Status.QUARANTINED.name())),
            col(REASON), lit(null).cast(DataTypes.DateType)));
    Dataset<Row> candidates = ruled.where(not(col(DUPLICATE)).and(col(REASON).isNull()));
    Dataset<Row> resolved = null;
    Map<String, Integer> level = levels();
    int slots = contract.files().stream().mapToInt(f -> f.parentReferences().size()).max().orElse(0);
    for (int l = 0; l <= level.values().stream().mapToInt(Integer::intValue).max().orElse(0); l++) {
      int at = l;
      List<String> tables = contract.files().stream().map(FileSchema::table).filter(t -> level.get(t) == at).toList();
      Dataset<Row> rowsAt = candidates.where(col(RawReader.FILE).isin(tables.toArray()));
      Dataset<Row> known = at == 0 ? null : known(parentsOf(tables), resolved, coreKeys);
      Dataset<Row> done = Lineage.cut(resolve(rowsAt, known, slots));
      resolved = resolved == null ? done : resolved.unionByName(done);
    }
    return classified.unionByName(resolved);
  }

  /** Each file's level: 0 without parents, else one more than its highest parent's. */
  private Map<String, Integer> levels() {
    Map<String, Integer> level = new HashMap<>();
    for (FileSchema f : contract.files()) {   // parents first (schemas/extract.json)
      level.put(f.table(), f.parentReferences().stream().mapToInt(r -> level.get(r.parent()) + 1).max().orElse(0));
    }
    return level;
  }

  private Set<String> parentsOf(List<String> tables) {
    Set<String> parents = new TreeSet<>();
    tables.forEach(t -> contract.file(t).parentReferences().forEach(r -> parents.add(r.parent())));
    return parents;
  }

  /** Keys of the given tables with the extract date from which each is known: core keys always. */
  private static Dataset<Row> known(Set<String> tables, Dataset<Row> resolved, Function<String, Dataset<Row>> coreKeys) {
    Dataset<Row> known = resolved
        .where(col(RawReader.FILE).isin(tables.toArray())
            .and(col(STATUS).isin(Status.ACCEPTED.name(), Status.ORPHAN_RELEASED.name())))
        .select(col(RawReader.FILE), col(KEY), col(EFFECTIVE_DATE).as(SINCE));
    for (String table : tables) {
      Dataset<Row> core = coreKeys.apply(table);
      if (core != null) {
        known = known.unionByName(core.select(lit(table).as(RawReader.FILE), col(core.columns()[0]).as(KEY),
            col(CoreSchema.FIRST_EXTRACT_DATE).as(SINCE)));
      }
    }
    return known.groupBy(RawReader.FILE, KEY).agg(min(SINCE).as(SINCE));
  }

  /**
   * Each row's effective date: its extract date, or the later date from which every parent it
   * names is known; none when a parent is not known at all. A parent known only after the row's
   * extract makes the row an orphan (its first such column names the reason), released on that
   * date if it comes.
   */
  private static Dataset<Row> resolve(Dataset<Row> rows, Dataset<Row> known, int slots) {
    List<Column> since = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      if (known == null) {
        since.add(lit(null).cast(DataTypes.DateType));
        continue;
      }
      String s = SINCE + i;
      Dataset<Row> k = known.select(col(RawReader.FILE).as("_k_file" + i), col(KEY).as("_k_key" + i), col(SINCE).as(s));
      rows = rows.join(k, col(REF_PARENTS).getItem(i).equalTo(col("_k_file" + i))
          .and(col(REF_KEYS).getItem(i).equalTo(col("_k_key" + i))), "left");
      since.add(col(s));
    }
    Column extractDate = col(RawReader.EXTRACT_DATE);
    Column anyUnknown = lit(false);
    Column orphanColumn = lit(null).cast(DataTypes.StringType);
    List<Column> dates = new ArrayList<>(List.of(extractDate));
    for (int i = 0; i < slots; i++) {
      Column named = col(REF_KEYS).getItem(i).isNotNull();
      anyUnknown = anyUnknown.or(named.and(since.get(i).isNull()));
      orphanColumn = coalesce(orphanColumn, when(named.and(since.get(i).isNull().or(since.get(i).gt(extractDate))),
          col(REF_COLUMNS).getItem(i)));
      dates.add(since.get(i));
    }
    // greatest() skips nulls: an unknown parent must leave the row without an effective date
    Column effective = when(anyUnknown, lit(null).cast(DataTypes.DateType))
        .otherwise(dates.size() == 1 ? extractDate : greatest(dates.toArray(new Column[0])));
    Column status = when(orphanColumn.isNull(), lit(Status.ACCEPTED.name()))
        .when(effective.isNull(), lit(Status.ORPHAN_HELD.name()))
        .otherwise(lit(Status.ORPHAN_RELEASED.name()));
    return rows.select(out(status, when(orphanColumn.isNotNull(), concat(lit("ORPHAN:"), orphanColumn)), effective));
  }

  /** The columns of a classified row: {@link #ROW}, then reason, effective date and status. */
  private static Column[] out(Column status, Column reason, Column effective) {
    List<Column> out = new ArrayList<>();
    for (String c : ROW.fieldNames()) {
      out.add(col(c));
    }
    out.add(reason.as(REASON));
    out.add(effective.as(EFFECTIVE_DATE));
    out.add(status.as(STATUS));
    return out.toArray(new Column[0]);
  }

  /**
   * The version of each key to offer to core, all files in one pass: among accepted and
   * released rows, the latest {@code updated_at}, then the later extract, then the later line
   * ({@link LatestVersions}). Materialized: each file's MERGE reads it twice.
   */
  public Dataset<Row> latest(Dataset<Row> classified) {
    return Lineage.cut(classified
        .where(col(STATUS).isin(Status.ACCEPTED.name(), Status.ORPHAN_RELEASED.name()))
        .select(col(RawReader.FILE), col(KEY), col(RawReader.EXTRACT_DATE), col(RawReader.LINE), col(VALUES),
            col(EFFECTIVE_DATE))
        .repartition(col(RawReader.FILE), col(KEY))
        .sortWithinPartitions(RawReader.FILE, KEY)
        .mapPartitions(new LatestVersions(contract), Encoders.row(LatestVersions.LATEST)));
  }

  /** The tables with a version in {@link #latest}: one small job, where asking each table's versions took one each. */
  public static Set<String> tables(Dataset<Row> latest) {
    Set<String> tables = new HashSet<>();
    latest.select(RawReader.FILE).distinct().collectAsList().forEach(r -> tables.add(r.getString(0)));
    return tables;
  }

  /** One file's versions from {@link #latest}, typed as core holds them. */
  public static Dataset<Row> winners(FileSchema f, Dataset<Row> latest, String runId) {
    List<Column> named = new ArrayList<>();
    List<ColumnSpec> columns = f.columns();
    for (int i = 0; i < columns.size(); i++) {
      named.add(col(VALUES).getItem(i).as(columns.get(i).name()));
    }
    named.add(col(RawReader.EXTRACT_DATE));
    named.add(col(RawReader.LINE));
    named.add(col(CoreSchema.FIRST_EXTRACT_DATE));
    List<Column> typed = new ArrayList<>(CoreTyping.columns(f));
    typed.add(col(RawReader.EXTRACT_DATE).as(CoreSchema.EXTRACT_DATE));
    typed.add(col(RawReader.LINE).as(CoreSchema.SOURCE_LINE));
    typed.add(col(CoreSchema.FIRST_EXTRACT_DATE));
    typed.add(lit(runId).as(CoreSchema.RUN_ID));
    return latest.where(col(RawReader.FILE).equalTo(f.table()))
        .select(named.toArray(new Column[0]))
        .select(typed.toArray(new Column[0]));
  }
}
