package hv.marts.ratecard.outcomes;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import hv.marts.common.Episodes;
import hv.marts.common.Evidence;
import hv.marts.common.PeriodJoin;
import hv.marts.common.UnitType;
import hv.marts.common.Units;
import hv.marts.ratecard.Outcome;
import hv.marts.ratecard.RateCardInputs;
import hv.time.Days;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * RC4 Prenatal and postpartum care. Unit: episode (any caregiver).
 *
 * <ul>
 *   <li>Eligible: episodes with {@code pregnant_at_enrollment = Y},
 *       {@code gestational_weeks_at_enrollment < 32}, a delivery, and {@code delivery + 56 days}
 *       in P (no enrolment condition: the spec sets none).
 *   <li>Achieved: at least 3 caregiver {@code PRENATAL_VISIT} events dated in
 *       {@code [enrollment_date, delivery)}, at least 1 caregiver {@code POSTPARTUM_VISIT} and at
 *       least 1 {@code WELL_CHILD_VISIT} of the index child dated in
 *       {@code [delivery, delivery + 56 days]}.
 * </ul>
 * Window: {@code [enrollment_date, delivery + 56 days]}. Evidence: {@code evidence_id} lists the
 * first three prenatal visits, the first postpartum and the first well-child visit (by date,
 * then id) joined by {@code ;}; {@code evidence_date} is the day all three conditions were met.
 */
public final class Rc4PrenatalPostpartumCare implements Outcome {

  public static final String CODE = "RC4";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Dataset<Row> units(RateCardInputs in) {
    Dataset<Row> delivered = in.episodes()
        .where(Rc2PrenatalEnrollment.enrolledBefore32Weeks().and(col(Episodes.DELIVERY).isNotNull()))
        .withColumn("window_end", Days.plusDays(col(Episodes.DELIVERY), 56));
    Dataset<Row> candidates = PeriodJoin.dayIn(in.periods(), delivered, col("window_end"))
        .withColumn("in_denominator", lit(true))
        .withColumn("window_start", col("enrollment_date"))
        .select("period", "enrollment_id", "child_id", "program_id", "in_denominator", "window_start",
            "window_end", Episodes.DELIVERY);
    Column delivery = col(Episodes.DELIVERY);
    Column afterDelivery = Evidence.datedIn(delivery, col("window_end"));

    Dataset<Row> caregiverEvents = Evidence.rows(
        in.events().where(col("event_type").isin("PRENATAL_VISIT", "POSTPARTUM_VISIT")),
        "event_date", "event_id", "event_type");
    Column prenatal = col("ev_event_type").equalTo("PRENATAL_VISIT")
        .and(col(Evidence.DATE).geq(col("window_start")).and(col(Evidence.DATE).lt(delivery)));
    Column postpartum = col("ev_event_type").equalTo("POSTPARTUM_VISIT").and(afterDelivery);
    Dataset<Row> withCaregiverEvents = Evidence.summarized(candidates, caregiverEvents,
            Evidence.caregiverRowOf(col("enrollment_id")).and(prenatal.or(postpartum)),
            count(when(prenatal, lit(1))).as("prenatal_count"),
            slice(array_sort(collect_list(when(prenatal, event()))), 1, 3).as("first_prenatal"),
            min(when(postpartum, event())).as("first_postpartum"));

    Dataset<Row> wellChildVisits = Evidence.rows(
        in.events().where(col("event_type").equalTo("WELL_CHILD_VISIT")), "event_date", "event_id");
    Dataset<Row> units = Evidence.summarized(withCaregiverEvents, wellChildVisits,
        Evidence.childRowOf(col("child_id")).and(afterDelivery),
        // a unit without a match has one row of nulls: no struct of nulls for it
        min(when(col(Evidence.ID).isNotNull(), event())).as("first_well_child"));

    Column threePrenatal = col("prenatal_count").geq(3);
    Column postpartumSeen = col("first_postpartum").isNotNull();
    Column wellChildSeen = col("first_well_child").isNotNull();
    Column achieved = threePrenatal.and(postpartumSeen).and(wellChildSeen);
    Column ids = concat_ws(";", col("first_prenatal.id"), col("first_postpartum.id"), col("first_well_child.id"));
    Column evidenceIds = when(length(ids).gt(0), ids);
    return Units.of(CODE, UnitType.PC, units
        .withColumn(Units.ACHIEVED, achieved)
        .withColumn("evidence_id", evidenceIds)
        .withColumn("evidence_date", when(achieved, greatest(element_at(col("first_prenatal"), 3).getField("date"),
            col("first_postpartum.date"), col("first_well_child.date"))))
        .withColumn("note", concat_ws(", ",
            concat_ws(" ", col("prenatal_count").cast("string"), lit("prenatal visits before delivery")),
            when(postpartumSeen, lit("postpartum visit")).otherwise(lit("no postpartum visit")),
            when(wellChildSeen, lit("well-child visit")).otherwise(lit("no well-child visit")))));
  }

  /** An event as a struct ordered by date, then id. */
  private static Column event() {
    return struct(col(Evidence.DATE).as("date"), col(Evidence.ID).as("id"));
  }
}
