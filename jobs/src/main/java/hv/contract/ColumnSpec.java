package hv.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * One column of an extract file, as {@code schemas/files/*.json} states it.
 *
 * @param type     id, text, yn, code, codes (';'-separated), int, decimal, date, timestamp
 * @param future   for dates: may lie after the extract date (contract and hiring dates)
 * @param parent   the table whose key this column references (checked when non-empty)
 * @param valueOf  the column whose value selects this column's rule (assessments.value by item)
 * @param maxLength most characters a value may have; null: its type's limit ({@link Contract#maxLength})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ColumnSpec(String name, String type, boolean required, List<String> codes,
                         Double min, Double max, Integer scale, String parent, boolean future,
                         String valueOf, Integer maxLength) implements java.io.Serializable {

  public DataType sparkType() {
    return switch (type) {
      case "yn" -> DataTypes.BooleanType;
      case "int" -> DataTypes.IntegerType;
      case "decimal" -> DataTypes.createDecimalType(18, scale == null ? 6 : scale);
      case "date" -> DataTypes.DateType;
      case "timestamp" -> DataTypes.TimestampType;
      case "id", "text", "code", "codes" -> DataTypes.StringType;
      default -> throw new IllegalStateException("schemas: unknown column type '" + type + "' of " + name);
    };
  }

  public boolean isDate() {
    return "date".equals(type);
  }
}
