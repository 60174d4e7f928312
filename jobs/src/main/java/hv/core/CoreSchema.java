package hv.core;

import hv.contract.ColumnSpec;
import hv.contract.FileSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The typed shape of a {@code core} table: the contract's columns with their types (Y/N as
 * boolean, {@code deleted} false when empty), then the lineage of the version held.
 */
public final class CoreSchema {

  /** Extract the held version came from. */
  public static final String EXTRACT_DATE = "_extract_date";
  /** Line of that version in its file (header = line 1). */
  public static final String SOURCE_LINE = "_source_line";
  /** The first extract from which the key was known: orphans in a re-run resolve against it. */
  public static final String FIRST_EXTRACT_DATE = "_first_extract_date";
  /** The nightly run that applied it. */
  public static final String RUN_ID = "_run_id";

  private CoreSchema() {}

  public static StructType of(FileSchema file) {
    List<StructField> fields = new ArrayList<>();
    for (ColumnSpec c : file.columns()) {
      fields.add(DataTypes.createStructField(c.name(), c.sparkType(), true));
    }
    fields.add(DataTypes.createStructField(EXTRACT_DATE, DataTypes.DateType, true));
    fields.add(DataTypes.createStructField(SOURCE_LINE, DataTypes.LongType, true));
    fields.add(DataTypes.createStructField(FIRST_EXTRACT_DATE, DataTypes.DateType, true));
    fields.add(DataTypes.createStructField(RUN_ID, DataTypes.StringType, true));
    return DataTypes.createStructType(fields);
  }
}
