package hv.quality;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Quarantined rows of extracts up to the as-of date, one group per reason. Program: the row's
 * own {@code program_id}, else the program of the episode its {@code enrollment_id} names,
 * else {@value #UNATTRIBUTED}. Item {@code file:line:record_key}, date = the extract date.
 */
public final class Quarantined {

  public static final String CHECK = "QUARANTINED";
  public static final String UNATTRIBUTED = "UNATTRIBUTED";

  private Quarantined() {}

  /** @param programOfEpisode the program of the episode the row names (empty: none, or no such episode) */
  public static Optional<Item> item(QuarantinedRow row, String programOfEpisode, LocalDate asOf) {
    if (row.extractDate().isAfter(asOf)) {
      return Optional.empty();
    }
    String program = row.programId() != null ? row.programId()
        : programOfEpisode != null ? programOfEpisode : UNATTRIBUTED;
    // an empty part is left out, as Spark's concat_ws did
    String id = Stream.of(row.file(), row.line() == null ? null : row.line().toString(), row.recordKey())
        .filter(Objects::nonNull).collect(Collectors.joining(":"));
    return Optional.of(new Item(program, CHECK, row.reason(), id, row.extractDate()));
  }
}
