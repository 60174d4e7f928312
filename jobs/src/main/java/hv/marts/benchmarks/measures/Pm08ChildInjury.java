package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.Measure;
import hv.marts.common.UnitType;
import hv.marts.common.Units;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM08 Child injury: a rate of events per child, not a percentage. Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children active in P.
 *   <li>Numerator: the number of the child's {@code ED_VISIT_INJURY} events dated in P on
 *       days the child was enrolled (each row counts; two on one day count twice).
 *   <li>Missing: no rule.
 * </ul>
 * Evidence: the first such event; the interval of the rate is Poisson (see Intervals).
 */
public final class Pm08ChildInjury implements Measure {

  public static final String CODE = "PM08";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Dataset<Row> units = ChildEventsInPeriod.count(in, "ED_VISIT_INJURY");
    return Units.of(CODE, UnitType.IC, units
        .withColumn(Units.ACHIEVED, col("evidence_count"))
        .withColumn("note", concat(col("evidence_count").cast("string"),
            lit(" injury ED visits in the period while enrolled"))));
  }
}
