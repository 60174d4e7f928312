package hv.marts.benchmarks.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import hv.marts.benchmarks.BenchmarkInputs;
import hv.marts.benchmarks.IndexChildPeriods;
import hv.marts.benchmarks.Measure;
import hv.marts.common.Evidence;
import hv.marts.common.UnitType;
import hv.marts.common.Units;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PM11 Early language and literacy. Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children active in P.
 *   <li>Numerator: the latest {@code READ_TELL_SING_DAYS} answer for the child dated in P on
 *       a day it was enrolled is 7.
 *   <li>Missing: no {@code READ_TELL_SING_DAYS} answer for the child dated in P on a day it
 *       was enrolled.
 * </ul>
 * Evidence: that latest answer (latest date, then greatest assessment_id).
 */
public final class Pm11EarlyLanguageLiteracy implements Measure {

  public static final String CODE = "PM11";
  public static final int EVERY_DAY_OF_THE_WEEK = 7;

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(BenchmarkInputs in) {
    Dataset<Row> answers = Evidence.rows(in.answers().where(col("item").equalTo("READ_TELL_SING_DAYS")),
        "assessment_date", "assessment_id", "value");
    Dataset<Row> units = Evidence.latest(IndexChildPeriods.active(in), UnitType.IC, answers,
        Evidence.childRowOf(col("child_id")).and(Evidence.datedIn(col("window_start"), col("window_end"))));
    Column unanswered = col("evidence_id").isNull();
    Column everyDay = col("ev_value").cast("int").equalTo(EVERY_DAY_OF_THE_WEEK);
    return Units.of(CODE, UnitType.IC, units
        .withColumn("missing", unanswered)
        .withColumn(Units.ACHIEVED, everyDay)
        .withColumn("note", when(unanswered, lit("no read/tell/sing answer in the period while enrolled"))
            .when(everyDay, lit("latest read/tell/sing answer is 7 days"))
            .otherwise(lit("latest read/tell/sing answer is under 7 days"))));
  }
}
