package hv.family;

import java.time.LocalDate;

/** A children row: a child of an episode. */
public record Child(String childId, String enrollmentId, boolean isIndexChild, LocalDate birthDate,
                    Integer gestationalAgeWeeks, Integer birthWeightGrams, LocalDate childEnrollmentDate,
                    LocalDate childExitDate, String sex) {}
