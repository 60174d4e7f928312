package hv.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.GeneratedWarehouse;
import hv.core.CoreTables;
import hv.spark.Warehouse;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Spans as the published units show them (issue #24), over the generated warehouse, whose
 * families include children enrolled after their episode ended: no counted unit has a window
 * whose start is after its end, no such child is a counted unit (but of PM01), and a child
 * unit whose window is the child's enrolled days lies within its episode's span.
 */
class ChildSpanInvariantTest {

  /** The child measures whose window is the days of P on which the child was enrolled. */
  private static final Object[] ENROLLED_DAY_WINDOWS = {"PM07", "PM08", "PM09", "PM11"};

  /**
   * PM01's unit is a birth, with no enrolment condition on the birth day (measures.md, "Common
   * terms"): a child born after its caregiver exited counts there and nowhere else.
   */
  private static final String NO_ENROLMENT_CONDITION = "PM01";

  private static final Column COUNTED = col("in_denominator").or(col("missing"));

  @Test
  void noCountedUnitHasAnInvertedWindow() {
    Warehouse wh = GeneratedWarehouse.get();
    assertNoInvertedWindow(wh.read("marts", "benchmark_units").where(COUNTED), "benchmark_units");
    assertNoInvertedWindow(wh.read("marts", "ratecard_units").where(col("eligible")), "ratecard_units");
  }

  private static void assertNoInvertedWindow(Dataset<Row> counted, String mart) {
    assertTrue(counted.count() > 0, mart + " has counted units");
    assertEquals(0, counted.where(col("window_start").gt(col("window_end"))).count(),
        mart + ": counted units with window_start after window_end");
  }

  @Test
  void childUnitsLieWithinTheirEpisode() {
    Warehouse wh = GeneratedWarehouse.get();
    CoreTables core = CoreTables.fromWarehouse(wh);
    Dataset<Row> episodes = core.enrollments().select(col("enrollment_id"), col("enrollment_date"),
        coalesce(col("exit_date"), lit(GeneratedWarehouse.AS_OF)).as("episode_end"));
    Dataset<Row> joinedLate = core.children().join(episodes, "enrollment_id")
        .where(col("child_enrollment_date").gt(col("episode_end")));
    assertTrue(joinedLate.count() > 0, "the generated families include children enrolled after their episode ended");

    Dataset<Row> childUnits = wh.read("marts", "benchmark_units")
        .where(col("unit_type").equalTo("IC").and(COUNTED).and(col("measure_code").notEqual(NO_ENROLMENT_CONDITION)))
        .join(episodes, "enrollment_id");
    assertTrue(childUnits.count() > 0, "counted child units");
    assertEquals(0, childUnits.join(joinedLate.select("child_id"), "child_id").count(),
        "counted units of children enrolled after their episode ended");
    Dataset<Row> enrolledDays = childUnits.where(col("measure_code").isin(ENROLLED_DAY_WINDOWS));
    assertTrue(enrolledDays.count() > 0, "counted units of PM07, PM08, PM09, PM11");
    assertEquals(0, enrolledDays.where(col("window_start").lt(col("enrollment_date"))
        .or(col("window_end").gt(col("episode_end")))).count(),
        "windows of enrolled days outside the episode's span");
  }
}
