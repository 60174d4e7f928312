package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
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
import hv.time.Periods;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM07 Safe sleep. Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children active in P who are under 1 year old
 *       ({@code d < birth_date + 12 months}) on some day d of P while enrolled; those days
 *       form the window {@code [max(P.start, child_enrollment_date), min(P.end, effective exit,
 *       birth_date + 12 months − 1 day)]}.
 *   <li>Numerator: on the latest day of the window on which all three of
 *       {@code SLEEP_ON_BACK_ALWAYS}, {@code BED_SHARING}, {@code SOFT_BEDDING} were answered
 *       for the child: {@code SLEEP_ON_BACK_ALWAYS = Y}, {@code BED_SHARING = N},
 *       {@code SOFT_BEDDING = N}.
 *   <li>Missing: no such day in the window.
 * </ul>
 * Evidence: that day and the three answers' ids ({@code ;}-joined).
 */
public final class Pm07SafeSleep implements Measure {

  public static final String CODE = "PM07";
  static final List<String> ITEMS = List.of("SLEEP_ON_BACK_ALWAYS", "BED_SHARING", "SOFT_BEDDING");

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Column firstDay = greatest(col(Periods.START), col("child_enrollment_date"));
    Column lastDayUnderOne = Days.plusDays(Days.plusMonths(col("birth_date"), 12), -1);
    Column lastDay = Days.earlierEnd(Days.earlierEnd(col(Periods.END), col(Episodes.CHILD_EXIT)), lastDayUnderOne);
    Dataset<Row> candidates = PeriodJoin.where(in.periods(), in.indexChildren(), Days.nonEmpty(firstDay, lastDay))
        .withColumn("window_start", firstDay)
        .withColumn("window_end", lastDay)
        .withColumn("in_denominator", lit(true))
        .select("period", "enrollment_id", "child_id", "program_id", "in_denominator", "window_start", "window_end");
    Dataset<Row> units = Evidence.latest(candidates, UnitType.IC, answeredDays(in.answers()),
        Evidence.childRowOf(col("child_id")).and(Evidence.datedIn(col("window_start"), col("window_end"))));
    Column unanswered = col("evidence_id").isNull();
    Column safe = col("ev_safe");
    return Units.of(CODE, UnitType.IC, units
        .withColumn("missing", unanswered)
        .withColumn(Units.ACHIEVED, safe)
        .withColumn("note", when(unanswered, lit("no day with all three sleep items answered while under 1 and enrolled"))
            .when(safe, lit("latest fully answered day: back, no bed sharing, no soft bedding"))
            .otherwise(lit("latest fully answered day: not all three safe"))));
  }

  /**
   * Per child and day on which all three items were answered: whether the answers are the
   * safe ones, and their ids. (Standing answers; should a child's item carry answers of two
   * episodes on one day, the greatest assessment_id decides, as for duplicates.)
   */
  private static Dataset<Row> answeredDays(Dataset<Row> answers) {
    List<Column> perItem = new ArrayList<>();
    for (String item : ITEMS) {
      perItem.add(max(when(col("item").equalTo(item), struct(col("assessment_id"), col("value")))).as(item));
    }
    Dataset<Row> days = answers
        .where(col("child_id").isNotNull().and(col("item").isin(ITEMS.toArray())))
        .groupBy("child_id", "assessment_date")
        .agg(max("enrollment_id").as("enrollment_id"), perItem.toArray(Column[]::new))
        .where(col(ITEMS.get(0)).isNotNull().and(col(ITEMS.get(1)).isNotNull()).and(col(ITEMS.get(2)).isNotNull()))
        .withColumn("safe", col("SLEEP_ON_BACK_ALWAYS.value").equalTo("Y")
            .and(col("BED_SHARING.value").equalTo("N"))
            .and(col("SOFT_BEDDING.value").equalTo("N")))
        .withColumn("answer_ids", concat_ws(";", col("SLEEP_ON_BACK_ALWAYS.assessment_id"),
            col("BED_SHARING.assessment_id"), col("SOFT_BEDDING.assessment_id")));
    return Evidence.rows(days, "assessment_date", "answer_ids", "safe");
  }
}
