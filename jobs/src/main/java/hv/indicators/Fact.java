package hv.indicators;

import hv.time.Frame;
import java.time.LocalDate;

/**
 * One fact of a service delivery indicator in one frame, for one program: what rolls up to a
 * row of {@code marts.service_delivery} (a row of {@link hv.marts.evaluation.ServiceDelivery#FACTS}).
 * A share counts 0 or 1 over 1; a ratio's parts may be any amount (dosage's planned visits,
 * caseload's slots); a median carries days; a count carries 1.
 */
public record Fact(String periodOrDate, String frame, LocalDate frameStart, LocalDate frameEnd, String programId,
                   String indicator, Kind kind, Double num, Double den, Integer days) {

  /** How facts roll up: a share or ratio (Σ num / Σ den), a median of days, or a count (Σ num). */
  public enum Kind { RATIO, MEDIAN, COUNT }

  /** One unit of a share: counted (1) or not (0), out of 1. */
  public static Fact share(Frame f, String programId, String indicator, boolean counted) {
    return ratio(f, programId, indicator, counted ? 1.0 : 0.0, 1.0);
  }

  /** Parts of a ratio; an empty part adds nothing. */
  public static Fact ratio(Frame f, String programId, String indicator, Double num, Double den) {
    return of(f, programId, indicator, Kind.RATIO, num, den, null);
  }

  /** One pair of a median of days (the denominator counts the pairs). */
  public static Fact median(Frame f, String programId, String indicator, int days) {
    return of(f, programId, indicator, Kind.MEDIAN, null, 1.0, days);
  }

  /** One thing counted. */
  public static Fact count(Frame f, String programId, String indicator) {
    return of(f, programId, indicator, Kind.COUNT, 1.0, null, null);
  }

  private static Fact of(Frame f, String programId, String indicator, Kind kind, Double num, Double den,
                         Integer days) {
    return new Fact(f.name(), f.kind().name(), f.start(), f.end(), programId, indicator, kind, num, den, days);
  }
}
