package hv.core;

import hv.contract.ColumnSpec;
import hv.contract.Contract;
import hv.contract.FileSchema;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The row-level rules of the contract over one row's raw text values, in plain Java: the reason
 * of the first rule the row breaks, in the order below, or null when it keeps them all. Everything
 * is derived from {@code schemas/}; nothing here names a file. Values are typed as core types them
 * ({@link CoreTyping}): a date is a strict {@code yyyy-MM-dd}, a timestamp an instant to the
 * microsecond, a number compared with its limits as Spark compares a decimal with a double.
 *
 * <p>Reason codes: TOO_LONG, IDENTIFIER_VALUE, MISSING_REQUIRED, BAD_ID, BAD_FLAG, BAD_DATE,
 * BAD_TIMESTAMP, BAD_NUMBER, OUT_OF_RANGE, UNKNOWN_CODE, DATE_ORDER, FUTURE_DATE.
 * A reason is {@code CODE:column}; values are never part of a reason.
 *
 * <p>Lengths come first: a value longer than its column's limit stops the row before any
 * pattern sees it.
 */
public final class RowRules implements Serializable {

  private static final Pattern INT = Pattern.compile("^[+-]?[0-9]{1,9}$");
  private static final Pattern DECIMAL = Pattern.compile("^[+-]?[0-9]{1,15}(\\.[0-9]+)?$");
  private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]{1,9}))?)?(Z|[+-][0-9]{2}:?[0-9]{2})$");

  private final ColumnSpec[] columns;
  private final int[] maxLength;
  private final boolean[] required;
  private final Pattern[] identifierPatterns;
  private final Pattern id;
  private final int[] valueOf;
  private final ColumnSpec[][] itemRules;
  private final String[][] itemKeys;
  private final int[][] dateOrder;
  private final boolean[] mustNotBeFuture;
  private final LocalDate minDate;
  private final LocalDate maxDate;
  private final Instant minInstant;
  private final Instant endInstant;

  public RowRules(Contract contract, FileSchema file) {
    List<String> names = file.columnNames();
    int n = names.size();
    columns = file.columns().toArray(new ColumnSpec[0]);
    maxLength = new int[n];
    required = new boolean[n];
    valueOf = new int[n];
    itemRules = new ColumnSpec[n][];
    itemKeys = new String[n][];
    mustNotBeFuture = new boolean[n];
    for (int i = 0; i < n; i++) {
      ColumnSpec c = columns[i];
      maxLength[i] = contract.maxLength(c);
      required[i] = c.required();
      valueOf[i] = c.valueOf() == null ? -1 : names.indexOf(c.valueOf());
      if (c.valueOf() != null) {
        itemKeys[i] = file.itemValues().keySet().toArray(new String[0]);
        itemRules[i] = file.itemValues().values().toArray(new ColumnSpec[0]);
      }
      mustNotBeFuture[i] = c.isDate() && !c.future();
    }
    identifierPatterns = contract.identifierValuePatterns().values().stream().map(Pattern::compile)
        .toArray(Pattern[]::new);
    id = Pattern.compile("^" + contract.idPattern() + "$");
    dateOrder = file.dateOrder().stream()
        .map(pair -> new int[] {names.indexOf(pair.get(0)), names.indexOf(pair.get(1))}).toArray(int[][]::new);
    minDate = contract.dateRange().min();
    maxDate = contract.dateRange().max();
    minInstant = minDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    endInstant = maxDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** @param values the row's values in contract column order, null when empty */
  public String reason(String[] values, LocalDate extractDate) {
    int n = columns.length;
    for (int i = 0; i < n; i++) {
      if (values[i] != null && values[i].codePointCount(0, values[i].length()) > maxLength[i]) {
        return "TOO_LONG:" + columns[i].name();
      }
    }
    for (int i = 0; i < n; i++) {
      if (values[i] != null) {
        for (Pattern p : identifierPatterns) {
          if (p.matcher(values[i]).find()) {
            return "IDENTIFIER_VALUE:" + columns[i].name();
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (values[i] == null && required[i]) {
        return "MISSING_REQUIRED:" + columns[i].name();
      }
    }
    for (int i = 0; i < n; i++) {
      String broken = valueOf[i] >= 0 ? itemValue(i, values) : valueRule(columns[i], values[i]);
      if (broken != null) {
        return broken + ":" + columns[i].name();
      }
    }
    for (int[] pair : dateOrder) {
      Comparable<Object> first = typed(pair[0], values[pair[0]]);
      Object second = typed(pair[1], values[pair[1]]);
      if (first != null && second != null && first.compareTo(second) > 0) {
        return "DATE_ORDER:" + columns[pair[1]].name() + "<" + columns[pair[0]].name();
      }
    }
    for (int i = 0; i < n; i++) {
      if (mustNotBeFuture[i]) {
        LocalDate d = date(values[i]);
        if (d != null && d.isAfter(extractDate)) {
          return "FUTURE_DATE:" + columns[i].name();
        }
      }
    }
    return null;
  }

  /** An item's value breaking its item's list is an unknown code (extract-contract.md). */
  private String itemValue(int i, String[] values) {
    String item = values[valueOf[i]];
    for (int k = 0; k < itemKeys[i].length; k++) {
      if (itemKeys[i][k].equals(item)) {
        return valueRule(itemRules[i][k], values[i]) == null ? null : "UNKNOWN_CODE";
      }
    }
    return null;
  }

  /** The code of the rule a non-empty value breaks (its column's type, codes or range), or null. */
  private String valueRule(ColumnSpec c, String v) {
    if (v == null) {
      return null;
    }
    return switch (c.type()) {
      case "id" -> id.matcher(v).find() ? null : "BAD_ID";
      case "yn" -> v.equals("Y") || v.equals("N") ? null : "BAD_FLAG";
      case "code" -> c.codes().contains(v) ? null : "UNKNOWN_CODE";
      case "codes" -> allKnown(v.split(";", -1), c.codes()) ? null : "UNKNOWN_CODE";
      case "int" -> numberRule(c, v, INT);
      case "decimal" -> numberRule(c, v, DECIMAL);
      case "date" -> {
        LocalDate d = date(v);
        yield d == null ? "BAD_DATE" : d.isBefore(minDate) || d.isAfter(maxDate) ? "OUT_OF_RANGE" : null;
      }
      case "timestamp" -> {
        Instant t = instant(v);
        yield t == null ? "BAD_TIMESTAMP" : t.isBefore(minInstant) || !t.isBefore(endInstant) ? "OUT_OF_RANGE" : null;
      }
      default -> null;
    };
  }

  private static boolean allKnown(String[] codes, List<String> known) {
    for (String code : codes) {
      if (!known.contains(code)) {
        return false;
      }
    }
    return true;
  }

  /** Spark compares the value cast to decimal(38,9) with a limit given as a double: as doubles. */
  private static String numberRule(ColumnSpec c, String v, Pattern pattern) {
    if (!pattern.matcher(v).find()) {
      return "BAD_NUMBER";
    }
    double number = new BigDecimal(v).setScale(9, RoundingMode.HALF_UP).doubleValue();
    boolean outOfRange = (c.min() != null && number < c.min()) || (c.max() != null && number > c.max());
    return outOfRange ? "OUT_OF_RANGE" : null;
  }

  @SuppressWarnings("unchecked")
  private Comparable<Object> typed(int i, String v) {
    Object t = switch (columns[i].type()) {
      case "date" -> date(v);
      case "timestamp" -> instant(v);
      default -> throw new IllegalStateException("schemas: dateOrder names " + columns[i].name()
          + ", which is neither a date nor a timestamp");
    };
    return (Comparable<Object>) t;
  }

  /** A strict yyyy-MM-dd date (2026-02-30 is none); null when empty or not a date. */
  static LocalDate date(String v) {
    if (v == null || !DATE.matcher(v).find()) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The instant an ISO-8601 timestamp names, to the microsecond as Spark keeps it (further digits
   * are dropped; seconds may be left out); null when empty, not in the contract's form, or not a
   * real time.
   */
  static Instant instant(String v) {
    if (v == null) {
      return null;
    }
    Matcher m = TIMESTAMP.matcher(v);
    if (!m.find()) {
      return null;
    }
    try {
      String fraction = m.group(7) == null ? "" : m.group(7);
      int micros = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000").substring(0, 6));
      LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
          m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), micros * 1000);
      String zone = m.group(8);
      return local.toInstant(zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The rules of every file, by table. */
  public static java.util.Map<String, RowRules> of(Contract contract) {
    java.util.Map<String, RowRules> rules = new java.util.LinkedHashMap<>();
    for (FileSchema f : contract.files()) {
      rules.put(f.table(), new RowRules(contract, f));
    }
    return rules;
  }
}
