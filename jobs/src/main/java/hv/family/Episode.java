package hv.family;

import hv.time.Span;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An episode with what the measures ask of it, derived once: its caregiver, children, index
 * child, delivery, visits, intake referrals and caregiver rows; the rows of its children are
 * the family's ({@link Family#rowsOf}).
 */
public final class Episode {

  private final Enrollment enrollment;
  private final Caregiver caregiver;
  private final List<Child> children;
  private final Optional<Child> indexChild;
  private final List<HomeVisit> visits;
  private final Rows caregiverRows;
  private final List<IntakeReferral> intakeReferrals;

  Episode(Enrollment enrollment, Caregiver caregiver, List<Child> children, List<HomeVisit> visits, Rows caregiverRows,
          List<IntakeReferral> intakeReferrals) {
    this.enrollment = enrollment;
    this.caregiver = caregiver;
    this.children = children;
    this.indexChild = children.stream().filter(Child::isIndexChild).min(Comparator.comparing(Child::childId));
    this.visits = visits;
    this.caregiverRows = caregiverRows;
    this.intakeReferrals = intakeReferrals;
  }

  public Enrollment enrollment() {
    return enrollment;
  }

  public String enrollmentId() {
    return enrollment.enrollmentId();
  }

  /** Every unit of the episode is attributed to its program. */
  public String programId() {
    return enrollment.programId();
  }

  public Caregiver caregiver() {
    return caregiver;
  }

  /** PC episode: {@code is_primary_caregiver = Y}; the federal measures count nothing else. */
  public boolean isPrimaryCaregiver() {
    return enrollment.isPrimaryCaregiver();
  }

  /** The days the episode is enrolled: {@code [enrollment_date, exit_date]}. */
  public Span enrolled() {
    return Span.of(enrollment.enrollmentDate(), enrollment.exitDate());
  }

  public List<Child> children() {
    return children;
  }

  /** The child with {@code is_index_child = Y}; of several, the smallest child_id in character order. */
  public Optional<Child> indexChild() {
    return indexChild;
  }

  /**
   * The days a child of the episode is enrolled: from its child_enrollment_date to its
   * effective exit, the earlier of child_exit_date and the episode's exit_date (a child is
   * never enrolled after its episode ends; empty when it would start after that).
   */
  public Span enrolled(Child child) {
    return Span.of(child.childEnrollmentDate(), child.childExitDate()).endingBy(enrollment.exitDate());
  }

  /**
   * Delivery date of an episode with {@code pregnant_at_enrollment = Y}: the index child's
   * birth_date when it is on or after enrollment_date; otherwise no delivery (yet).
   */
  public Optional<LocalDate> delivery() {
    if (!enrollment.pregnantAtEnrollment()) {
      return Optional.empty();
    }
    return indexChild.map(Child::birthDate)
        .filter(birth -> !birth.isBefore(enrollment.enrollmentDate()));
  }

  public List<HomeVisit> visits() {
    return visits;
  }

  /** The caregiver rows: this episode's enrollment_id and an empty child_id. */
  public Rows caregiverRows() {
    return caregiverRows;
  }

  /** The intake referrals that name this episode (its {@code enrollment_id}), by intake_id. */
  public List<IntakeReferral> intakeReferrals() {
    return intakeReferrals;
  }
}
