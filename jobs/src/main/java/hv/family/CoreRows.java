package hv.family;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.Row;

/**
 * The one place a core table's row (by column name, as {@link hv.core.CoreSchema} types it)
 * becomes a family record; rules never see a Row. Y/N columns empty count as N where the
 * spec tests for Y ({@code is_primary_caregiver}, {@code is_index_child},
 * {@code pregnant_at_enrollment}), as the DataFrame measures' filters did.
 */
public final class CoreRows {

  private CoreRows() {}

  public static Caregiver caregiver(Row r) {
    return new Caregiver(text(r, "caregiver_id"), text(r, "sex"), text(r, "caregiver_role"), text(r, "race"),
        yn(r, "hispanic"), text(r, "hispanic_origin"), text(r, "primary_language"));
  }

  public static Enrollment enrollment(Row r) {
    return new Enrollment(text(r, "enrollment_id"), text(r, "caregiver_id"), text(r, "program_id"),
        text(r, "staff_id"), isY(r, "is_primary_caregiver"), date(r, "referral_date"), date(r, "consent_date"),
        date(r, "enrollment_date"), date(r, "exit_date"), text(r, "exit_reason"), integer(r, "age_at_enrollment"),
        isY(r, "pregnant_at_enrollment"), integer(r, "gestational_weeks_at_enrollment"),
        text(r, "education_at_enrollment"), yn(r, "in_school_at_enrollment"),
        integer(r, "employment_hours_at_enrollment"), integer(r, "income_pct_fpl"),
        text(r, "insurance_at_enrollment"), text(r, "housing_at_enrollment"), yn(r, "tobacco_use_at_enrollment"),
        yn(r, "child_welfare_involvement"), integer(r, "planned_visits_per_month"));
  }

  public static Child child(Row r) {
    return new Child(text(r, "child_id"), text(r, "enrollment_id"), isY(r, "is_index_child"), date(r, "birth_date"),
        integer(r, "gestational_age_weeks"), integer(r, "birth_weight_grams"), date(r, "child_enrollment_date"),
        date(r, "child_exit_date"), text(r, "sex"));
  }

  public static HomeVisit visit(Row r) {
    return new HomeVisit(text(r, "visit_id"), text(r, "enrollment_id"), text(r, "staff_id"), date(r, "visit_date"),
        text(r, "status"), text(r, "mode"), integer(r, "duration_minutes"), yn(r, "child_concerns_asked"),
        instant(r, "created_at"));
  }

  public static Screening screening(Row r) {
    return new Screening(text(r, "screening_id"), text(r, "enrollment_id"), text(r, "child_id"), text(r, "domain"),
        text(r, "tool"), date(r, "screening_date"), r.getAs("score"), text(r, "result"));
  }

  public static ServiceReferral referral(Row r) {
    return new ServiceReferral(text(r, "referral_id"), text(r, "enrollment_id"), text(r, "child_id"),
        text(r, "service"), date(r, "referral_date"), date(r, "first_service_date"));
  }

  public static HealthEvent event(Row r) {
    return new HealthEvent(text(r, "event_id"), text(r, "enrollment_id"), text(r, "child_id"),
        text(r, "event_type"), date(r, "event_date"));
  }

  public static Answer answer(Row r) {
    return new Answer(text(r, "assessment_id"), text(r, "enrollment_id"), text(r, "child_id"),
        date(r, "assessment_date"), text(r, "item"), text(r, "value"));
  }

  public static IntakeReferral intakeReferral(Row r) {
    return new IntakeReferral(text(r, "intake_id"), text(r, "program_id"), date(r, "referral_date"),
        text(r, "referral_source"), date(r, "screened_date"), text(r, "outcome"), text(r, "enrollment_id"),
        text(r, "priority_flags"));
  }

  public static Staff staff(Row r) {
    return new Staff(text(r, "staff_id"), text(r, "program_id"), text(r, "role"), r.getAs("fte"),
        date(r, "hire_date"), date(r, "end_date"));
  }

  private static String text(Row r, String column) {
    return r.getAs(column);
  }

  private static Integer integer(Row r, String column) {
    return r.getAs(column);
  }

  private static Boolean yn(Row r, String column) {
    return r.getAs(column);
  }

  private static boolean isY(Row r, String column) {
    return Boolean.TRUE.equals(yn(r, column));
  }

  /** Spark hands dates over as java.sql.Date, or LocalDate when its java8 API is on. */
  private static LocalDate date(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? null : v instanceof Date d ? d.toLocalDate() : (LocalDate) v;
  }

  private static Instant instant(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? null : v instanceof Timestamp t ? t.toInstant() : (Instant) v;
  }
}
