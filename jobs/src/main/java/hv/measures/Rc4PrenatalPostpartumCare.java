package hv.measures;

import hv.family.Child;
import hv.family.Episode;
import hv.family.Family;
import hv.family.HealthEvent;
import hv.time.Period;
import hv.time.RunPeriods;
import hv.time.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * Window: {@code [enrollment_date, delivery + 56 days]}; the unit carries the index child.
 * Evidence: {@code evidence_id} lists the first three prenatal visits, the first postpartum and
 * the first well-child visit (by date, then id) joined by {@code ;}; {@code evidence_date} is
 * the day all three conditions were met.
 */
public final class Rc4PrenatalPostpartumCare implements Measure {

  public static final String CODE = "RC4";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Episode e : family.episodes()) {
      Optional<LocalDate> delivered = e.delivery();
      if (!Rc2PrenatalEnrollment.enrolledBefore32Weeks(e.enrollment()) || delivered.isEmpty()) {
        continue;
      }
      LocalDate delivery = delivered.get();
      Child child = e.indexChild().orElseThrow(); // a delivery is the index child's birth
      Span beforeDelivery = Span.of(e.enrollment().enrollmentDate(), delivery.minusDays(1));
      Span afterDelivery = Span.of(delivery, delivery.plusDays(56));
      List<HealthEvent> prenatal = e.caregiverRows().events().stream()
          .filter(x -> x.eventType().equals("PRENATAL_VISIT") && beforeDelivery.contains(x.eventDate())).toList();
      Optional<HealthEvent> postpartum = Rules.first(e.caregiverRows().events().stream()
          .filter(x -> x.eventType().equals("POSTPARTUM_VISIT") && afterDelivery.contains(x.eventDate())));
      Optional<HealthEvent> wellChild = Rules.first(family.rowsOf(child).events().stream()
          .filter(x -> x.eventType().equals("WELL_CHILD_VISIT") && afterDelivery.contains(x.eventDate())));
      boolean achieved = prenatal.size() >= 3 && postpartum.isPresent() && wellChild.isPresent();
      // the rows are in first order: the first three prenatal visits lead
      List<HealthEvent> evidence = Stream.of(prenatal.stream().limit(3), postpartum.stream(), wellChild.stream())
          .flatMap(s -> s).toList();
      String ids = evidence.stream().map(HealthEvent::eventId).collect(Collectors.joining(";"));
      LocalDate allMet = achieved ? evidence.stream().map(HealthEvent::eventDate).max(LocalDate::compareTo).get() : null;
      String note = prenatal.size() + " prenatal visits before delivery, "
          + (postpartum.isPresent() ? "postpartum visit" : "no postpartum visit") + ", "
          + (wellChild.isPresent() ? "well-child visit" : "no well-child visit");
      for (Period p : periods.state()) {
        if (p.days().contains(afterDelivery.end())) {
          units.add(Unit.of(p, CODE, e)
              .child(child)
              .achieved(achieved)
              .window(Span.of(e.enrollment().enrollmentDate(), afterDelivery.end()))
              .evidence(allMet, ids.isEmpty() ? null : ids)
              .note(note));
        }
      }
    }
    return units;
  }
}
