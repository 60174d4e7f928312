package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM02 Breastfeeding. Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children of episodes with a delivery (so enrolled prenatally)
 *       whose 6-month birthday {@code s = birth_date + 6 months} is in P and who (the
 *       children) are enrolled on {@code s}.
 *   <li>Numerator: the {@code BREASTFEEDING_ANY} answer for the child in
 *       {@code [s − 30 days, s + 30 days]} nearest to {@code s} (on a tie, the later one) is
 *       {@code Y}.
 *   <li>Missing: no such answer in that window.
 * </ul>
 * Emitted but outside the denominator: 6-month birthday in P, child not enrolled on it.
 */
public final class Pm02Breastfeeding implements Measure {

  public static final String CODE = "PM02";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Column s = col("six_months");
    Dataset<Row> children = in.indexChildren()
        .where(col(Episodes.DELIVERY).isNotNull())
        .withColumn("six_months", Days.plusMonths(col("birth_date"), 6));
    Dataset<Row> candidates = PeriodJoin.dayIn(in.periods(), children, s)
        .withColumn("in_denominator", Episodes.childEnrolledOn(s))
        .withColumn("window_start", Days.plusDays(s, -30))
        .withColumn("window_end", Days.plusDays(s, 30))
        .select("period", "enrollment_id", "child_id", "program_id", "six_months", "in_denominator",
            "window_start", "window_end");
    Dataset<Row> answers = Evidence.rows(in.answers().where(col("item").equalTo("BREASTFEEDING_ANY")),
        "assessment_date", "assessment_id", "value");
    Column distance = abs(datediff(col(Evidence.DATE), s));
    Dataset<Row> nearest = Evidence.pick(candidates, UnitType.IC, answers,
        Evidence.childRowOf(col("child_id")).and(Evidence.datedIn(col("window_start"), col("window_end"))),
        distance.asc_nulls_last(), col(Evidence.DATE).desc_nulls_last(), col(Evidence.ID).desc_nulls_last());
    Column unanswered = col("evidence_id").isNull();
    Column breastfed = col("ev_value").equalTo("Y");
    return Units.of(CODE, UnitType.IC, nearest
        .withColumn("missing", col("in_denominator").and(unanswered))
        .withColumn(Units.ACHIEVED, breastfed)
        .withColumn("note", when(col("in_denominator").unary_$bang(), lit("child not enrolled on 6-month birthday"))
            .when(unanswered, lit("no breastfeeding answer within 30 days of 6-month birthday"))
            .when(breastfed, lit("nearest breastfeeding answer is Y"))
            .otherwise(lit("nearest breastfeeding answer is N"))));
  }
}
