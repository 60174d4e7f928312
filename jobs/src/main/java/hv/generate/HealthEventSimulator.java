package hv.generate;

import java.time.LocalDate;

/**
 * Health and safety events reported while enrolled: the mother's prenatal and postpartum
 * visits, the index child's well-child visits on the AAP schedule, injury ED visits and
 * maltreatment investigations.
 */
final class HealthEventSimulator {

  /** AAP well-child visit ages, in days for the newborn visit and months after that. */
  private static final int NEWBORN_DAYS = 5;
  private static final int[] WELL_CHILD_MONTHS = {1, 2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60};

  private final Sink sink;
  private final Dice dice;

  HealthEventSimulator(Sink sink) {
    this.sink = sink;
    this.dice = sink.dice;
  }

  void simulate(Episode e, boolean reportsChildHealth) {
    if (e.isMother()) {
      prenatalCare(e);
      postpartumCare(e);
    }
    Episode.Kid kid = e.indexKid();
    if (kid != null && reportsChildHealth) {
      wellChildVisits(e, kid);
      injuriesAndMaltreatment(e, kid);
    }
  }

  /** Monthly until 28 weeks, every two weeks until 36, then weekly; most of them get reported. */
  private void prenatalCare(Episode e) {
    if (!e.pregnant || e.indexBirth == null) {
      return;
    }
    int weeksAtStart = e.gestationalWeeks == null ? 20 : e.gestationalWeeks;
    LocalDate day = e.start.plusDays(dice.between(3, 21));
    while (day.isBefore(e.indexBirth.date()) && e.enrolledOn(day)) {
      if (dice.odds(0.6, e.shift(1.0))) {
        event(e, null, "PRENATAL_VISIT", day);
      }
      int weeks = weeksAtStart + (int) ((day.toEpochDay() - e.start.toEpochDay()) / 7);
      day = day.plusDays(weeks < 28 ? 28 : weeks < 36 ? 14 : 7);
    }
  }

  private void postpartumCare(Episode e) {
    LocalDate delivery = e.delivery();
    Episode.Kid kid = e.indexKid();
    if (delivery == null && kid != null && !kid.birth().date().isAfter(e.start)
        && !e.start.isAfter(kid.birth().date().plusDays(30))) {
      delivery = kid.birth().date();
    }
    if (delivery == null) {
      return;
    }
    LocalDate day = dice.odds(0.78, e.shift(1.0)) ? delivery.plusDays(dice.between(14, 50))
        : dice.chance(0.3) ? delivery.plusDays(dice.between(60, 100)) : null;
    if (day != null && e.enrolledOn(day)) {
      event(e, null, "POSTPARTUM_VISIT", day);
    }
  }

  private void wellChildVisits(Episode e, Episode.Kid kid) {
    LocalDate birth = kid.birth().date();
    for (int i = -1; i < WELL_CHILD_MONTHS.length; i++) {
      LocalDate due = i < 0 ? birth.plusDays(NEWBORN_DAYS) : birth.plusMonths(WELL_CHILD_MONTHS[i]);
      if (!dice.odds(0.86 - 0.015 * i, 0.9 * e.shift(1.0))) {
        continue;
      }
      LocalDate day = dice.chance(0.9) ? due.plusDays(dice.between(i < 0 ? -3 : -10, i < 0 ? 20 : 45))
          : due.plusDays(dice.between(61, 90));
      if (!day.isBefore(kid.enrolled()) && e.enrolledOn(day)) {
        event(e, kid, "WELL_CHILD_VISIT", day);
      }
    }
  }

  /** About 8% of children a year see the ED for an injury, about 3% a year a maltreatment investigation (more with child welfare history). */
  private void injuriesAndMaltreatment(Episode e, Episode.Kid kid) {
    double welfare = Boolean.TRUE.equals(e.at.childWelfare()) ? Math.log(3) : 0;
    for (LocalDate month = kid.enrolled(); month.isBefore(e.lastDay); month = month.plusMonths(1)) {
      LocalDate day = month.plusDays(dice.between(0, 29));
      if (!e.enrolledOn(day)) {
        continue;
      }
      if (dice.odds(0.007, -0.5 * e.shift(1.0))) {
        event(e, kid, "ED_VISIT_INJURY", day);
      }
      if (dice.odds(0.0022, welfare - 0.5 * e.shift(1.0))) {
        event(e, kid, "MALTREATMENT_INVESTIGATION", day);
      }
    }
  }

  private void event(Episode e, Episode.Kid kid, String type, LocalDate day) {
    Row row = Table.HEALTH_EVENTS.row()
        .set("enrollment_id", e.id)
        .set("child_id", kid == null ? null : kid.id())
        .set("event_type", type)
        .set("event_date", day);
    sink.event(e, row, "H", day);
  }
}
