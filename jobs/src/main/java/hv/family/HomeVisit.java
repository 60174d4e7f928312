package hv.family;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A home_visits row of an episode. */
public record HomeVisit(String visitId, String enrollmentId, String staffId, LocalDate visitDate, String status,
                        String mode, Integer durationMinutes, Boolean childConcernsAsked, Instant createdAt) {

  public boolean isCompleted() {
    return "COMPLETED".equals(status);
  }

  /**
   * Entered on time: {@code created_at}'s day (UTC, the warehouse's time zone) on or before the
   * 15th of the month after {@code visit_date}, the policy manual's data entry deadline.
   */
  public boolean enteredOnTime() {
    return createdAt != null && !enteredOn().isAfter(entryDeadline());
  }

  /** Entered after the deadline of {@link #enteredOnTime()}. */
  public boolean enteredLate() {
    return createdAt != null && enteredOn().isAfter(entryDeadline());
  }

  private LocalDate enteredOn() {
    return LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
  }

  private LocalDate entryDeadline() {
    return visitDate.plusMonths(1).withDayOfMonth(15);
  }
}
