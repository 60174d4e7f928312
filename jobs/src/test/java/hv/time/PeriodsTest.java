package hv.time;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hv.TestSpark;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PeriodsTest {

  private final SparkSession spark = TestSpark.session();

  private Dataset<Row> enrollments(String... dates) {
    StructType schema = new StructType().add("enrollment_date", DataTypes.DateType);
    return spark.createDataFrame(
        java.util.Arrays.stream(dates).map(d -> RowFactory.create(Date.valueOf(d))).toList(), schema);
  }

  /** The run's periods of one kind as the night builds them: from the rows' earliest enrollment_date. */
  private static Dataset<Row> ofRun(FiscalYear kind, Dataset<Row> enrollments, LocalDate asOf) {
    return Periods.of(enrollments.sparkSession(), Period.ofRun(kind, Periods.earliestEnrollment(enrollments), asOf));
  }

  private static Map<String, String> periods(Dataset<Row> periods) {
    Map<String, String> byName = new TreeMap<>();
    for (Row r : periods.collectAsList()) {
      byName.put(r.getString(0), r.getDate(1) + ".." + r.getDate(2));
    }
    return byName;
  }

  @Test
  void federalYearsFromTheEarliestEnrollmentCumulativeQuartersAndYearToDate() {
    Map<String, String> got = periods(ofRun(FiscalYear.FFY, enrollments("2025-03-01", "2024-11-15"),
        LocalDate.parse("2026-04-15")));
    assertEquals(new TreeMap<>(Map.of(
        "FFY2025-Q1", "2024-10-01..2024-12-31",
        "FFY2025-Q2", "2024-10-01..2025-03-31",
        "FFY2025-Q3", "2024-10-01..2025-06-30",
        "FFY2025", "2024-10-01..2025-09-30",
        "FFY2026-Q1", "2025-10-01..2025-12-31",
        "FFY2026-Q2", "2025-10-01..2026-03-31",
        "FFY2026-YTD", "2025-10-01..2026-04-15")), got);
  }

  @Test
  void stateYearsWithQuartersHalvesAndYearToDateAlsoOnTheYearsLastDay() {
    Map<String, String> got = periods(ofRun(FiscalYear.SFY, enrollments("2025-07-01"),
        LocalDate.parse("2026-06-30")));
    assertEquals(new TreeMap<>(Map.of(
        "SFY2026-Q1", "2025-07-01..2025-09-30",
        "SFY2026-Q2", "2025-10-01..2025-12-31",
        "SFY2026-Q3", "2026-01-01..2026-03-31",
        "SFY2026-Q4", "2026-04-01..2026-06-30",
        "SFY2026-H1", "2025-07-01..2025-12-31",
        "SFY2026-H2", "2026-01-01..2026-06-30",
        "SFY2026", "2025-07-01..2026-06-30",
        "SFY2026-YTD", "2025-07-01..2026-06-30")), got);
  }

  @Test
  void noEnrollmentsNoPeriods() {
    assertEquals(Map.of(), periods(ofRun(FiscalYear.FFY, enrollments(), LocalDate.parse("2026-04-15"))));
  }

  @Test
  void theColumnsTakeNamesApartAsPeriodNameDoes() {
    List<Row> rows = spark.createDataFrame(
            List.of("SFY2026-H1", "SFY2026", "FFY2026-Q2", "FFY2026-YTD").stream().map(RowFactory::create).toList(),
            new StructType().add(Periods.PERIOD, DataTypes.StringType))
        .select(col(Periods.PERIOD), Periods.nameParts(col(Periods.PERIOD)).as("n"),
            Periods.yearEarlier(col(Periods.PERIOD)).as("earlier"))
        .select(col(Periods.PERIOD), col("n." + Periods.KIND), col("n." + Periods.FISCAL_YEAR), col("n." + Periods.PART),
            col("earlier"))
        .collectAsList();
    Map<String, String> got = new TreeMap<>();
    rows.forEach(r -> got.put(r.getString(0), r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " "
        + r.getString(4)));
    assertEquals(new TreeMap<>(Map.of(
        "SFY2026-H1", "SFY SFY2026 H1 SFY2025-H1",
        "SFY2026", "SFY SFY2026  SFY2025",
        "FFY2026-Q2", "FFY FFY2026 Q2 FFY2025-Q2",
        "FFY2026-YTD", "FFY FFY2026 YTD FFY2025-YTD")), got);
  }
}
