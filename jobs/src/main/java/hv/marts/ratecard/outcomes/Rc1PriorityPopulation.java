package hv.marts.ratecard.outcomes;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;

import hv.marts.common.UnitType;
import hv.marts.common.Units;
import hv.marts.ratecard.Outcome;
import hv.marts.ratecard.RateCardInputs;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * RC1 Priority population enrollment. Unit: episode (any caregiver).
 *
 * <ul>
 *   <li>Eligible: episodes with {@code enrollment_date} in P.
 *   <li>Achieved: the caregiver's {@code race} as currently recorded includes {@code BLACK}
 *       or {@code AIAN}, or {@code hispanic_origin = PUERTO_RICAN}, or
 *       {@code age_at_enrollment < 20}.
 * </ul>
 * Evidence: {@code evidence_id} is the caregiver whose record decided, the note names every
 * criterion met.
 */
public final class Rc1PriorityPopulation implements Outcome {

  public static final String CODE = "RC1";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(RateCardInputs in) {
    Column raceCodes = split(coalesce(col("race"), lit("")), ";");
    Column black = array_contains(raceCodes, "BLACK");
    Column aian = array_contains(raceCodes, "AIAN");
    Column puertoRican = coalesce(col("hispanic_origin").equalTo("PUERTO_RICAN"), lit(false));
    Column young = col("age_at_enrollment").lt(20);
    Column criteria = concat_ws(", ",
        when(black, lit("race BLACK")), when(aian, lit("race AIAN")),
        when(puertoRican, lit("hispanic origin PUERTO_RICAN")),
        when(young, concat(lit("age at enrollment "), col("age_at_enrollment").cast("string"))));
    Column achieved = black.or(aian).or(puertoRican).or(young);
    return Units.of(CODE, UnitType.PC, EnrolledInPeriod.of(in.periods(), in.episodes())
        .withColumn(Units.ACHIEVED, achieved)
        .withColumn("evidence_date", col("enrollment_date"))
        .withColumn("evidence_id", col("caregiver_id"))
        .withColumn("note", when(achieved, concat(lit("priority population: "), criteria))
            .otherwise(lit("not a priority population"))));
  }
}
