package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.Measure;
import hv.marts.common.Episodes;
import hv.marts.common.Evidence;
import hv.marts.common.PeriodJoin;
import hv.marts.common.UnitType;
import hv.marts.common.Units;
import hv.time.Days;
import hv.time.Periods;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM04 Well-child visit. Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children active in P that have a last recommended visit: with
 *       reference day {@code r = min(P.end, the child's effective exit)}, the visit due at
 *       age {@code a} (5 days; 1, 2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60 months) has due
 *       day {@code u = birth_date + a} and window {@code [u − 14 days, u + 60 days]}; the last
 *       recommended visit is the one with the latest due day whose window ends on or before
 *       {@code r}.
 *   <li>Numerator: a {@code WELL_CHILD_VISIT} event of the child dated in that window.
 *   <li>Missing: no rule.
 * </ul>
 * Emitted but outside the denominator: active in P with no visit window ended by {@code r}.
 */
public final class Pm04WellChildVisit implements Measure {

  public static final String CODE = "PM04";
  public static final int DUE_DAYS_FIRST_VISIT = 5;
  public static final List<Integer> DUE_MONTHS = List.of(1, 2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60);

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Column reference = Days.earlierEnd(col(Periods.END), col(Episodes.CHILD_EXIT));
    // due days grow with age, so the latest due day whose window has ended is the max of those
    Column lastDue = array_max(filter(dueDays(col("birth_date")), u -> Days.plusDays(u, 60).leq(reference)));
    Dataset<Row> candidates = PeriodJoin.where(in.periods(), in.indexChildren(),
            Episodes.childActiveIn(col(Periods.START), col(Periods.END)))
        .withColumn("due_day", lastDue)
        .withColumn("in_denominator", col("due_day").isNotNull())
        .withColumn("window_start", Days.plusDays(col("due_day"), -14))
        .withColumn("window_end", Days.plusDays(col("due_day"), 60))
        .select("period", "enrollment_id", "child_id", "program_id", "in_denominator", "window_start", "window_end");
    Dataset<Row> visits = Evidence.rows(in.events().where(col("event_type").equalTo("WELL_CHILD_VISIT")),
        "event_date", "event_id");
    Dataset<Row> units = Evidence.first(candidates, UnitType.IC, visits,
        Evidence.childRowOf(col("child_id")).and(Evidence.datedIn(col("window_start"), col("window_end"))));
    Column visited = col("evidence_id").isNotNull();
    return Units.of(CODE, UnitType.IC, units
        .withColumn(Units.ACHIEVED, visited)
        .withColumn("note", when(col("in_denominator").unary_$bang(), lit("no recommended visit window ended yet"))
            .when(visited, lit("well-child visit in the last recommended window"))
            .otherwise(lit("no well-child visit in the last recommended window"))));
  }

  private static Column dueDays(Column birth) {
    List<Column> dues = new ArrayList<>(List.of(Days.plusDays(birth, DUE_DAYS_FIRST_VISIT)));
    DUE_MONTHS.forEach(m -> dues.add(Days.plusMonths(birth, m)));
    return array(dues.toArray(Column[]::new));
  }
}
