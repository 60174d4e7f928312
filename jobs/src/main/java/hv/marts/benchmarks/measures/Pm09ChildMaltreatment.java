package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.Measure;
import hv.marts.common.UnitType;
import hv.marts.common.Units;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM09 Child maltreatment (lower is better). Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children active in P.
 *   <li>Numerator: children with at least one {@code MALTREATMENT_INVESTIGATION} event dated
 *       in P on a day the child was enrolled.
 *   <li>Missing: no rule.
 * </ul>
 * Evidence: the first such event.
 */
public final class Pm09ChildMaltreatment implements Measure {

  public static final String CODE = "PM09";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Column investigated = col("evidence_count").gt(0);
    return Units.of(CODE, UnitType.IC, ChildEventsInPeriod.count(in, "MALTREATMENT_INVESTIGATION")
        .withColumn(Units.ACHIEVED, investigated)
        .withColumn("note", when(investigated, lit("maltreatment investigation in the period while enrolled"))
            .otherwise(lit("no maltreatment investigation in the period while enrolled"))));
  }
}
