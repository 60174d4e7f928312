package hv.ops;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The shapes of the {@code ops} tables: the audit trail of every night. */
public final class OpsTables {

  private OpsTables() {}

  /** Per run, extract and file: rows read = accepted + quarantined + duplicates. */
  public static final StructType INGEST_LOG = new StructType()
      .add("run_id", DataTypes.StringType)
      .add("extract_date", DataTypes.DateType)
      .add("file", DataTypes.StringType)
      .add("rows_read", DataTypes.LongType)
      .add("accepted", DataTypes.LongType)
      .add("quarantined", DataTypes.LongType)
      .add("duplicates", DataTypes.LongType)
      .add("orphans_released", DataTypes.LongType)
      .add("status", DataTypes.StringType)
      .add("logged_at", DataTypes.TimestampType);

  /** Every quarantined row, verbatim (as JSON of its text fields), with its reason. */
  public static final StructType QUARANTINE = new StructType()
      .add("run_id", DataTypes.StringType)
      .add("extract_date", DataTypes.DateType)
      .add("file", DataTypes.StringType)
      .add("line", DataTypes.LongType)
      .add("record_key", DataTypes.StringType)
      .add("reason", DataTypes.StringType)
      .add("column", DataTypes.StringType)
      .add("row_json", DataTypes.StringType);

  /** Every orphan ever held, and when it was released into core. */
  public static final StructType ORPHANS = new StructType()
      .add("extract_date", DataTypes.DateType)
      .add("file", DataTypes.StringType)
      .add("line", DataTypes.LongType)
      .add("record_key", DataTypes.StringType)
      .add("reference", DataTypes.StringType)
      .add("row_json", DataTypes.StringType)
      .add("released_run_id", DataTypes.StringType)
      .add("released_extract_date", DataTypes.DateType);

  /** Per run, every inbox folder not read because its name is not an extract date. */
  public static final StructType SKIPPED_FOLDERS = new StructType()
      .add("run_id", DataTypes.StringType)
      .add("folder", DataTypes.StringType)
      .add("reason", DataTypes.StringType)
      .add("logged_at", DataTypes.TimestampType);

  /** One row per nightly run that completed: what it applied and what it published. */
  public static final StructType RUNS = new StructType()
      .add("run_id", DataTypes.StringType)
      .add("started_at", DataTypes.TimestampType)
      .add("finished_at", DataTypes.TimestampType)
      .add("as_of", DataTypes.DateType)
      .add("extracts_applied", DataTypes.createArrayType(DataTypes.DateType))
      .add("last_extract_date", DataTypes.DateType)
      .add("marts_rebuilt", DataTypes.BooleanType)
      .add("stage_seconds", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType));
}
