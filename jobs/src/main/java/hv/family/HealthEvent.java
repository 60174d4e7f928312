package hv.family;

import java.time.LocalDate;

/** A health_events row: a caregiver row (no child_id) or a child's row. */
public record HealthEvent(String eventId, String enrollmentId, String childId, String eventType, LocalDate eventDate)
    implements CountableRow {

  @Override
  public LocalDate date() {
    return eventDate;
  }

  @Override
  public String id() {
    return eventId;
  }
}
