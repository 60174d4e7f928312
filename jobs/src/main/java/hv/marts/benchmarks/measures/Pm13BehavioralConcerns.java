package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.Measure;
import hv.marts.common.Episodes;
import hv.marts.common.PeriodJoin;
import hv.marts.common.UnitType;
import hv.marts.common.Units;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM13 Behavioral concerns. Unit: home visit.
 *
 * <ul>
 *   <li>Denominator: {@code COMPLETED} visits dated in P, on a day the episode was enrolled,
 *       of episodes whose index child was born on or before the visit date.
 *   <li>Numerator: {@code child_concerns_asked = Y}.
 *   <li>Missing: {@code child_concerns_asked} empty.
 * </ul>
 * Emitted but outside the denominator: visits of PC episodes dated in P that are not
 * completed, fall on a day not enrolled, or precede the index child's birth (or the episode
 * has no index child). The unit carries the episode's index child.
 */
public final class Pm13BehavioralConcerns implements Measure {

  public static final String CODE = "PM13";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Dataset<Row> visits = in.visits()
        .select("visit_id", "enrollment_id", "visit_date", "status", "child_concerns_asked")
        .join(in.episodes(), "enrollment_id");
    Column visitDate = col("visit_date");
    Column completed = col("status").equalTo("COMPLETED");
    Column enrolled = Episodes.enrolledOn(visitDate);
    // no index child: not born by the visit date
    Column childBorn = coalesce(col("birth_date").leq(visitDate), lit(false));
    Column eligible = completed.and(enrolled).and(childBorn);
    Column unasked = col("child_concerns_asked").isNull();
    Column asked = col("child_concerns_asked");
    Dataset<Row> units = PeriodJoin.dayIn(in.periods(), visits, visitDate)
        .withColumn("in_denominator", eligible)
        .withColumn("missing", eligible.and(unasked))
        .withColumn(Units.ACHIEVED, asked)
        .withColumn("note", when(completed.unary_$bang(), lit("visit not completed"))
            .when(enrolled.unary_$bang(), lit("visit on a day the episode was not enrolled"))
            .when(childBorn.unary_$bang(), lit("index child not born by the visit date"))
            .when(unasked, lit("child concerns question not recorded"))
            .when(asked, lit("caregiver asked about concerns with the child"))
            .otherwise(lit("caregiver not asked about concerns with the child")));
    return Units.of(CODE, UnitType.V, units);
  }
}
