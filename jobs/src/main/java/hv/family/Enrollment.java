package hv.family;

import java.time.LocalDate;

/** An enrollments row: one episode of a caregiver in a program, with what was known at enrollment. */
public record Enrollment(String enrollmentId, String caregiverId, String programId, String staffId,
                         boolean isPrimaryCaregiver, LocalDate referralDate, LocalDate consentDate,
                         LocalDate enrollmentDate, LocalDate exitDate, String exitReason, Integer ageAtEnrollment,
                         boolean pregnantAtEnrollment, Integer gestationalWeeksAtEnrollment,
                         String educationAtEnrollment, Boolean inSchoolAtEnrollment,
                         Integer employmentHoursAtEnrollment, Integer incomePctFpl, String insuranceAtEnrollment,
                         String housingAtEnrollment, Boolean tobaccoUseAtEnrollment, Boolean childWelfareInvolvement,
                         Integer plannedVisitsPerMonth) {}
