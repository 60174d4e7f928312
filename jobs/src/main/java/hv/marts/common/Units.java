package hv.marts.common;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one shape of a unit row, shared by every measure (and the audit table
 * {@code marts.benchmark_units}). A measure hands over its units with whatever columns of
 * this schema it knows plus {@code achieved} (boolean, or a count); this class fills the
 * rest with nulls and applies the counting rules: a missing unit is never in the
 * denominator, and only a unit in the denominator has a numerator.
 */
public final class Units {

  /** What the unit reached before the denominator rule: true/false, or an event count. */
  public static final String ACHIEVED = "achieved";

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

  public static Dataset<Row> of(String measureCode, UnitType type, Dataset<Row> units) {
    Set<String> present = new HashSet<>(Arrays.asList(units.columns()));
    Column missing = coalesce(given(present, "missing"), lit(false));
    Column inDenominator = coalesce(given(present, "in_denominator"), lit(false)).and(missing.unary_$bang());
    Column achieved = coalesce(col(ACHIEVED).cast(DataTypes.LongType), lit(0L));
    Column[] columns = Arrays.stream(SCHEMA.fields()).map(f -> (switch (f.name()) {
      case "measure_code" -> lit(measureCode);
      case "unit_type" -> lit(type.name());
      case "in_denominator" -> inDenominator;
      case "numerator" -> when(inDenominator, achieved).otherwise(lit(0L));
      case "missing" -> missing;
      default -> given(present, f.name());
    }).cast(f.dataType()).as(f.name())).toArray(Column[]::new);
    return units.select(columns);
  }

  private static Column given(Set<String> present, String name) {
    return present.contains(name) ? col(name) : lit(null);
  }
}
