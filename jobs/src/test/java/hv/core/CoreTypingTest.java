package hv.core;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hv.TestSpark;
import hv.contract.Contract;
import hv.contract.FileSchema;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Core holds each value the rules kept as Spark itself reads it, and a timestamp without seconds at :00. */
class CoreTypingTest {

  private static final FileSchema HOME_VISITS = Contract.get().file("home_visits");

  @Test
  void aTimestampIsTheInstantSparksCastReadsAndWithoutSecondsItIsReadAtZeroSeconds() {
    String[] withSeconds = {"2026-01-01T10:00:00Z", "2026-01-01T10:00:00+0530", "2026-01-01T10:00:00-05:00",
        "2026-01-01T10:00:00+18:00", "2026-01-01T10:00:00.1Z", "2026-01-01T10:00:00.123456Z",
        "2026-01-01T10:00:00.1234569Z", "2100-12-31T23:59:59.999999999Z", "1900-01-01T00:30:00+01:00",
        "2024-02-29T23:59:59-01:00"};
    List<Row> typed = typed("updated_at", withSeconds);
    List<Row> spark = TestSpark.session().createDataFrame(values(withSeconds), schema())
        .select(col("v").cast("timestamp")).collectAsList();
    assertEquals(spark, typed);

    List<Row> withoutSeconds = typed("updated_at", "2026-11-21T23:04Z", "2026-11-21T23:04+01:00");
    assertEquals(List.of(RowFactory.create(Timestamp.from(Instant.parse("2026-11-21T23:04:00Z"))),
        RowFactory.create(Timestamp.from(Instant.parse("2026-11-21T22:04:00Z")))), withoutSeconds);
  }

  @Test
  void aDateIsTheDayAsWritten() {
    assertEquals(List.of(RowFactory.create(Date.valueOf("2024-02-29")), RowFactory.create(Date.valueOf("1900-01-01")),
        RowFactory.create((Object) null)), typed("visit_date", "2024-02-29", "1900-01-01", null));
  }

  /** The typed column of home_visits rows that hold only these values in it. */
  private static List<Row> typed(String column, String... values) {
    StructType schema = new StructType(HOME_VISITS.columnNames().stream()
        .map(c -> DataTypes.createStructField(c, DataTypes.StringType, true)).toArray(StructField[]::new));
    List<Row> rows = new ArrayList<>();
    for (String v : values) {
      Object[] cells = new Object[HOME_VISITS.columnNames().size()];
      cells[HOME_VISITS.columnNames().indexOf(column)] = v;
      rows.add(RowFactory.create(cells));
    }
    Dataset<Row> typed = TestSpark.session().createDataFrame(rows, schema)
        .select(CoreTyping.columns(HOME_VISITS).toArray(Column[]::new));
    return typed.select(column).collectAsList();
  }

  private static List<Row> values(String... values) {
    List<Row> rows = new ArrayList<>();
    for (String v : values) {
      rows.add(RowFactory.create(v));
    }
    return rows;
  }

  private static StructType schema() {
    return new StructType().add("v", DataTypes.StringType);
  }
}
