package hv.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects one household's records and stamps when each was entered in the source system:
 * usually within days, some after the 15th-of-next-month deadline, never before the episode
 * itself was entered (so clean data has no orphans).
 */
final class Sink {

  private static final double ENTERED_TWICE = 0.01;

  final List<SourceRecord> records = new ArrayList<>();
  final Ids ids;
  final Dice dice;

  Sink(Ids ids, Dice dice) {
    this.ids = ids;
    this.dice = dice;
  }

  SourceRecord add(SourceRecord record) {
    records.add(record);
    return record;
  }

  /** When something dated {@code date} in the episode is entered. */
  long enteredFor(Episode e, LocalDate date) {
    LocalDate deadline = date.withDayOfMonth(1).plusMonths(1).withDayOfMonth(15);
    int toDeadline = (int) (deadline.toEpochDay() - date.toEpochDay());
    int lag = dice.odds(0.07, -1.2 * e.program.effect)
        ? toDeadline + dice.between(1, 45)
        : Math.min(toDeadline, dice.lognormalDays(1.5, 1.0));
    return Math.max(dice.timeOn(date.plusDays(lag)), e.createdAt + 60);
  }

  /**
   * An event-like row (visit, screening, referral, health event, answer) of the episode. Now and
   * then it is entered twice by mistake, and the copy is deleted in the source a few days later.
   */
  SourceRecord event(Episode e, Row row, String idPrefix, LocalDate date) {
    long entered = enteredFor(e, date);
    if (row.table.hasCreatedAt) {
      row.set("created_at", Timestamps.format(entered));
    }
    SourceRecord record = add(SourceRecord.create(row.set(row.table.schema.key(), ids.next(idPrefix)), entered));
    if (dice.chance(ENTERED_TWICE)) {
      Row copy = row.copy().set(row.table.schema.key(), ids.next(idPrefix));
      add(SourceRecord.create(copy, entered + dice.between(60, 3600)).delete(entered + dice.between(1, 20) * 86_400L));
    }
    return record;
  }
}
