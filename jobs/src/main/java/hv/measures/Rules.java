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
    Integer number = wholeNumber(value);
    return number != null && number == n;
  }

  /** An answer's value is a whole number ≥ n. */
  static boolean isAtLeast(String value, int n) {
    Integer number = wholeNumber(value);
    return number != null && number >= n;
  }

  /** The whole number an answer's value holds; none when empty or not a number. */
  private static Integer wholeNumber(String value) {
    try {
      return value == null ? null : Integer.parseInt(value.trim());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
