package hv.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One record of the source system with every version it had, each stamped with when it was
 * entered; the extract writer decides from those stamps which extract carries which version.
 */
final class SourceRecord {

  /** A snapshot of the record as entered at {@code enteredAt} (epoch seconds, UTC). */
  record Version(long enteredAt, Row row, boolean deleted) {
    LocalDate enteredOn() {
      return LocalDate.ofEpochDay(Math.floorDiv(enteredAt, 86_400L));
    }
  }

  final Table table;
  private final List<Version> versions = new ArrayList<>(2);

  private SourceRecord(Table table) {
    this.table = table;
  }

  static SourceRecord create(Row row, long enteredAt) {
    SourceRecord record = new SourceRecord(row.table);
    record.add(row, enteredAt, false);
    return record;
  }

  /** A new version: a copy of the latest one changed by {@code change}, entered no earlier than the latest. */
  SourceRecord update(long enteredAt, Consumer<Row> change) {
    Row next = latest().row().copy();
    change.accept(next);
    add(next, Math.max(enteredAt, latest().enteredAt() + 60), false);
    return this;
  }

  /** The record was entered in error and is removed in the source. */
  SourceRecord delete(long enteredAt) {
    add(latest().row().copy(), Math.max(enteredAt, latest().enteredAt() + 60), true);
    return this;
  }

  private void add(Row row, long enteredAt, boolean deleted) {
    row.set("updated_at", Timestamps.format(enteredAt));
    row.set("deleted", deleted);
    versions.add(new Version(enteredAt, row, deleted));
  }

  Version latest() {
    return versions.get(versions.size() - 1);
  }

  long createdAt() {
    return versions.get(0).enteredAt();
  }

  List<Version> versions() {
    return versions;
  }
}
