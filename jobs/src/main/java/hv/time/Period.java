package hv.time;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A reporting period of measures.md "Period", in plain Java: its name ({@code FFY2026-Q2},
 * {@code SFY2026-H1}, {@code FFY2026-YTD}, {@code FFY2026}; built and parsed by
 * {@link PeriodName}) and its days.
 */
public record Period(String name, FiscalYear kind, LocalDate start, LocalDate end) implements Serializable {

  /** The period's days. */
  public Span days() {
    return Span.of(start, end);
  }

  /** The period's name taken apart. */
  public PeriodName nameParts() {
    return PeriodName.parse(name);
  }

  /**
   * The periods a run computes: every period of the kind that ended on or before the as-of
   * date, from the year containing the earliest {@code enrollment_date} held, plus the
   * year-to-date period of the year containing the as-of date (also on its last day).
   * No enrollment held: no period.
   */
  public static List<Period> ofRun(FiscalYear kind, LocalDate earliestEnrollment, LocalDate asOf) {
    List<Period> periods = new ArrayList<>();
    if (earliestEnrollment == null) {
      return periods;
    }
    int asOfYear = kind.yearOf(asOf);
    for (int y = kind.yearOf(earliestEnrollment); y <= asOfYear; y++) {
      for (FiscalYear.Part part : kind.parts()) {
        Period p = of(kind, y, part);
        if (!p.end().isAfter(asOf)) {
          periods.add(p);
        }
      }
    }
    if (kind.yearOf(earliestEnrollment) <= asOfYear) {
      periods.add(yearToDate(kind, asOfYear, asOf));
    }
    return periods;
  }

  /** A part of fiscal year {@code y}. */
  public static Period of(FiscalYear kind, int year, FiscalYear.Part part) {
    LocalDate yearStart = kind.yearStart(year);
    return new Period(new PeriodName(kind, year, part.suffix()).toString(), kind,
        yearStart.plusMonths(part.fromMonth()), yearStart.plusMonths(part.toMonth()).minusDays(1));
  }

  /** {@code <FY><y>-YTD}: from the year's first day to the as-of date. */
  public static Period yearToDate(FiscalYear kind, int year, LocalDate asOf) {
    return new Period(new PeriodName(kind, year, FiscalYear.YTD_SUFFIX).toString(), kind, kind.yearStart(year), asOf);
  }

  /** The period a name stands for (a year-to-date period ends on the as-of date). */
  public static Period parse(String name, LocalDate asOf) {
    return PeriodName.parse(name).period(asOf);
  }
}
