package hv.measures;

import hv.family.Child;
import hv.family.Episode;
import hv.family.Family;
import hv.family.Rows;
import hv.time.Period;
import hv.time.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * An index child of a PC episode active in P (PM08, PM09, PM11), with the days of P on which
 * the child was enrolled as its window: "dated in P on a day the child was enrolled" is
 * "dated in the window".
 */
record IndexChildInPeriod(Period period, Episode episode, Child child, Span window, Rows rows) {

  static List<IndexChildInPeriod> of(Family family, Period p) {
    List<IndexChildInPeriod> active = new ArrayList<>();
    for (Episode e : family.primaryCaregiverEpisodes()) {
      e.indexChild().ifPresent(c -> {
        Span window = e.enrolled(c).clip(p.days());
        if (!window.isEmpty()) {
          active.add(new IndexChildInPeriod(p, e, c, window, family.rowsOf(c)));
        }
      });
    }
    return active;
  }

  /** The child's unit in P, in the denominator, with its window. */
  Unit unit(String code) {
    return Unit.of(period, code, episode, child).window(window);
  }
}
