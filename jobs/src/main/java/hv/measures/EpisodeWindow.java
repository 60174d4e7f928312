package hv.measures;

import hv.family.CountableRow;
import hv.family.Episode;
import hv.time.Period;
import hv.time.RunPeriods;
import hv.time.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shape several PC measures share (PM03, PM06, PM14): an episode has a window; it is a unit
 * of the periods containing the window's end, in the denominator when enrolled on that day; it
 * achieves with a caregiver row of the episode dated in the window (rows after P.end included:
 * the window decides), the first of which is its evidence.
 */
record EpisodeWindow(Episode episode, Span window) {

  /** Why the unit stands as it does: not enrolled on the window's end; a row found; none found. */
  record Notes(String notEnrolled, String found, String notFound) {}

  /** @param rows the episode's caregiver rows of the kind that counts */
  <T extends CountableRow> List<Unit> units(String code, RunPeriods periods, List<T> rows, Notes notes) {
    Optional<T> first = Rules.first(rows.stream().filter(r -> window.contains(r.date())));
    boolean enrolled = episode.enrolled().contains(window.end());
    List<Unit> units = new ArrayList<>();
    for (Period p : periods.federal()) {
      if (p.days().contains(window.end())) {
        units.add(Unit.of(p, code, episode)
            .inDenominator(enrolled)
            .achieved(first.isPresent())
            .window(window)
            .evidence(first.orElse(null))
            .note(!enrolled ? notes.notEnrolled() : first.isPresent() ? notes.found() : notes.notFound()));
      }
    }
    return units;
  }
}
