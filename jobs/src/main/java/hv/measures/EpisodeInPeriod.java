package hv.measures;

import hv.family.Episode;
import hv.family.Family;
import hv.time.Period;
import hv.time.Span;
import java.time.LocalDate;
import java.util.List;

/**
 * A PC episode active in P (PM15, PM16, PM17, PM19), with the days of P on which it was
 * enrolled as its window {@code [max(P.start, enrollment_date), end(E, P)]}: "dated in P on a
 * day the episode was enrolled" is "dated in the window".
 */
record EpisodeInPeriod(Period period, Episode episode, Span window) {

  static List<EpisodeInPeriod> of(Family family, Period p) {
    return family.primaryCaregiverEpisodes().stream()
        .map(e -> new EpisodeInPeriod(p, e, e.enrolled().clip(p.days())))
        .filter(e -> !e.window().isEmpty())
        .toList();
  }

  /** {@code end(E, P) = min(P.end, exit_date)}. */
  LocalDate end() {
    return window.end();
  }

  /** The episode's unit in P, in the denominator, with no window yet. */
  Unit unit(String code) {
    return Unit.of(period, code, episode);
  }
}
