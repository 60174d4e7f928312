package hv.quality;

import java.time.LocalDate;

/**
 * An ops.quarantine row: where and why a row was refused, and the two fields of the refused
 * row that say whose it is (its own {@code program_id}, the {@code enrollment_id} it names;
 * empty when it has none).
 */
public record QuarantinedRow(LocalDate extractDate, String file, Long line, String recordKey, String reason,
                             String programId, String enrollmentId) {}
