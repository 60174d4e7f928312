package hv.family;

import java.util.List;

/**
 * Someone's rows of the tables that can prove a numerator: an episode's caregiver rows (its
 * enrollment_id, an empty child_id) or a child's rows (its child_id). Each list is in
 * {@link CountableRow#ORDER}; answers are the standing ones only (measures.md "Answers").
 */
public record Rows(List<Screening> screenings, List<ServiceReferral> referrals, List<HealthEvent> events,
                   List<Answer> answers) {

  public static final Rows NONE = new Rows(List.of(), List.of(), List.of(), List.of());
}
