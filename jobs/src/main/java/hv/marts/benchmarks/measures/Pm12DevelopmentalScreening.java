package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.Measure;
import hv.marts.common.Episodes;
import hv.marts.common.Evidence;
import hv.marts.common.PeriodJoin;
import hv.marts.common.UnitType;
import hv.marts.common.Units;
import hv.time.Days;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * PM12 Developmental screening. Unit: index child.
 *
 * <ul>
 *   <li>Windows (age, each from {@code birth_date}): 9-month {@code [8 months, 10 months]},
 *       18-month {@code [17 months, 19 months]}, 24/30-month {@code [23 months, 31 months]}.
 *   <li>Denominator: index children with a screening window that ends in P and that were
 *       enrolled on the window's first day and on its last. When two such windows (both
 *       meeting the enrollment condition) end in P, the later one counts.
 *   <li>Numerator: a valid child {@code DEVELOPMENT} screening dated in that window.
 *   <li>Missing: no rule.
 * </ul>
 * Emitted but outside the denominator: a window ends in P, but the child was not enrolled on
 * the first and last day of any window ending in P (the latest such window is shown).
 */
public final class Pm12DevelopmentalScreening implements Measure {

  public static final String CODE = "PM12";

  /** A screening window by age: {@code [birth_date + fromMonths, birth_date + toMonths]}. */
  record AgeWindow(String name, int fromMonths, int toMonths) {}

  static final List<AgeWindow> WINDOWS = List.of(
      new AgeWindow("9-month", 8, 10), new AgeWindow("18-month", 17, 19), new AgeWindow("24/30-month", 23, 31));

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Dataset<Row> windows = in.indexChildren()
        .withColumn("_window", explode(array(WINDOWS.stream().map(Pm12DevelopmentalScreening::window)
            .toArray(Column[]::new))))
        .withColumn("window_name", col("_window.name"))
        .withColumn("window_start", col("_window.start"))
        .withColumn("window_end", col("_window.end"));
    // of the windows ending in P, one meeting the enrollment condition wins, then the later one
    Column enrolledOnBothEnds = Episodes.childEnrolledOn(col("window_start"))
        .and(Episodes.childEnrolledOn(col("window_end")));
    Dataset<Row> candidates = PeriodJoin.dayIn(in.periods(), windows, col("window_end"))
        .withColumn("in_denominator", enrolledOnBothEnds)
        .withColumn("_rank", row_number().over(Window.partitionBy(col("period"), col("child_id"))
            .orderBy(col("in_denominator").desc(), col("window_end").desc())))
        .where(col("_rank").equalTo(1))
        .select("period", "enrollment_id", "child_id", "program_id", "in_denominator", "window_name",
            "window_start", "window_end");
    Dataset<Row> screenings = Evidence.rows(in.screenings().where(col("domain").equalTo("DEVELOPMENT")),
        "screening_date", "screening_id");
    Dataset<Row> units = Evidence.first(candidates, UnitType.IC, screenings,
        Evidence.childRowOf(col("child_id")).and(Evidence.datedIn(col("window_start"), col("window_end"))));
    Column screened = col("evidence_id").isNotNull();
    return Units.of(CODE, UnitType.IC, units
        .withColumn(Units.ACHIEVED, screened)
        .withColumn("note", when(col("in_denominator").unary_$bang(),
                lit("not enrolled on the first and last day of a screening window ending in the period"))
            .otherwise(concat(when(screened, lit("valid")).otherwise(lit("no valid")),
                lit(" developmental screening in the "), col("window_name"), lit(" window")))));
  }

  private static Column window(AgeWindow w) {
    Column birth = col("birth_date");
    return struct(lit(w.name()).as("name"), Days.plusMonths(birth, w.fromMonths()).as("start"),
        Days.plusMonths(birth, w.toMonths()).as("end"));
  }
}
