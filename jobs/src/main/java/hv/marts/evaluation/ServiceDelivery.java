package hv.marts.evaluation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import hv.core.CoreTables;
import hv.indicators.CaseloadSlots;
import hv.indicators.Fact.Kind;
import hv.marts.common.Episodes;
import hv.marts.common.ExactSum;
import hv.marts.common.PeriodJoin;
import hv.marts.common.Rollup;
import hv.spark.Lineage;
import hv.time.Days;
import hv.time.FiscalYear;
import hv.time.Periods;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code marts.service_delivery}: the service delivery indicators of measures.md per program,
 * contract and state, in long format. Every indicator is computed for two kinds of frame in
 * one pass: each month-end up to the as-of date ({@code MONTH_END}: the calendar month
 * ending that day; stock indicators on the day) and each SFY period ({@code PERIOD}: stock
 * indicators on the period's last day). Indicators first become fact rows per program
 * ({@link #FACTS}), which roll up to the three levels in one aggregation ({@link #rollUp}).
 * The facts come from {@link #build}'s DataFrame code or from the plain-Java rules of
 * {@link hv.indicators.Indicators} ({@link hv.marts.FamilyPass#serviceDeliveryFacts}), which
 * give the same rows (FamilyPassTest); the DataFrame code goes once the nightly runs the rules.
 */
public record ServiceDelivery(CaseloadSlots slots) {

  /** A fact: one program's part of an indicator in one frame; how it rolls up is its {@link Kind}. */
  public static final StructType FACTS = new StructType()
      .add("period_or_date", DataTypes.StringType)
      .add("frame", DataTypes.StringType)
      .add("frame_start", DataTypes.DateType)
      .add("frame_end", DataTypes.DateType)
      .add("program_id", DataTypes.StringType)
      .add("indicator", DataTypes.StringType)
      .add("kind", DataTypes.StringType)
      .add("num", DataTypes.DoubleType)
      .add("den", DataTypes.DoubleType)
      .add("days", DataTypes.IntegerType);

  private static final String START = Periods.START;
  private static final String END = Periods.END;
  private static final int TIMELY_DAYS = 14;

  public Dataset<Row> build(CoreTables core, LocalDate asOf) {
    Dataset<Row> frames = Lineage.local(frames(core.enrollments(), asOf));
    Dataset<Row> pcEpisodes = Episodes.of(core).where(col("is_primary_caregiver"))
        .select("enrollment_id", "program_id", "referral_date", "consent_date", "enrollment_date", "exit_date",
            "planned_visits_per_month")
        .cache();
    Dataset<Row> visits = core.homeVisits().select("visit_id", "enrollment_id", "visit_date", "status", "created_at");
    Dataset<Row> pcVisits = visits.join(pcEpisodes, "enrollment_id");
    Dataset<Row> allVisits = visits.join(core.enrollments().select("enrollment_id", "program_id"), "enrollment_id");
    Dataset<Row> intake = core.intakeReferrals();

    Dataset<Row> facts = caseload(frames, pcEpisodes, core.staff(), core.programs())
        .unionByName(screeningToConsent(frames, pcEpisodes, intake))
        .unionByName(consentToFirstVisit(frames, pcEpisodes))
        .unionByName(sixMonthRetention(frames, pcEpisodes))
        .unionByName(dosage(frames, pcEpisodes, pcVisits))
        .unionByName(visitCompletion(frames, pcVisits))
        .unionByName(waitlist(frames, intake))
        .unionByName(priorityReach(frames, intake))
        .unionByName(dataTimeliness(frames, allVisits));
    return rollUp(facts, core.programs());
  }

  /** Month-ends from the month of the earliest enrollment to the as-of date, and the SFY periods. */
  static Dataset<Row> frames(Dataset<Row> enrollments, LocalDate asOf) {
    Column asOfDate = lit(Date.valueOf(asOf));
    Dataset<Row> months = enrollments.agg(min("enrollment_date").as("earliest"))
        .select(explode(sequence(trunc(col("earliest"), "month"), trunc(asOfDate, "month"), expr("interval 1 month")))
            .as(START))
        .withColumn(END, last_day(col(START)))
        .where(col(END).leq(asOfDate))
        .select(date_format(col(END), "yyyy-MM-dd").as("period_or_date"), lit("MONTH_END").as("frame"),
            col(START), col(END));
    Dataset<Row> periods = Periods.of(FiscalYear.SFY, enrollments, asOf)
        .select(col(Periods.PERIOD).as("period_or_date"), lit("PERIOD").as("frame"), col(START), col(END));
    return months.unionByName(periods);
  }

  /** PC episodes enrolled on the frame's last day over slots of home visitors employed then and hired ≥ 6 months before. */
  private Dataset<Row> caseload(Dataset<Row> frames, Dataset<Row> episodes, Dataset<Row> staff, Dataset<Row> programs) {
    Dataset<Row> enrolled = PeriodJoin.where(frames, episodes, Episodes.enrolledOn(col(END)));
    Dataset<Row> visitors = staff.where(col("role").equalTo("HOME_VISITOR"))
        .join(programs.select("program_id", "model"), "program_id");
    Column rampedUp = Days.plusMonths(col("hire_date"), 6).leq(col(END));
    Dataset<Row> slotted = PeriodJoin.where(frames, visitors,
        Days.enrolledOn(col("hire_date"), col("end_date"), col(END)).and(rampedUp));
    Column staffSlots = col("fte").cast("double").multiply(slotsOf(col("model")));
    return fact(enrolled, "caseload_utilization", Kind.RATIO, lit(1.0), lit(0.0), null)
        .unionByName(fact(slotted, "caseload_utilization", Kind.RATIO, lit(0.0), staffSlots, null));
  }

  /** The slots of a model column (empty for an unconfigured model). */
  private Column slotsOf(Column model) {
    List<Column> entries = new ArrayList<>();
    slots.byModel().forEach((m, s) -> {
      entries.add(lit(m));
      entries.add(lit(s));
    });
    return element_at(map(entries.toArray(Column[]::new)), model);
  }

  /** Days from the intake referral's screened_date to consent, for episodes consenting in the frame. */
  private static Dataset<Row> screeningToConsent(Dataset<Row> frames, Dataset<Row> episodes, Dataset<Row> intake) {
    Dataset<Row> screened = intake.where(col("enrollment_id").isNotNull().and(col("screened_date").isNotNull()))
        .groupBy("enrollment_id").agg(min("screened_date").as("screened_date"));
    Dataset<Row> pairs = PeriodJoin.dayIn(frames, episodes.join(screened, "enrollment_id"), col("consent_date"));
    return delay(pairs, "screening_to_consent", datediff(col("consent_date"), col("screened_date")));
  }

  /** Days from consent to the first visit (enrollment_date), for episodes enrolled in the frame. */
  private static Dataset<Row> consentToFirstVisit(Dataset<Row> frames, Dataset<Row> episodes) {
    Dataset<Row> pairs = PeriodJoin.dayIn(frames, episodes.where(col("consent_date").isNotNull()), col("enrollment_date"));
    return delay(pairs, "consent_to_first_visit", datediff(col("enrollment_date"), col("consent_date")));
  }

  /** A delay as two indicators: its median in days and the share within 14 days. */
  private static Dataset<Row> delay(Dataset<Row> pairs, String name, Column days) {
    return fact(pairs, name + "_median_days", Kind.MEDIAN, lit(null), lit(1.0), days)
        .unionByName(fact(pairs, name + "_within_14_days", Kind.RATIO,
            when(days.leq(TIMELY_DAYS), 1.0).otherwise(0.0), lit(1.0), null));
  }

  private static Dataset<Row> sixMonthRetention(Dataset<Row> frames, Dataset<Row> episodes) {
    Column milestone = Days.plusMonths(col("enrollment_date"), 6);
    Dataset<Row> due = PeriodJoin.dayIn(frames, episodes, milestone);
    return fact(due, "six_month_retention", Kind.RATIO, when(Episodes.enrolledOn(milestone), 1.0).otherwise(0.0),
        lit(1.0), null);
  }

  /**
   * Completed visits dated in the frame on days enrolled / planned visits: planned per month
   * × the months enrolled in the frame, each calendar month counted by its share of days.
   */
  private static Dataset<Row> dosage(Dataset<Row> frames, Dataset<Row> episodes, Dataset<Row> pcVisits) {
    Dataset<Row> active = PeriodJoin.where(frames, episodes.where(col("planned_visits_per_month").isNotNull()),
            Episodes.activeIn(col(START), col(END)))
        .withColumn("_from", greatest(col(START), col("enrollment_date")))
        .withColumn("_to", Episodes.endIn(col(END)));
    Column month = col("_month");
    Column daysInMonth = datediff(least(col("_to"), last_day(month)), greatest(col("_from"), month)).plus(1);
    Dataset<Row> planned = active
        .withColumn("_month", explode(sequence(trunc(col("_from"), "month"), trunc(col("_to"), "month"),
            expr("interval 1 month"))))
        .groupBy("period_or_date", "frame", START, END, "enrollment_id", "program_id")
        .agg(ExactSum.of(daysInMonth.divide(dayofmonth(last_day(month))).multiply(col("planned_visits_per_month")))
            .as("planned"));
    // visits go to their frames by date (a few frames each), not every visit to every frame of its episode
    Dataset<Row> completedWhileEnrolled = PeriodJoin.dayIn(frames,
            pcVisits.where(col("status").equalTo("COMPLETED").and(Episodes.enrolledOn(col("visit_date")))),
            col("visit_date"))
        .groupBy("period_or_date", "frame", "enrollment_id").agg(count(lit(1)).as("completed"));
    Dataset<Row> completed = planned.join(completedWhileEnrolled, new String[] {"period_or_date", "frame", "enrollment_id"},
            "left")
        .withColumn("completed", coalesce(col("completed"), lit(0L)));
    return fact(completed, "dosage", Kind.RATIO, col("completed").cast("double"), col("planned"), null);
  }

  /** Completed / all scheduled visits (completed, missed, cancelled) dated in the frame. */
  private static Dataset<Row> visitCompletion(Dataset<Row> frames, Dataset<Row> pcVisits) {
    Dataset<Row> scheduled = PeriodJoin.dayIn(frames, pcVisits, col("visit_date"));
    return fact(scheduled, "visit_completion", Kind.RATIO,
        when(col("status").equalTo("COMPLETED"), 1.0).otherwise(0.0), lit(1.0), null);
  }

  /** Intake referrals received by the frame's last day whose outcome (as held now) is WAITLISTED. */
  private static Dataset<Row> waitlist(Dataset<Row> frames, Dataset<Row> intake) {
    Dataset<Row> waiting = PeriodJoin.where(frames, intake.where(col("outcome").equalTo("WAITLISTED")),
        col("referral_date").leq(col(END)));
    return fact(waiting, "waitlist", Kind.COUNT, lit(1.0), lit(null), null);
  }

  /** Of the intake referrals screened in the frame with any priority flag, the share enrolled. */
  private static Dataset<Row> priorityReach(Dataset<Row> frames, Dataset<Row> intake) {
    Dataset<Row> priority = intake.where(expr("size(array_remove(split(coalesce(priority_flags, ''), ';'), '')) > 0"));
    Dataset<Row> screened = PeriodJoin.dayIn(frames, priority, col("screened_date"));
    return fact(screened, "priority_population_reach", Kind.RATIO,
        when(col("outcome").equalTo("ENROLLED"), 1.0).otherwise(0.0), lit(1.0), null);
  }

  /** Visits dated in the frame entered (created_at, UTC day) on or before the 15th of the next month. */
  private static Dataset<Row> dataTimeliness(Dataset<Row> frames, Dataset<Row> allVisits) {
    Dataset<Row> entered = PeriodJoin.dayIn(frames, allVisits, col("visit_date"));
    return fact(entered, "data_timeliness", Kind.RATIO,
        when(to_date(col("created_at")).leq(entryDeadline(col("visit_date"))), 1.0).otherwise(0.0), lit(1.0), null);
  }

  /** The 15th of the month after the day: the policy manual's data entry deadline. */
  static Column entryDeadline(Column day) {
    Column next = Days.plusMonths(day, 1);
    return make_date(year(next), month(next), lit(15));
  }

  private static Dataset<Row> fact(Dataset<Row> rows, String indicator, Kind kind, Column num, Column den, Column days) {
    return rows.select(col("period_or_date"), col("frame"), col(START).as("frame_start"), col(END).as("frame_end"),
        col("program_id"), lit(indicator).as("indicator"), lit(kind.name()).as("kind"),
        num.cast("double").as("num"), den.cast("double").as("den"),
        (days == null ? lit(null) : days).cast("int").as("days"));
  }

  /** Facts ({@link #FACTS}) → program, contract and state rows. */
  public static Dataset<Row> rollUp(Dataset<Row> facts, Dataset<Row> programs) {
    // percentile is an object aggregate: past 128 groups in a task Spark sorts all the task's rows
    // to finish it, so only the median facts go through it (the filter on the literal kind prunes
    // the other facts' branches from each side). The other facts are summed per program first and
    // those exact sums rolled up to the three levels: the same decimals over a third of the rows.
    Column isMedian = col("kind").equalTo(Kind.MEDIAN.name());
    Dataset<Row> programSums = facts.where(isMedian.unary_$bang())
        .groupBy("period_or_date", "frame", "frame_start", "frame_end", "program_id", "indicator", "kind")
        .agg(ExactSum.partial(col("num")).as("num"), ExactSum.partial(col("den")).as("den"));
    Dataset<Row> sums = byLevel(programSums, programs)
        .agg(ExactSum.total(col("num")).as("numerator"), ExactSum.total(col("den")).as("denominator"),
            lit(null).cast("double").as("median"))
        .unionByName(byLevel(facts.where(isMedian), programs)
            .agg(ExactSum.of(col("num")).as("numerator"), ExactSum.of(col("den")).as("denominator"),
                expr("percentile(days, 0.5)").as("median")));
    Column value = when(isMedian, col("median"))
        .when(col("kind").equalTo(Kind.COUNT.name()), col("numerator"))
        .when(col("denominator").gt(0), col("numerator").divide(col("denominator")));
    return sums.select(col("period_or_date"), col("frame"), col("frame_start"), col("frame_end"), col("level"),
        col("entity_id"), col("indicator"), col("numerator"), col("denominator"), value.as("value"));
  }

  /** Rows of a program grouped at each level: the program, its contract, the state. */
  private static RelationalGroupedDataset byLevel(Dataset<Row> rows, Dataset<Row> programs) {
    Column levels = explode(array(
        struct(lit("PROGRAM").as("level"), col("program_id").as("entity_id")),
        struct(lit("CONTRACT").as("level"), col("contract_number").as("entity_id")),
        struct(lit("STATE").as("level"), lit(Rollup.ALL).as("entity_id"))));
    return rows.join(broadcast(programs.select("program_id", "contract_number")), "program_id")
        .withColumn("_level", levels)
        .groupBy(col("period_or_date"), col("frame"), col("frame_start"), col("frame_end"),
            col("_level.level").as("level"), col("_level.entity_id").as("entity_id"), col("indicator"), col("kind"));
  }
}
