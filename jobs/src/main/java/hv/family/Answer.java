package hv.family;

import java.time.LocalDate;

/** An assessments row: one item answered, a caregiver row (no child_id) or a child's row. */
public record Answer(String assessmentId, String enrollmentId, String childId, LocalDate assessmentDate, String item,
                     String value) implements CountableRow {

  @Override
  public LocalDate date() {
    return assessmentDate;
  }

  @Override
  public String id() {
    return assessmentId;
  }
}
