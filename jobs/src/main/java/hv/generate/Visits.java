package hv.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Home visits at the model's planned cadence until the episode ends. A family that disengages
 * misses the visits of the 30-day outreach period and is exited as of its last completed visit.
 * Also keeps the enrollment row current: reassigned home visitor, stepped-down visit plan.
 */
final class Visits {

  private static final int OUTREACH_DAYS = 30;

  private final Sink sink;
  private final Dice dice;

  Visits(Sink sink, Dice dice) {
    this.sink = sink;
    this.dice = dice;
  }

  /**
   * @param stop       the day the episode ends (exit reason other than disengagement), or the
   *                   day a disengaging family stops taking visits; null = beyond the horizon
   * @return the exit date: {@code stop}, or for disengagement the last completed visit
   */
  LocalDate simulate(Episode e, SourceRecord enrollment, LocalDate stop, boolean disengages, LocalDate horizon) {
    Program.Visitor visitor = e.program.visitors.stream()
        .filter(v -> v.staffId().equals(enrollment.latest().row().get("staff_id"))).findFirst().orElseThrow();
    LocalDate end = stop == null ? horizon : disengages ? stop.plusDays(OUTREACH_DAYS) : stop;
    if (end.isAfter(horizon)) {
      end = horizon;
    }
    LocalDate lastCompleted = e.start;
    double completeOdds = 0.6 * e.program.effect + 0.4 * e.at.riskShift() + e.engagement;
    int planned = e.program.model.visitsPerMonth(0);
    LocalDate day = e.start;
    while (!day.isAfter(end)) {
      int monthsIn = (int) ChronoUnit.MONTHS.between(e.start, day);
      if (e.program.model.visitsPerMonth(monthsIn) != planned) {
        planned = e.program.model.visitsPerMonth(monthsIn);
        int plannedNow = planned;
        enrollment.update(sink.enteredFor(e, day), r -> r.set("planned_visits_per_month", plannedNow));
      }
      if (visitor.end() != null && visitor.end().isBefore(day)) {
        visitor = e.program.visitorOn(day, dice);
        String staffId = visitor.staffId();
        enrollment.update(sink.enteredFor(e, day), r -> r.set("staff_id", staffId));
      }
      boolean outreach = disengages && stop != null && !day.isBefore(stop);
      boolean first = day.equals(e.start);
      boolean last = !disengages && day.equals(stop);
      String status = first || last ? "COMPLETED"
          : outreach ? (dice.chance(0.6) ? "MISSED" : "CANCELLED")
          : dice.odds(0.82, completeOdds) ? "COMPLETED" : dice.chance(0.55) ? "MISSED" : "CANCELLED";
      String staffId = dice.chance(0.04) ? e.program.visitorOn(day, dice).staffId() : visitor.staffId();
      visit(e, day, status, staffId);
      if (status.equals("COMPLETED")) {
        lastCompleted = day;
      }
      LocalDate next = Dice.weekday(day.plusDays(Math.max(3, Math.round(30.4 / planned + dice.normal(0, 1.5)))));
      if (!disengages && stop != null && next.isAfter(stop) && day.isBefore(stop)) {
        next = stop;
      }
      day = next;
    }
    return stop == null ? null : disengages ? lastCompleted : stop;
  }

  private void visit(Episode e, LocalDate day, String status, String staffId) {
    boolean completed = status.equals("COMPLETED");
    String mode = dice.pick(new String[] {"IN_HOME", "ALTERNATE", "VIRTUAL"}, 0.72, 0.1, 0.18);
    Integer minutes = null;
    if (completed) {
      double typical = e.program.model.visitMinutes * (mode.equals("VIRTUAL") ? 0.7 : 1);
      minutes = (int) Math.max(15, Math.min(180, 5 * Math.round(dice.normal(typical, 15) / 5)));
    } else if (status.equals("MISSED") && dice.chance(0.5)) {
      minutes = 0;
    }
    boolean childBorn = e.indexBirth != null && !e.indexBirth.date().isAfter(day);
    String concerns = !completed || !childBorn || dice.chance(0.04) ? null
        : dice.odds(0.85, e.shift(1.0)) ? "Y" : "N";
    Row row = Table.HOME_VISITS.row()
        .set("enrollment_id", e.id)
        .set("staff_id", staffId)
        .set("visit_date", day)
        .set("status", status)
        .set("mode", mode)
        .set("duration_minutes", minutes == null ? null : minutes.toString())
        .set("child_concerns_asked", concerns);
    SourceRecord record = sink.event(e, row, "V", day);
    if (completed && dice.chance(0.01)) {
      int corrected = minutes + 15;
      // a correction after supervisor review: created_at stays, updated_at moves
      record.update(record.createdAt() + dice.between(2, 30) * 86_400L,
          r -> r.set("duration_minutes", Integer.toString(corrected)));
    }
  }
}
