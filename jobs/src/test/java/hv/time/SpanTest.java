package hv.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The plain date rules, without Spark. */
class SpanTest {

  private static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  @Test
  void enrolledOnIncludesBothEndsAndAnOpenEndNeverCloses() {
    Span closed = Span.of(d("2025-10-01"), d("2025-11-15"));
    assertTrue(closed.contains(d("2025-10-01")));
    assertTrue(closed.contains(d("2025-11-15")));
    assertFalse(closed.contains(d("2025-09-30")));
    assertFalse(closed.contains(d("2025-11-16")));
    assertTrue(Span.from(d("2025-10-01")).contains(d("2099-01-01")));
  }

  @Test
  void aSpanStartingAfterItsEndHoldsNoDay() {
    // issue #24: a child enrolled after its episode's exit is never enrolled
    Span child = Span.from(d("2025-12-01")).endingBy(d("2025-11-15"));
    assertTrue(child.isEmpty());
    assertFalse(child.contains(d("2025-12-01")));
    assertFalse(child.overlaps(Span.of(d("2025-10-01"), d("2026-09-30"))));
    assertTrue(Span.of(null, null).isEmpty());
  }

  @Test
  void activeInMeansOneDayInCommonAndTheClipIsThoseDays() {
    Span period = Span.of(d("2025-10-01"), d("2025-12-31"));
    assertTrue(Span.of(d("2025-06-01"), d("2025-10-01")).overlaps(period));
    assertFalse(Span.of(d("2025-06-01"), d("2025-09-30")).overlaps(period));
    assertTrue(Span.from(d("2025-12-31")).overlaps(period));
    assertFalse(Span.from(d("2026-01-01")).overlaps(period));
    assertEquals(Span.of(d("2025-11-01"), d("2025-12-31")), Span.from(d("2025-11-01")).clip(period));
    assertEquals(Span.of(d("2025-10-01"), d("2025-11-15")), Span.of(d("2025-06-01"), d("2025-11-15")).clip(period));
  }

  @Test
  void anEffectiveExitIsTheEarlierEndAnEmptyOneMeaningOpen() {
    assertEquals(d("2025-11-15"), Dates.earlierEnd(null, d("2025-11-15")));
    assertEquals(d("2025-11-15"), Dates.earlierEnd(d("2025-11-15"), d("2025-12-01")));
    assertEquals(null, Dates.earlierEnd(null, null));
    assertEquals(Span.of(d("2025-10-01"), d("2025-11-15")), Span.from(d("2025-10-01")).endingBy(d("2025-11-15")));
  }

  @Test
  void calendarMonthsClampToTheTargetMonthsLength() {
    assertEquals(d("2025-02-28"), Dates.plusMonths(d("2025-01-31"), 1));
    assertEquals(d("2025-12-30"), Dates.plusMonths(d("2025-06-30"), 6));
    assertEquals(d("2024-02-29"), Dates.plusMonths(d("2023-08-31"), 6));
  }
}
