package hv.core;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import hv.contract.ColumnSpec;
import hv.contract.Contract;
import hv.contract.FileSchema;
import hv.raw.RawReader;
import hv.spark.Lineage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Classifies every row of a batch of extracts (plus the orphans held from earlier runs) and
 * picks the versions that reach {@code core}:
 * <ol>
 *   <li>an exact copy of an earlier row of the same file and extract is a counted duplicate;
 *   <li>a key seen twice in one file with different contents quarantines all those rows;
 *   <li>a row breaking a row rule ({@link RowValidator}) is quarantined with its reason;
 *   <li>a row whose parent is not known by its extract is an orphan: quarantined, held, and
 *       released on the extract date its parent becomes known (this batch or a later run);
 *   <li>the rest are accepted, and the latest {@code updated_at} (then the later extract) of a
 *       key is its winner; the MERGE into core keeps it only if it beats the held version.
 * </ol>
 * Whether a parent is known is decided per extract date, so a catch-up of several nights in
 * one pass classifies every row exactly as one night at a time would.
 */
public final class Conformer {

  public static final String STATUS = "_status";
  public static final String REASON = "_reason";
  /** The extract date from which the row's parents are all known (null: not yet). */
  public static final String EFFECTIVE_DATE = "_effective_date";
  /** True for an orphan held since an earlier run (not part of this batch's counts). */
  public static final String FROM_HELD = "_from_held";

  public enum Status { DUPLICATE, QUARANTINED, ORPHAN_HELD, ORPHAN_RELEASED, ACCEPTED }

  private static final java.sql.Date ALWAYS_KNOWN = java.sql.Date.valueOf("0001-01-01");

  private final Contract contract;

  public Conformer(Contract contract) {
    this.contract = contract;
  }

  /**
   * @param batch     per table, the raw rows of the pending extracts ({@link RawReader} columns)
   * @param held      per table, raw rows of orphans held from earlier runs (same columns)
   * @param coreKeys  per table, the keys held in core (tombstones included) with the
   *                  extract date from which each was known, or null if the table is new
   * @return per table, every row with its {@link #STATUS}, materialized: read it as often as needed
   */
  public Map<String, Dataset<Row>> classify(Map<String, Dataset<Row>> batch, Map<String, Dataset<Row>> held,
                                            Function<String, Dataset<Row>> coreKeys) {
    Map<String, Dataset<Row>> classified = new LinkedHashMap<>();
    Map<String, Dataset<Row>> knownSince = new HashMap<>();
    for (FileSchema f : contract.files()) {
      // materialized with its lineage cut: each child table's plan would otherwise carry every
      // parent's plan, and planning time grows with the depth of the chain
      Dataset<Row> rows = Lineage.cut(classifyRows(f, batch.get(f.table()), held.get(f.table()), knownSince));
      classified.put(f.table(), rows);
      knownSince.put(f.table(), knownSince(f, rows, coreKeys.apply(f.table())));
    }
    return classified;
  }

  private Dataset<Row> classifyRows(FileSchema f, Dataset<Row> batch, Dataset<Row> held,
                                    Map<String, Dataset<Row>> knownSince) {
    String key = f.key();
    Column contents = sha2(to_json(struct(f.columnNames().stream().map(c -> col(c)).toArray(Column[]::new))), 256);
    // The key is a column of the contents, so rows with the same contents have the same key: rows
    // spread by extract date and key hold every copy group and every key whole, and both windows
    // below work on that one shuffle and one sort (partitioned by contents alone, each took its own)
    WindowSpec sameRow = Window.partitionBy(col(RawReader.EXTRACT_DATE), col(key), col("_contents"))
        .orderBy(col(RawReader.LINE));
    Dataset<Row> rows = batch.withColumn(FROM_HELD, lit(false))
        .unionByName(held.withColumn(FROM_HELD, lit(true)))
        .withColumn("_contents", contents)
        .repartition(col(RawReader.EXTRACT_DATE), col(key))
        .withColumn("_copy", when(col(FROM_HELD), lit(1)).otherwise(row_number().over(sameRow)));
    // copies are set aside before the conflict check, so only differing contents conflict
    WindowSpec sameKey = Window.partitionBy(col(RawReader.EXTRACT_DATE), col(key));
    Column firstCopies = when(col("_copy").equalTo(1), col("_contents"));
    rows = rows.withColumn("_conflict", col("_copy").equalTo(1).and(col(key).isNotNull())
        .and(min(firstCopies).over(sameKey).notEqual(max(firstCopies).over(sameKey))));

    RowValidator validator = new RowValidator(contract, f);
    Column reason = coalesce(
        when(col(RawReader.MALFORMED).isNotNull(), lit("MALFORMED_RECORD")),
        validator.reason(),
        when(col("_conflict"), lit("DUPLICATE_KEY_CONFLICT:" + key)));
    rows = rows.withColumn(REASON, when(col("_copy").equalTo(1), reason));

    // the extract date from which each parent reference resolves
    List<Column> parentDates = new ArrayList<>();
    Column orphanColumn = lit(null).cast("string");
    for (ColumnSpec ref : f.parentReferences()) {
      Dataset<Row> parent = knownSince.get(ref.parent())
          .withColumnRenamed("_key", "_pk_" + ref.name())
          .withColumnRenamed("_known_since", "_pk_since_" + ref.name());
      rows = rows.join(parent, col(ref.name()).equalTo(col("_pk_" + ref.name())), "left");
      Column since = col("_pk_since_" + ref.name());
      Column unresolved = col(ref.name()).isNotNull().and(since.isNull());
      parentDates.add(when(col(ref.name()).isNull(), lit(ALWAYS_KNOWN)).otherwise(since));
      orphanColumn = coalesce(orphanColumn, when(unresolved.or(since.gt(col(RawReader.EXTRACT_DATE))), lit(ref.name())));
    }
    parentDates.add(col(RawReader.EXTRACT_DATE));
    // greatest() skips nulls: an unknown parent must leave the row without an effective date
    Column anyUnknown = lit(false);
    for (ColumnSpec ref : f.parentReferences()) {
      anyUnknown = anyUnknown.or(col(ref.name()).isNotNull().and(col("_pk_since_" + ref.name()).isNull()));
    }
    Column effective = when(anyUnknown, lit(null).cast("date")).otherwise(parentDates.size() == 1
        ? parentDates.get(0) : greatest(parentDates.toArray(new Column[0])));
    rows = rows.withColumn(EFFECTIVE_DATE, effective)
        .withColumn(REASON, coalesce(col(REASON), when(col("_copy").equalTo(1).and(orphanColumn.isNotNull()),
            concat(lit("ORPHAN:"), orphanColumn))));

    Column status = when(col("_copy").gt(1), lit(Status.DUPLICATE.name()))
        .when(col(REASON).startsWith("ORPHAN:").and(col(EFFECTIVE_DATE).isNull()), lit(Status.ORPHAN_HELD.name()))
        .when(col(REASON).startsWith("ORPHAN:"), lit(Status.ORPHAN_RELEASED.name()))
        .when(col(REASON).isNotNull(), lit(Status.QUARANTINED.name()))
        .otherwise(lit(Status.ACCEPTED.name()));
    List<Column> out = new ArrayList<>();
    RawReader.columns(f).forEach(c -> out.add(col(c)));
    out.add(col(FROM_HELD));
    out.add(col(REASON));
    out.add(col(EFFECTIVE_DATE));
    out.add(status.as(STATUS));
    return rows.select(out.toArray(new Column[0]));
  }

  /** Keys of a table with the extract date from which they are known: core keys always. */
  private static Dataset<Row> knownSince(FileSchema f, Dataset<Row> classified, Dataset<Row> coreKeys) {
    Dataset<Row> fromBatch = classified
        .where(col(STATUS).isin(Status.ACCEPTED.name(), Status.ORPHAN_RELEASED.name()))
        .select(col(f.key()).as("_key"), col(EFFECTIVE_DATE).as("_known_since"));
    if (coreKeys != null) {
      fromBatch = fromBatch.unionByName(coreKeys.select(col(f.key()).as("_key"),
          col(CoreSchema.FIRST_EXTRACT_DATE).as("_known_since")));
    }
    return fromBatch.groupBy("_key").agg(min("_known_since").as("_known_since"));
  }

  /**
   * The version of each key to offer to core: among accepted and released rows, the latest
   * {@code updated_at}, then the later extract; typed as core holds it.
   */
  public Dataset<Row> winners(FileSchema f, Dataset<Row> classified, String runId) {
    RowValidator validator = new RowValidator(contract, f);
    List<Column> typed = new ArrayList<>(validator.typedColumns());
    typed.add(col(RawReader.EXTRACT_DATE).as(CoreSchema.EXTRACT_DATE));
    typed.add(col(RawReader.LINE).as(CoreSchema.SOURCE_LINE));
    typed.add(min(col(EFFECTIVE_DATE)).over(Window.partitionBy(col(f.key()))).as(CoreSchema.FIRST_EXTRACT_DATE));
    typed.add(lit(runId).as(CoreSchema.RUN_ID));
    WindowSpec latest = Window.partitionBy(col(f.key()))
        .orderBy(col("updated_at").desc(), col(CoreSchema.EXTRACT_DATE).desc(), col(CoreSchema.SOURCE_LINE).desc());
    return classified
        .where(col(STATUS).isin(Status.ACCEPTED.name(), Status.ORPHAN_RELEASED.name()))
        .select(typed.toArray(new Column[0]))
        .withColumn("_rank", row_number().over(latest))
        .where(col("_rank").equalTo(1))
        .drop("_rank");
  }
}
