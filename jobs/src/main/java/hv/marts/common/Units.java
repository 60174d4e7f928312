package hv.marts.common;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one shape of a unit row, shared by every measure and outcome (and the audit table
 * {@code marts.benchmark_units}): a {@link hv.measures.Unit} as Spark holds it.
 */
public final class Units {

  public static final StructType SCHEMA = new StructType(new StructField[] {
      field("period", DataTypes.StringType),
      field("measure_code", DataTypes.StringType),
      field("unit_type", DataTypes.StringType),
      field("enrollment_id", DataTypes.StringType),
      field("child_id", DataTypes.StringType),
      field("visit_id", DataTypes.StringType),
      field("program_id", DataTypes.StringType),
      field("in_denominator", DataTypes.BooleanType),
      field("numerator", DataTypes.LongType),
      field("missing", DataTypes.BooleanType),
      field("window_start", DataTypes.DateType),
      field("window_end", DataTypes.DateType),
      field("evidence_date", DataTypes.DateType),
      field("evidence_id", DataTypes.StringType),
      field("note", DataTypes.StringType),
  });

  private Units() {}

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }
}
