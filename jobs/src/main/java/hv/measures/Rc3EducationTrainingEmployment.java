package hv.measures;

import hv.family.Answer;
import hv.family.Enrollment;
import hv.family.Episode;
import hv.family.Family;
import hv.time.Dates;
import hv.time.Period;
import hv.time.RunPeriods;
import hv.time.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * RC3 Education, training or employment. Unit: episode (any caregiver).
 *
 * <ul>
 *   <li>Eligible: episodes whose 6-month milestone {@code m = enrollment_date + 6 months} is
 *       in P and that are enrolled on {@code m}.
 *   <li>Achieved, with the caregiver's answers dated in {@code (enrollment_date, m + 30 days]}:
 *       (a) if {@code in_school_at_enrollment = Y}: the latest {@code IN_SCHOOL} answer is Y, or
 *       an {@code EDUCATION_COMPLETED} answer; (b) if {@code employment_hours_at_enrollment ≥ 20}:
 *       the latest {@code EMPLOYMENT_HOURS} answer is ≥ 20; (c) if neither applies (an empty
 *       enrollment value makes no clause apply): any {@code IN_SCHOOL = Y}, any
 *       {@code EMPLOYMENT_HOURS ≥ 20} or any {@code EDUCATION_COMPLETED}. Any applicable clause
 *       that holds achieves it.
 * </ul>
 * Window: {@code [enrollment_date + 1 day, m + 30 days]}. Evidence: the answer that made the
 * first holding clause hold (for (c): the first {@code IN_SCHOOL = Y}, else the first
 * {@code EMPLOYMENT_HOURS ≥ 20}, else the first {@code EDUCATION_COMPLETED}); the note names
 * the clause.
 */
public final class Rc3EducationTrainingEmployment implements Measure {

  public static final String CODE = "RC3";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Episode e : family.episodes()) {
      Enrollment enrollment = e.enrollment();
      LocalDate milestone = Dates.plusMonths(enrollment.enrollmentDate(), 6);
      List<Period> milestoneIn = periods.state().stream().filter(p -> p.days().contains(milestone)).toList();
      if (milestoneIn.isEmpty()) {
        continue;
      }
      Span window = Span.of(enrollment.enrollmentDate().plusDays(1), milestone.plusDays(30));
      List<Answer> answers = e.caregiverRows().answers().stream()
          .filter(a -> window.contains(a.assessmentDate())).toList();
      Predicate<Answer> inSchool = a -> a.item().equals("IN_SCHOOL");
      Predicate<Answer> hours = a -> a.item().equals("EMPLOYMENT_HOURS");
      Predicate<Answer> completed = a -> a.item().equals("EDUCATION_COMPLETED");
      Predicate<Answer> yes = a -> "Y".equals(a.value());
      Predicate<Answer> twentyHours = a -> Rules.isAtLeast(a.value(), 20);

      boolean inSchoolApplies = Boolean.TRUE.equals(enrollment.inSchoolAtEnrollment());
      boolean employmentApplies = enrollment.employmentHoursAtEnrollment() != null
          && enrollment.employmentHoursAtEnrollment() >= 20;
      boolean neither = !inSchoolApplies && !employmentApplies;
      Optional<Answer> a = !inSchoolApplies ? Optional.empty()
          : latest(answers, inSchool).filter(yes).or(() -> first(answers, completed));
      Optional<Answer> b = !employmentApplies ? Optional.empty() : latest(answers, hours).filter(twentyHours);
      Optional<Answer> c = !neither ? Optional.empty() : first(answers, inSchool.and(yes))
          .or(() -> first(answers, hours.and(twentyHours))).or(() -> first(answers, completed));
      String held = a.isPresent() ? "(a)" : b.isPresent() ? "(b)" : c.isPresent() ? "(c)" : null;
      Optional<Answer> deciding = a.or(() -> b).or(() -> c);
      List<String> applied = new ArrayList<>();
      if (inSchoolApplies) {
        applied.add("(a) in school");
      }
      if (employmentApplies) {
        applied.add("(b) employed 20h+");
      }
      if (neither) {
        applied.add("(c) neither at enrollment");
      }

      boolean enrolled = e.enrolled().contains(milestone);
      for (Period p : milestoneIn) {
        units.add(Unit.of(p, CODE, e)
            .inDenominator(enrolled)
            .achieved(held != null)
            .window(window)
            .evidence(deciding.orElse(null))
            .note(!enrolled ? "not enrolled on enrollment + 6 months"
                : held != null ? "clause " + held + " holds; applied: " + String.join(" and ", applied)
                : "no clause holds; applied: " + String.join(" and ", applied)));
      }
    }
    return units;
  }

  private static Optional<Answer> first(List<Answer> answers, Predicate<Answer> kind) {
    return Rules.first(answers.stream().filter(kind));
  }

  private static Optional<Answer> latest(List<Answer> answers, Predicate<Answer> kind) {
    return Rules.latest(answers.stream().filter(kind));
  }
}
