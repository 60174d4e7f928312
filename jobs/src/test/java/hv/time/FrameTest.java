package hv.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service delivery frames of a run, without Spark. */
class FrameTest {

  @Test
  void monthEndsFromTheEarliestEnrollmentsMonthUpToTheAsOfDateThenTheStatePeriods() {
    LocalDate earliest = LocalDate.parse("2025-11-15");
    LocalDate asOf = LocalDate.parse("2026-01-30");
    List<Frame> frames = RunPeriods.of(earliest, asOf).frames();
    // January 2026 ends after the as-of date: not a frame yet; the periods are the whole year's, as the rate card's
    assertEquals(List.of(
            "MONTH_END 2025-11-30 2025-11-01..2025-11-30",
            "MONTH_END 2025-12-31 2025-12-01..2025-12-31",
            "PERIOD SFY2026-Q1 2025-07-01..2025-09-30",
            "PERIOD SFY2026-Q2 2025-10-01..2025-12-31",
            "PERIOD SFY2026-H1 2025-07-01..2025-12-31",
            "PERIOD SFY2026-YTD 2025-07-01..2026-01-30"),
        frames.stream().map(f -> f.kind() + " " + f.name() + " " + f.start() + ".." + f.end()).toList());
  }

  @Test
  void theAsOfMonthIsAFrameOnItsLastDayAndNoEnrollmentMeansNoFrame() {
    LocalDate asOf = LocalDate.parse("2026-01-31");
    assertEquals("2026-01-31", RunPeriods.of(asOf, asOf).frames().get(0).name());
    assertEquals(List.of(), RunPeriods.of(null, asOf).frames());
  }
}
