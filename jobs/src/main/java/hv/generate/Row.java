package hv.generate;

import java.time.LocalDate;
import java.util.Arrays;

/** Field values of one record version, in its table's column order; null = empty. */
final class Row {

  final Table table;
  final String[] values;

  Row(Table table, String[] values) {
    this.table = table;
    this.values = values;
  }

  Row set(String column, String value) {
    values[table.column(column)] = value;
    return this;
  }

  Row set(String column, LocalDate date) {
    return set(column, date == null ? null : date.toString());
  }

  Row set(String column, int number) {
    return set(column, Integer.toString(number));
  }

  Row set(String column, boolean yes) {
    return set(column, yes ? "Y" : "N");
  }

  String get(String column) {
    return values[table.column(column)];
  }

  String key() {
    return values[table.keyColumn()];
  }

  Row copy() {
    return new Row(table, Arrays.copyOf(values, values.length));
  }
}
