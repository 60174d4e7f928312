package hv.measures;

import hv.family.Child;
import hv.family.Episode;
import hv.family.Family;
import hv.time.RunPeriods;
import hv.time.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PM05 Postpartum care. Unit: PC episode.
 *
 * <ul>
 *   <li>Delivery: the episode's delivery when pregnant at enrollment; when not pregnant at
 *       enrollment, the index child's {@code birth_date} if the child was born on or before
 *       {@code enrollment_date} and {@code enrollment_date ≤ birth_date + 30 days}.
 *   <li>Denominator: episodes with {@code caregiver_role = MOTHER} and a delivery, whose
 *       day {@code delivery + 56 days} is in P and that are enrolled on that day.
 *   <li>Numerator: a caregiver {@code POSTPARTUM_VISIT} event dated in
 *       {@code [delivery, delivery + 56 days]}.
 *   <li>Missing: no rule.
 * </ul>
 * Emitted but outside the denominator: day 56 in P, not enrolled on it.
 */
public final class Pm05PostpartumCare implements Measure {

  public static final String CODE = "PM05";
  private static final EpisodeWindow.Notes NOTES = new EpisodeWindow.Notes("not enrolled on delivery + 56 days",
      "postpartum visit within 56 days of delivery", "no postpartum visit within 56 days of delivery");

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Episode e : family.primaryCaregiverEpisodes()) {
      if (e.caregiver() == null || !"MOTHER".equals(e.caregiver().caregiverRole())) {
        continue;
      }
      delivery(e).ifPresent(d -> units.addAll(new EpisodeWindow(e, Span.of(d, d.plusDays(56))).units(CODE, periods,
          e.caregiverRows().events().stream().filter(x -> x.eventType().equals("POSTPARTUM_VISIT")).toList(), NOTES)));
    }
    return units;
  }

  /** The delivery; not pregnant at enrollment: the index child's birth when enrolled within 30 days after it. */
  private static Optional<LocalDate> delivery(Episode e) {
    if (e.enrollment().pregnantAtEnrollment()) {
      return e.delivery();
    }
    LocalDate enrolled = e.enrollment().enrollmentDate();
    return e.indexChild().map(Child::birthDate)
        .filter(birth -> !birth.isAfter(enrolled) && !enrolled.isAfter(birth.plusDays(30)));
  }
}
