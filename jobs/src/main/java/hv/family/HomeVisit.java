package hv.family;

import java.time.Instant;
import java.time.LocalDate;

/** A home_visits row of an episode. */
public record HomeVisit(String visitId, String enrollmentId, String staffId, LocalDate visitDate, String status,
                        String mode, Integer durationMinutes, Boolean childConcernsAsked, Instant createdAt) {}
