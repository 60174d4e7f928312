package hv.measures;

import hv.family.Family;
import hv.family.Rows;
import hv.time.Period;
import hv.time.Span;
import java.util.List;

/**
 * An index child active in P (PM08, PM09, PM11, PM18), with the days of P on which it was
 * enrolled as its window: "dated in P on a day the child was enrolled" is "dated in the window".
 */
record IndexChildInPeriod(Period period, IndexChild child, Span window) {

  static List<IndexChildInPeriod> of(Family family, Period p) {
    return IndexChild.of(family).stream()
        .map(c -> new IndexChildInPeriod(p, c, c.enrolled().clip(p.days())))
        .filter(c -> !c.window().isEmpty())
        .toList();
  }

  Rows rows() {
    return child.rows();
  }

  /** The child's unit in P, in the denominator, with its window. */
  Unit unit(String code) {
    return child.unit(period, code).window(window);
  }
}
