package hv.quality;

import hv.family.Episode;
import hv.family.Family;
import hv.family.HomeVisit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Disengagement overdue: episodes not exited (no exit on or before the as-of date; an exit on
 * the as-of day itself is an exit) whose last {@code COMPLETED} visit is more than 30 days
 * before the as-of date and that have a {@code MISSED} visit after it; visits dated after the
 * as-of date are not held yet. Item = the enrollment_id, date = the policy exit date: that last
 * completed visit.
 */
public final class DisengagementOverdue implements FamilyCheck {

  public static final String CHECK = "DISENGAGEMENT_OVERDUE";
  private static final int DISENGAGED_AFTER_DAYS = 30;

  @Override
  public List<Item> items(Family family, LocalDate asOf) {
    List<Item> items = new ArrayList<>();
    for (Episode e : family.episodes()) {
      LocalDate exit = e.enrollment().exitDate();
      boolean exited = exit != null && !exit.isAfter(asOf);
      if (e.enrollment().enrollmentDate().isAfter(asOf) || exited) {
        continue;
      }
      Optional<LocalDate> lastCompleted = lastDated(e, "COMPLETED", asOf);
      Optional<LocalDate> lastMissed = lastDated(e, "MISSED", asOf);
      if (lastCompleted.isPresent() && lastMissed.isPresent()
          && lastCompleted.get().isBefore(asOf.minusDays(DISENGAGED_AFTER_DAYS))
          && lastMissed.get().isAfter(lastCompleted.get())) {
        items.add(new Item(e.programId(), CHECK, null, e.enrollmentId(), lastCompleted.get()));
      }
    }
    return items;
  }

  /** The latest visit_date of the episode's visits of a status dated on or before the as-of date. */
  private static Optional<LocalDate> lastDated(Episode e, String status, LocalDate asOf) {
    return e.visits().stream().filter(v -> status.equals(v.status()) && !v.visitDate().isAfter(asOf))
        .map(HomeVisit::visitDate).max(LocalDate::compareTo);
  }
}
