package hv.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * Simulates one enrollment episode from intake to exit (or to the horizon): the enrollment and
 * children rows with their later versions, visits, and through the care, health and
 * questionnaire simulators everything recorded about the family while enrolled.
 */
final class EpisodeSimulator {

  /** An exit the episode reaches at the latest: a partner leaves with the mother, a dual enrollment is resolved. */
  record Exit(LocalDate date, String reason) {}

  /**
   * @param gestationalWeeks weeks pregnant at enrollment; null when not pregnant or not recorded
   * @param indexBirth       the target child's birth (planned date when pregnant)
   * @param siblings         other children of the household born before enrollment
   * @param cap              exit no later than this; null = none
   * @param reportsChildHealth whether the child's health events are recorded in this episode
   */
  record Plan(Program program, Caregiver caregiver, Circumstances at, boolean primary, LocalDate start,
              boolean pregnant, Integer gestationalWeeks, Episode.Birth indexBirth, List<Episode.Birth> siblings,
              Exit cap, boolean reportsChildHealth) {}

  private static final String[] OTHER_EXITS = {"MOVED", "DECLINED_FURTHER", "TRANSFERRED", "OTHER", "CHILD_DEATH"};
  private static final double[] OTHER_EXIT_MONTHLY = {0.007, 0.006, 0.002, 0.002, 0.0002};

  private static final double BIRTH_RECORDED_AFTER_PRENATAL_EXIT = 0.3;

  private final LocalDate horizon;

  EpisodeSimulator(LocalDate horizon) {
    this.horizon = horizon;
  }

  Episode simulate(Plan plan, Sink sink) {
    Dice dice = sink.dice;
    Episode e = new Episode(plan.program(), plan.caregiver(), plan.at(), sink.ids.next("E"), plan.primary(),
        plan.start(), plan.pregnant(), plan.gestationalWeeks(), plan.indexBirth(), horizon, dice.normal(0, 0.5));
    intakeSteps(e, dice);
    Exit exit = drawExit(e, plan.cap(), dice);
    SourceRecord enrollment = sink.add(SourceRecord.create(enrollmentRow(e, dice),
        dice.timeOn(e.start.plusDays(Math.min(20, dice.lognormalDays(1.5, 1.0))))));
    e.createdAt = enrollment.createdAt();
    fillLaterWhatWasUnknown(e, enrollment, sink);

    boolean disengages = exit != null && exit.reason().equals("DISENGAGED");
    LocalDate stop = exit == null ? null : disengages ? exit.date() : Dice.weekday(exit.date());
    LocalDate exitDate = new Visits(sink, dice).simulate(e, enrollment, stop, disengages, horizon);
    if (exitDate != null) {
      e.exit = exitDate;
      e.exitReason = exit.reason();
      e.lastDay = exitDate.isAfter(horizon) ? horizon : exitDate;
      long entered = disengages ? dice.timeOn(stop.plusDays(dice.between(30, 45))) : sink.enteredFor(e, exitDate);
      enrollment.update(entered, r -> r.set("exit_date", exitDate).set("exit_reason", exit.reason()));
      e.exitEnteredAt = enrollment.latest().enteredAt();
    }
    children(e, plan, sink);
    new CareSimulator(sink).simulate(e);
    new HealthEventSimulator(sink).simulate(e, plan.reportsChildHealth());
    new QuestionnaireSimulator(sink).simulate(e);
    return e;
  }

  /** Referral → eligibility screening → consent → first visit, each a skewed wait of days. */
  private static void intakeSteps(Episode e, Dice dice) {
    e.consent = e.start.minusDays(Math.min(60, dice.lognormalDays(6 * Math.exp(-0.4 * e.program.effect), 0.8)));
    e.screened = e.consent.minusDays(Math.min(60, dice.lognormalDays(5 * Math.exp(-0.4 * e.program.effect), 0.9)));
    e.referral = e.screened.minusDays(Math.min(45, dice.lognormalDays(3, 1.0)));
    if (dice.chance(0.04)) {
      e.referral = null;
      e.screened = null;
    }
  }

  private Exit drawExit(Episode e, Exit cap, Dice dice) {
    Model model = e.program.model;
    LocalDate completion = (model.completion == Model.Completion.CHILD_AGE_MONTHS
        ? e.indexBirth.date() : e.start).plusMonths(model.completionMonths).plusDays(dice.between(-20, 40));
    if (completion.isBefore(e.start.plusMonths(4))) {
      completion = e.start.plusMonths(4).plusDays(dice.between(0, 60));
    }
    double stay = 0.5 * e.program.effect + 0.4 * e.at.riskShift() + e.engagement;
    for (int month = 0; ; month++) {
      LocalDate day = e.start.plusMonths(month).plusDays(dice.between(0, 27));
      if (cap != null && !day.isBefore(cap.date())) {
        return cap;
      }
      if (!day.isBefore(completion)) {
        return new Exit(completion, "COMPLETED");
      }
      if (day.isAfter(horizon.plusDays(60))) {
        return null;
      }
      if (dice.odds(month < 3 ? 0.045 : 0.025, -stay)) {
        return new Exit(day, "DISENGAGED");
      }
      double other = dice.uniform();
      for (int i = 0; i < OTHER_EXITS.length; i++) {
        other -= OTHER_EXIT_MONTHLY[i];
        if (other < 0) {
          return new Exit(day, OTHER_EXITS[i]);
        }
      }
    }
  }

  private static Row enrollmentRow(Episode e, Dice dice) {
    Circumstances at = e.at;
    return Table.ENROLLMENTS.row()
        .set("enrollment_id", e.id)
        .set("caregiver_id", e.caregiver.id())
        .set("program_id", e.program.id)
        .set("staff_id", e.program.visitorOn(e.start, dice).staffId())
        .set("is_primary_caregiver", e.primary)
        .set("referral_date", e.referral)
        .set("consent_date", e.consent)
        .set("enrollment_date", e.start)
        .set("age_at_enrollment", at.age())
        .set("pregnant_at_enrollment", e.pregnant)
        .set("gestational_weeks_at_enrollment", e.gestationalWeeks == null ? null : e.gestationalWeeks.toString())
        .set("education_at_enrollment", at.education())
        .set("in_school_at_enrollment", yn(at.inSchool()))
        .set("employment_hours_at_enrollment", at.employmentHours() == null ? null : at.employmentHours().toString())
        .set("income_pct_fpl", at.incomePctFpl() == null ? null : at.incomePctFpl().toString())
        .set("insurance_at_enrollment", at.insurance())
        .set("housing_at_enrollment", at.housing())
        .set("tobacco_use_at_enrollment", yn(at.tobacco()))
        .set("child_welfare_involvement", yn(at.childWelfare()))
        .set("planned_visits_per_month", e.program.model.visitsPerMonth(0));
  }

  static String yn(Boolean b) {
    return b == null ? null : b ? "Y" : "N";
  }

  /** Income is often documented a few weeks after the first visit. */
  private static void fillLaterWhatWasUnknown(Episode e, SourceRecord enrollment, Sink sink) {
    if (e.at.incomePctFpl() == null && sink.dice.chance(0.4)) {
      int income = sink.dice.between(20, 180);
      enrollment.update(sink.enteredFor(e, e.start.plusDays(sink.dice.between(14, 45))),
          r -> r.set("income_pct_fpl", income));
    }
  }

  private void children(Episode e, Plan plan, Sink sink) {
    Dice dice = sink.dice;
    if (e.indexBirth != null && (!e.indexBirth.date().isAfter(e.lastDay) || birthRecordedAfterExit(e, dice))) {
      addKid(e, e.indexBirth, true, sink);
    }
    for (Episode.Birth sibling : plan.siblings()) {
      addKid(e, sibling, false, sink);
    }
    // a new baby during a long episode
    LocalDate later = e.start.plusMonths(dice.between(12, 30));
    if (e.indexBirth != null && dice.chance(0.08) && later.isAfter(e.indexBirth.date().plusMonths(10)) && !later.isAfter(e.lastDay)) {
      addKid(e, new Episode.Birth(later, dice.between(35, 41), dice.between(2600, 4000), dice.chance(0.5) ? "F" : "M"), false, sink);
    }
  }

  /**
   * A caregiver who exits while pregnant: now and then the birth is still recorded in the
   * episode afterwards, so its index child joins after the episode ended (never enrolled).
   */
  private boolean birthRecordedAfterExit(Episode e, Dice dice) {
    return e.exit != null && e.pregnant && !e.indexBirth.date().isAfter(horizon)
        && dice.chance(BIRTH_RECORDED_AFTER_PRENATAL_EXIT);
  }

  private static void addKid(Episode e, Episode.Birth birth, boolean index, Sink sink) {
    Dice dice = sink.dice;
    LocalDate enrolled = birth.date().isAfter(e.start) ? birth.date() : e.start;
    Episode.Kid kid = new Episode.Kid(sink.ids.next("C"), birth, index, enrolled);
    e.kids.add(kid);
    Row row = Table.CHILDREN.row()
        .set("child_id", kid.id())
        .set("enrollment_id", e.id)
        .set("is_index_child", index)
        .set("birth_date", birth.date())
        .set("gestational_age_weeks", birth.gestationalWeeks() == null ? null : birth.gestationalWeeks().toString())
        .set("birth_weight_grams", birth.grams() == null ? null : birth.grams().toString())
        .set("child_enrollment_date", enrolled)
        .set("sex", birth.sex());
    long entered = enrolled.equals(e.start) ? e.createdAt + 120 : sink.enteredFor(e, enrolled.plusDays(dice.between(1, 14)));
    SourceRecord record = sink.add(SourceRecord.create(row, entered));
    if (e.exit != null && !e.exit.isBefore(enrolled) && dice.chance(0.85)) {
      record.update(e.exitEnteredAt, r -> r.set("child_exit_date", e.exit));
    }
  }
}
