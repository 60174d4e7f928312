package hv.measures;

import hv.family.Child;
import hv.family.Episode;
import hv.family.Family;
import hv.family.Rows;
import hv.time.Period;
import hv.time.Span;
import java.util.List;

/** An index child of a PC episode (the IC unit), with the days it was enrolled and its rows. */
record IndexChild(Episode episode, Child child, Span enrolled, Rows rows) {

  static List<IndexChild> of(Family family) {
    return family.primaryCaregiverEpisodes().stream()
        .flatMap(e -> e.indexChild().stream().map(c -> new IndexChild(e, c, e.enrolled(c), family.rowsOf(c))))
        .toList();
  }

  /** The child's unit in P, in the denominator. */
  Unit unit(Period p, String code) {
    return Unit.of(p, code, episode, child);
  }
}
