package hv.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The periods of a run and their names, without Spark. */
class PeriodTest {

  private static Map<String, String> byName(List<Period> periods) {
    Map<String, String> m = new TreeMap<>();
    periods.forEach(p -> m.put(p.name(), p.start() + ".." + p.end()));
    return m;
  }

  @Test
  void federalYearsFromTheEarliestEnrollmentCumulativeQuartersAndYearToDate() {
    assertEquals(new TreeMap<>(Map.of(
        "FFY2025-Q1", "2024-10-01..2024-12-31",
        "FFY2025-Q2", "2024-10-01..2025-03-31",
        "FFY2025-Q3", "2024-10-01..2025-06-30",
        "FFY2025", "2024-10-01..2025-09-30",
        "FFY2026-Q1", "2025-10-01..2025-12-31",
        "FFY2026-Q2", "2025-10-01..2026-03-31",
        "FFY2026-YTD", "2025-10-01..2026-04-15")),
        byName(Period.ofRun(FiscalYear.FFY, LocalDate.parse("2024-11-15"), LocalDate.parse("2026-04-15"))));
  }

  @Test
  void stateYearsWithQuartersHalvesAndYearToDateAlsoOnTheYearsLastDay() {
    Map<String, String> got = byName(Period.ofRun(FiscalYear.SFY, LocalDate.parse("2025-07-01"),
        LocalDate.parse("2026-06-30")));
    assertEquals("2025-07-01..2026-06-30", got.get("SFY2026"));
    assertEquals("2025-07-01..2026-06-30", got.get("SFY2026-YTD"));
    assertEquals("2025-10-01..2025-12-31", got.get("SFY2026-Q2"));
    assertEquals("2026-01-01..2026-06-30", got.get("SFY2026-H2"));
    assertEquals(8, got.size());
  }

  @Test
  void aNameParsesBackToItsPeriod() {
    LocalDate asOf = LocalDate.parse("2026-04-15");
    for (Period p : Period.ofRun(FiscalYear.SFY, LocalDate.parse("2024-01-10"), asOf)) {
      assertEquals(p, Period.parse(p.name(), asOf));
    }
    assertEquals(Period.yearToDate(FiscalYear.FFY, 2026, asOf), Period.parse("FFY2026-YTD", asOf));
    assertThrows(IllegalArgumentException.class, () -> Period.parse("FFY2026-Q5", asOf));
    assertThrows(IllegalArgumentException.class, () -> Period.parse("2026", asOf));
  }
}
