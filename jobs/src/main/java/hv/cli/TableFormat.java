package hv.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * {@code --format table} is for people: floating-point columns (rates, intervals, p-values) are
 * shown with {@value #DECIMALS} decimals, half up ({@code 0.6667}, not {@code 0.6666666666666666}).
 * CSV, JSON and the exports keep every digit.
 */
final class TableFormat {

  static final int DECIMALS = 4;

  private TableFormat() {}

  static Dataset<Row> rounded(Dataset<Row> result) {
    StructField[] fields = result.schema().fields();
    // positional names first: a join's result may hold two columns of one name
    String[] positional = IntStream.range(0, fields.length).mapToObj(i -> "c" + i).toArray(String[]::new);
    Column[] shown = IntStream.range(0, fields.length)
        .mapToObj(i -> isFloatingPoint(fields[i].dataType())
            ? when(col(positional[i]).isNull(), lit(null)).otherwise(format_string("%." + DECIMALS + "f", col(positional[i])))
            : col(positional[i]))
        .toArray(Column[]::new);
    return result.toDF(positional).select(shown).toDF(result.columns());
  }

  private static boolean isFloatingPoint(DataType type) {
    return type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType);
  }
}
