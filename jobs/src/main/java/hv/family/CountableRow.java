package hv.family;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * A row that can prove a numerator (screening, referral, event, answer): whose it is, its date
 * and its key. A caregiver row has an empty child_id; a child's row carries the child's id.
 */
public interface CountableRow {

  /** Earliest date first, then smallest id (character order): "the first" row; reversed, "the latest". */
  Comparator<CountableRow> ORDER = Comparator.comparing(CountableRow::date, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(CountableRow::id, Comparator.nullsLast(Comparator.naturalOrder()));

  String enrollmentId();

  String childId();

  LocalDate date();

  String id();
}
