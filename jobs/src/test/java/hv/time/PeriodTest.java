package hv.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void everyNameFormPrintsAsItParsesWithItsParts() {
    // kind, year, suffix → name, fiscal year, part, a year earlier, the chart's short name
    List<List<String>> forms = List.of(
        List.of("FFY", "2026", "-Q1", "FFY2026-Q1", "FFY2026", "Q1", "FFY2025-Q1", "FY26 Q1"),
        List.of("FFY", "2026", "-Q2", "FFY2026-Q2", "FFY2026", "Q2", "FFY2025-Q2", "FY26 Q2"),
        List.of("FFY", "2026", "-Q3", "FFY2026-Q3", "FFY2026", "Q3", "FFY2025-Q3", "FY26 Q3"),
        List.of("FFY", "2025", "", "FFY2025", "FFY2025", "", "FFY2024", "FY25"),
        List.of("FFY", "2026", "-YTD", "FFY2026-YTD", "FFY2026", "YTD", "FFY2025-YTD", "FY26 YTD"),
        List.of("SFY", "2026", "-Q1", "SFY2026-Q1", "SFY2026", "Q1", "SFY2025-Q1", "FY26 Q1"),
        List.of("SFY", "2026", "-Q2", "SFY2026-Q2", "SFY2026", "Q2", "SFY2025-Q2", "FY26 Q2"),
        List.of("SFY", "2026", "-Q3", "SFY2026-Q3", "SFY2026", "Q3", "SFY2025-Q3", "FY26 Q3"),
        List.of("SFY", "2026", "-Q4", "SFY2026-Q4", "SFY2026", "Q4", "SFY2025-Q4", "FY26 Q4"),
        List.of("SFY", "2026", "-H1", "SFY2026-H1", "SFY2026", "H1", "SFY2025-H1", "FY26 H1"),
        List.of("SFY", "2026", "-H2", "SFY2026-H2", "SFY2026", "H2", "SFY2025-H2", "FY26 H2"),
        List.of("SFY", "2000", "", "SFY2000", "SFY2000", "", "SFY1999", "FY00"),
        List.of("SFY", "2026", "-YTD", "SFY2026-YTD", "SFY2026", "YTD", "SFY2025-YTD", "FY26 YTD"));
    for (List<String> f : forms) {
      PeriodName built = new PeriodName(FiscalYear.valueOf(f.get(0)), Integer.parseInt(f.get(1)), f.get(2));
      assertEquals(f.get(3), built.toString());
      PeriodName parsed = PeriodName.parse(f.get(3));
      assertEquals(built, parsed, f.get(3));
      assertEquals(f.subList(4, 8), List.of(parsed.fiscalYear(), parsed.part(), parsed.yearEarlier().toString(),
          parsed.shortName()), f.get(3));
      assertEquals(f.get(2).equals("-YTD"), parsed.isYearToDate(), f.get(3));
      assertEquals(f.get(2).isEmpty(), parsed.isWholeYear(), f.get(3));
    }
    // every part of both kinds is among the forms, and YTD
    for (FiscalYear kind : FiscalYear.values()) {
      for (FiscalYear.Part part : kind.parts()) {
        assertTrue(forms.stream().anyMatch(f -> f.get(0).equals(kind.name()) && f.get(2).equals(part.suffix())),
            kind + part.suffix());
      }
    }
  }

  @Test
  void aNameOfAPartTheKindDoesNotHaveIsNoPeriod() {
    // federal quarters are cumulative: there is no FFY Q4 and no FFY half
    for (String name : List.of("FFY2026-Q4", "FFY2026-H1", "SFY2026-Q5", "SFY2026-", "FFY26", "XFY2026",
        "ffy2026", "FFY2026-Q1 ", "2026-03-31")) {
      assertTrue(PeriodName.tryParse(name).isEmpty(), name);
      assertThrows(IllegalArgumentException.class, () -> PeriodName.parse(name), name);
    }
    assertTrue(PeriodName.tryParse(null).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> new PeriodName(FiscalYear.FFY, 2026, "-H2"));
  }

  @Test
  void aNamesDaysAreThoseOfThePeriodOfTheSameName() {
    LocalDate asOf = LocalDate.parse("2026-04-15");
    assertEquals(new Period("SFY2026-Q3", FiscalYear.SFY, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31")),
        PeriodName.parse("SFY2026-Q3").period(asOf));
    assertEquals(new Period("FFY2026-Q3", FiscalYear.FFY, LocalDate.parse("2025-10-01"), LocalDate.parse("2026-06-30")),
        PeriodName.parse("FFY2026-Q3").period(asOf));
    assertEquals(new Period("SFY2026-YTD", FiscalYear.SFY, LocalDate.parse("2025-07-01"), asOf),
        PeriodName.parse("SFY2026-YTD").period(asOf));
    Period q2 = Period.parse("FFY2026-Q2", asOf);
    assertEquals(PeriodName.parse("FFY2026-Q2"), q2.nameParts());
  }
}
