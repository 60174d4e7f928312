package hv.quality;

import java.time.LocalDate;

/**
 * One record a data quality check lists: its program, the check (and the quarantine reason),
 * its id and the date that explains it. Items group into a row of {@code marts.data_quality}
 * per program, check and reason ({@link hv.marts.evaluation.DataQuality#group}).
 */
public record Item(String programId, String check, String reason, String id, LocalDate date) {}
