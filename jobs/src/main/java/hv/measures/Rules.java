package hv.measures;

import hv.family.CountableRow;
import java.util.Optional;
import java.util.stream.Stream;

/** Small pieces the measures share: picking a row and reading a numeric answer. */
final class Rules {

  private Rules() {}

  /** The first row: earliest date, then smallest id. */
  static <T extends CountableRow> Optional<T> first(Stream<T> rows) {
    return rows.min(CountableRow.ORDER);
  }

  /** The latest row: latest date, then greatest id. */
  static <T extends CountableRow> Optional<T> latest(Stream<T> rows) {
    return rows.max(CountableRow.ORDER);
  }

  /** An answer's value is the whole number n (the contract checks numeric items are whole numbers). */
  static boolean isNumber(String value, int n) {
    try {
      return value != null && Integer.parseInt(value.trim()) == n;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }
}
