package hv.marts.common;

import java.util.List;

/** What a measure counts: a PC episode, an index child, or a home visit. */
public enum UnitType {
  PC("enrollment_id"),
  IC("child_id"),
  V("visit_id");

  private final String idColumn;

  UnitType(String idColumn) {
    this.idColumn = idColumn;
  }

  /** The column naming the unit. */
  public String idColumn() {
    return idColumn;
  }

  /** A unit's identity within one measure: one row per period and unit. */
  public List<String> key() {
    return List.of(hv.time.Periods.PERIOD, idColumn);
  }
}
