package hv.family;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** Gathers the core rows of one family, in any order, into typed records; then {@link #build()}. */
public final class FamilyBuilder {

  private Caregiver caregiver;
  private final List<Enrollment> enrollments = new ArrayList<>();
  private final List<Child> children = new ArrayList<>();
  private final List<HomeVisit> visits = new ArrayList<>();
  private final List<Screening> screenings = new ArrayList<>();
  private final List<ServiceReferral> referrals = new ArrayList<>();
  private final List<HealthEvent> events = new ArrayList<>();
  private final List<Answer> answers = new ArrayList<>();
  private final List<IntakeReferral> intakeReferrals = new ArrayList<>();

  public FamilyBuilder add(FamilyTable table, Row row) {
    switch (table) {
      case CAREGIVERS -> caregiver = CoreRows.caregiver(row);
      case ENROLLMENTS -> enrollments.add(CoreRows.enrollment(row));
      case CHILDREN -> children.add(CoreRows.child(row));
      case HOME_VISITS -> visits.add(CoreRows.visit(row));
      case SCREENINGS -> screenings.add(CoreRows.screening(row));
      case SERVICE_REFERRALS -> referrals.add(CoreRows.referral(row));
      case HEALTH_EVENTS -> events.add(CoreRows.event(row));
      case ASSESSMENTS -> answers.add(CoreRows.answer(row));
      case INTAKE_REFERRALS -> intakeReferrals.add(CoreRows.intakeReferral(row));
    }
    return this;
  }

  public Family build() {
    return Family.of(caregiver, enrollments, children, visits, screenings, referrals, events, answers,
        intakeReferrals);
  }
}
