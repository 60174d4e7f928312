package hv.measures;

import hv.family.Child;
import hv.family.CountableRow;
import hv.family.Episode;
import hv.family.HomeVisit;
import hv.marts.common.UnitType;
import hv.time.Period;
import hv.time.Span;
import java.time.LocalDate;

/**
 * One unit of one measure in one period: what a row of {@code marts.benchmark_units} (or, for
 * the rate card, of {@code marts.ratecard_units}) carries ({@link hv.marts.common.Units}), in
 * plain Java. The counting rules hold by construction: a
 * missing unit is never in the denominator, and only a unit in the denominator has a numerator
 * (the achieved flag as 0/1, or an event count).
 */
public record Unit(String period, String measureCode, UnitType unitType, String enrollmentId, String childId,
                   String visitId, String programId, boolean inDenominator, long numerator, boolean missing,
                   LocalDate windowStart, LocalDate windowEnd, LocalDate evidenceDate, String evidenceId,
                   String note) {

  public Unit {
    inDenominator = inDenominator && !missing;
    numerator = inDenominator ? numerator : 0;
  }

  /** A PC episode in the denominator of P. */
  public static Unit of(Period p, String code, Episode e) {
    return new Unit(p.name(), code, UnitType.PC, e.enrollmentId(), null, null, e.programId(), true, 0, false,
        null, null, null, null, null);
  }

  /** An index child in the denominator of P, attributed to its episode's program. */
  public static Unit of(Period p, String code, Episode e, Child c) {
    return new Unit(p.name(), code, UnitType.IC, e.enrollmentId(), c.childId(), null, e.programId(), true, 0, false,
        null, null, null, null, null);
  }

  /** A home visit of a PC episode in the denominator of P; the unit carries the episode's index child, if any. */
  public static Unit of(Period p, String code, Episode e, HomeVisit v) {
    return new Unit(p.name(), code, UnitType.V, e.enrollmentId(), e.indexChild().map(Child::childId).orElse(null),
        v.visitId(), e.programId(), true, 0, false, null, null, null, null, null);
  }

  /** The index child an episode's unit reads rows of (RC4: its well-child visit). */
  public Unit child(Child c) {
    return new Unit(period, measureCode, unitType, enrollmentId, c.childId(), visitId, programId, inDenominator,
        numerator, missing, windowStart, windowEnd, evidenceDate, evidenceId, note);
  }

  /** Left out of numerator and denominator for want of data, counted in missing. */
  public Unit missing(boolean isMissing) {
    return new Unit(period, measureCode, unitType, enrollmentId, childId, visitId, programId, inDenominator,
        numerator, isMissing, windowStart, windowEnd, evidenceDate, evidenceId, note);
  }

  /** Out of the denominator (a candidate the rule looked at but does not count). */
  public Unit inDenominator(boolean in) {
    return new Unit(period, measureCode, unitType, enrollmentId, childId, visitId, programId, in,
        numerator, missing, windowStart, windowEnd, evidenceDate, evidenceId, note);
  }

  /** A yes/no numerator. */
  public Unit achieved(boolean achieved) {
    return numerator(achieved ? 1 : 0);
  }

  /** An event count (PM08). */
  public Unit numerator(long count) {
    return new Unit(period, measureCode, unitType, enrollmentId, childId, visitId, programId, inDenominator,
        count, missing, windowStart, windowEnd, evidenceDate, evidenceId, note);
  }

  /** The days in which rows were looked for. */
  public Unit window(Span window) {
    return new Unit(period, measureCode, unitType, enrollmentId, childId, visitId, programId, inDenominator,
        numerator, missing, window.start(), window.end(), evidenceDate, evidenceId, note);
  }

  /** The row that decided the unit; none = no evidence. */
  public Unit evidence(CountableRow row) {
    return row == null ? this : evidence(row.date(), row.id());
  }

  /** The day and the key(s) of the rows that decided the unit. */
  public Unit evidence(LocalDate date, String id) {
    return new Unit(period, measureCode, unitType, enrollmentId, childId, visitId, programId,
        inDenominator, numerator, missing, windowStart, windowEnd, date, id, note);
  }

  /** Why, in a few words. */
  public Unit note(String why) {
    return new Unit(period, measureCode, unitType, enrollmentId, childId, visitId, programId, inDenominator,
        numerator, missing, windowStart, windowEnd, evidenceDate, evidenceId, why);
  }
}
