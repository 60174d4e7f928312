package hv.history;

import static hv.SameRows.assertSameRows;
import static org.apache.spark.sql.functions.max;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.GeneratedWarehouse;
import hv.TestSpark;
import hv.spark.Parallel;
import hv.spark.Warehouse;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every night is a version that can be read again, for as long as the configured retention. */
class HistoryTest {

  @Test
  void theEarlierVersionOfAMartReadByVersionAsOfIsWhatTheFirstNightPublished() {
    Warehouse wh = GeneratedWarehouse.get();
    SparkSession spark = wh.spark();
    List<Row> versions = Publications.of(wh, List.of("marts.benchmark_results")).collectAsList();
    Set<String> runIds = wh.read("ops", "runs").select("run_id").collectAsList().stream()
        .map(r -> r.getString(0)).collect(Collectors.toSet());

    assertEquals(2, versions.size(), "two nights, two versions: " + versions);
    Row latest = versions.get(0);
    Row earlier = versions.get(1);
    assertEquals(latest.<Long>getAs("version") - 1, (long) earlier.<Long>getAs("version"));
    assertEquals(Date.valueOf(GeneratedWarehouse.AS_OF), latest.getAs("as_of"));
    assertEquals(Date.valueOf(GeneratedWarehouse.FIRST_AS_OF), earlier.getAs("as_of"));
    assertEquals(runIds, Set.of(latest.<String>getAs("run_id"), earlier.<String>getAs("run_id")),
        "each version names the night (ops.runs) that wrote it");
    assertTrue(latest.<Boolean>getAs("night_completed") && earlier.<Boolean>getAs("night_completed"));

    Dataset<Row> then = spark.sql("select * from marts.benchmark_results VERSION AS OF " + earlier.getAs("version"));
    Dataset<Row> published = spark.read().parquet(GeneratedWarehouse.firstNightBenchmarkResults().toUri().toString());
    assertSameRows(published, then, "the first night's benchmark_results, read again by VERSION AS OF");
    assertEquals(List.of(Date.valueOf(GeneratedWarehouse.FIRST_AS_OF)),
        then.select("as_of").distinct().collectAsList().stream().map(r -> r.getDate(0)).toList(),
        "the version carries the as-of date history lists for it");
    assertTrue(spark.table("marts.benchmark_results").exceptAll(then).count() > 0,
        "the latest publication differs (the second night's as-of date), so the test can tell them apart");

    Dataset<Row> sameByTimestamp = spark.sql("select * from marts.benchmark_results TIMESTAMP AS OF '"
        + earlier.getAs("committed_at") + "'");
    assertSameRows(then, sameByTimestamp, "TIMESTAMP AS OF a version's committed_at, against VERSION AS OF");
  }

  @Test
  void versionsOfIngestTablesNameTheirNightToo() {
    Warehouse wh = GeneratedWarehouse.get();
    Set<String> runIds = wh.read("ops", "runs").select("run_id").collectAsList().stream()
        .map(r -> r.getString(0)).collect(Collectors.toSet());
    List<Row> core = Publications.of(wh, List.of("core.enrollments")).collectAsList();
    assertEquals(runIds, core.stream().map(r -> r.<String>getAs("run_id")).collect(Collectors.toSet()));
  }

  @Test
  void everyTableKeepsAtLeastSevenYearsAndVacuumBelowThatIsRefused() {
    Warehouse wh = GeneratedWarehouse.get();
    SparkSession spark = wh.spark();
    for (String property : Retention.PROPERTIES) {
      Matcher days = Pattern.compile("interval (\\d+) days").matcher(Retention.configured(spark, property));
      assertTrue(days.matches() && Long.parseLong(days.group(1)) >= 7 * 365 + 1, property + ": 7 years at least");
    }
    int tables = 0;
    for (String schema : Warehouse.SCHEMAS) {
      for (String table : wh.tables(schema)) {
        Map<String, String> properties = properties(wh, schema, table);
        for (String property : Retention.PROPERTIES) {
          assertEquals(Retention.configured(spark, property), properties.get(property), schema + "." + table);
        }
        tables++;
      }
    }
    assertTrue(tables > 20, "raw, core, ops and marts tables: " + tables);
    assertThrows(IllegalArgumentException.class,
        () -> spark.sql("VACUUM marts.ratecard_payments RETAIN 0 HOURS DRY RUN"));
  }

  @Test
  void aTableMadeWithoutTheRetentionGetsItOnceAndThenNoMoreCommits(@TempDir Path tmp) {
    Warehouse wh = new Warehouse(TestSpark.session(), tmp);
    SparkSession spark = wh.spark();
    String legacy = "delta.`" + wh.location("ops", "legacy") + "`";
    spark.range(3).write().format("delta").save(wh.location("ops", "legacy"));
    spark.sql("ALTER TABLE " + legacy + " UNSET TBLPROPERTIES ('delta.logRetentionDuration', "
        + "'delta.deletedFileRetentionDuration')");
    assertNotEquals(Retention.configured(spark, "delta.logRetentionDuration"),
        properties(wh, "ops", "legacy").get("delta.logRetentionDuration"));

    try (Parallel parallel = new Parallel(2)) {
      assertEquals(List.of("ops.legacy"), Retention.apply(wh, parallel));
      for (String property : Retention.PROPERTIES) {
        assertEquals(Retention.configured(spark, property), properties(wh, "ops", "legacy").get(property));
      }
      long version = latestVersion(spark, legacy);
      assertEquals(List.of(), Retention.apply(wh, parallel), "nothing left to set");
      assertEquals(version, latestVersion(spark, legacy), "no commit when the retention is already set");
    }
  }

  private static long latestVersion(SparkSession spark, String table) {
    return spark.sql("DESCRIBE HISTORY " + table).agg(max("version")).first().getLong(0);
  }

  private static Map<String, String> properties(Warehouse wh, String schema, String table) {
    Row detail = wh.spark().sql("DESCRIBE DETAIL delta.`" + wh.location(schema, table) + "`").first();
    return detail.getJavaMap(detail.fieldIndex("properties"));
  }
}
