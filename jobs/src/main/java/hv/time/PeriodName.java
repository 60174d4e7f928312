package hv.time;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period's name taken apart, without its days: {@code SFY2026-H1} is kind {@code SFY}, year
 * 2026, suffix {@code -H1}. Every period name is built ({@link #toString}) and parsed
 * ({@link #parse}) here; {@link Period} adds the days, {@link Periods} the same for Spark columns.
 *
 * @param suffix one of the kind's {@link FiscalYear#parts()} suffixes ({@code ""} for the whole
 *               year) or {@link FiscalYear#YTD_SUFFIX}
 */
public record PeriodName(FiscalYear kind, int year, String suffix) implements Serializable {

  private static final Pattern NAME = Pattern.compile("^(FFY|SFY)(\\d{4})(-[A-Z0-9]+)?$");

  public PeriodName {
    if (!isSuffixOf(kind, suffix)) {
      throw new IllegalArgumentException("not a period: " + kind + year + suffix);
    }
  }

  private static boolean isSuffixOf(FiscalYear kind, String suffix) {
    return suffix.equals(FiscalYear.YTD_SUFFIX) || kind.parts().stream().anyMatch(p -> p.suffix().equals(suffix));
  }

  /** The name's parts; not a period name ({@code FFY2026-Q5}, {@code 2026-03-31}): an error. */
  public static PeriodName parse(String name) {
    return tryParse(name).orElseThrow(() -> new IllegalArgumentException("not a period: " + name));
  }

  /** The name's parts, or empty when it is not a period name. */
  public static Optional<PeriodName> tryParse(String name) {
    Matcher m = name == null ? null : NAME.matcher(name);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    FiscalYear kind = FiscalYear.valueOf(m.group(1));
    String suffix = m.group(3) == null ? "" : m.group(3);
    if (!isSuffixOf(kind, suffix)) {
      return Optional.empty();
    }
    return Optional.of(new PeriodName(kind, Integer.parseInt(m.group(2)), suffix));
  }

  /** {@code FFY2026-Q2}. */
  @Override
  public String toString() {
    return fiscalYear() + suffix;
  }

  /** The name of the whole year the period belongs to: {@code SFY2026-H1} → {@code SFY2026}. */
  public String fiscalYear() {
    return kind.name() + year;
  }

  /** The part of the year without its dash: {@code H1}, {@code Q2}, {@code YTD}; {@code ""} for the whole year. */
  public String part() {
    return suffix.isEmpty() ? "" : suffix.substring(1);
  }

  public boolean isYearToDate() {
    return suffix.equals(FiscalYear.YTD_SUFFIX);
  }

  public boolean isWholeYear() {
    return suffix.isEmpty();
  }

  /** The same part of the year before: {@code FFY2026-Q2} → {@code FFY2025-Q2}. */
  public PeriodName yearEarlier() {
    return new PeriodName(kind, year - 1, suffix);
  }

  /** The short label of chart axes: {@code FFY2025} → {@code FY25}, {@code FFY2026-Q2} → {@code FY26 Q2}. */
  public String shortName() {
    return "FY" + String.valueOf(year).substring(2) + (suffix.isEmpty() ? "" : " " + part());
  }

  /** The period's days; a year-to-date period ends on {@code asOf}. */
  public Period period(LocalDate asOf) {
    if (isYearToDate()) {
      return Period.yearToDate(kind, year, asOf);
    }
    return Period.of(kind, year, kind.parts().stream().filter(p -> p.suffix().equals(suffix)).findFirst().orElseThrow());
  }
}
