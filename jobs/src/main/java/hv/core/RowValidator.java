package hv.core;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import hv.contract.ColumnSpec;
import hv.contract.Contract;
import hv.contract.FileSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * The row-level rules of the contract as Spark expressions over the raw (all text) columns:
 * one reason per row (the first rule broken, in the order below) and the typed value of
 * every column. Everything is derived from {@code schemas/}; nothing here names a file.
 *
 * <p>Reason codes: TOO_LONG, IDENTIFIER_VALUE, MISSING_REQUIRED, BAD_ID, BAD_FLAG, BAD_DATE,
 * BAD_TIMESTAMP, BAD_NUMBER, OUT_OF_RANGE, UNKNOWN_CODE, DATE_ORDER, FUTURE_DATE.
 * The reason column holds {@code CODE:column}; values are never part of a reason.
 *
 * <p>Lengths come first: a value longer than its column's limit stops the row before any
 * pattern sees it ({@code coalesce} takes the first non-null check and evaluates no further).
 */
public final class RowValidator {

  /** Column of the raw row holding the extract date (a date). */
  public static final String EXTRACT_DATE = "_extract_date";

  private static final String INT = "^[+-]?[0-9]{1,9}$";
  private static final String DECIMAL = "^[+-]?[0-9]{1,15}(\\.[0-9]+)?$";
  private static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
  private static final String TIMESTAMP =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:?[0-9]{2})$";

  private final FileSchema file;
  private final Contract contract;

  public RowValidator(Contract contract, FileSchema file) {
    this.contract = contract;
    this.file = file;
  }

  /** {@code CODE:column} of the first rule the row breaks, or null when it keeps them all. */
  public Column reason() {
    List<Column> checks = new ArrayList<>();
    for (ColumnSpec c : file.columns()) {
      checks.add(when(length(col(c.name())).gt(contract.maxLength(c)), lit("TOO_LONG:" + c.name())));
    }
    for (ColumnSpec c : file.columns()) {
      checks.add(identifierValue(c));
    }
    for (ColumnSpec c : file.columns()) {
      checks.add(when(col(c.name()).isNull().and(lit(c.required())), lit("MISSING_REQUIRED:" + c.name())));
    }
    for (ColumnSpec c : file.columns()) {
      if (c.valueOf() != null) {
        checks.add(itemValue(c));
      } else {
        checks.add(valueRule(c, col(c.name()), c.name()));
      }
    }
    for (List<String> pair : file.dateOrder()) {
      Column first = typed(pair.get(0));
      Column second = typed(pair.get(1));
      checks.add(when(first.gt(second), lit("DATE_ORDER:" + pair.get(1) + "<" + pair.get(0))));
    }
    for (ColumnSpec c : file.columns()) {
      if (c.isDate() && !c.future()) {
        checks.add(when(typed(c.name()).gt(col(EXTRACT_DATE)), lit("FUTURE_DATE:" + c.name())));
      }
    }
    return coalesce(checks.stream().filter(java.util.Objects::nonNull).toArray(Column[]::new));
  }

  /** The typed value of a column (null when empty or unparseable; rows with a reason never reach core). */
  public Column typed(String name) {
    ColumnSpec c = file.column(name).orElseThrow();
    Column v = col(name);
    return switch (c.type()) {
      case "yn" -> when(v.equalTo("Y"), lit(true)).when(v.equalTo("N"), lit(false));
      case "date" -> parsedDate(v);
      case "timestamp" -> instant(v);
      default -> v.cast(c.sparkType());
    };
  }

  /** All typed columns in contract order; {@code deleted} is false when empty. */
  public List<Column> typedColumns() {
    List<Column> out = new ArrayList<>();
    for (ColumnSpec c : file.columns()) {
      Column t = typed(c.name());
      if (c.name().equals("deleted")) {
        t = coalesce(t, lit(false));
      }
      out.add(t.as(c.name()));
    }
    return out;
  }

  private Column identifierValue(ColumnSpec c) {
    Column found = null;
    for (Map.Entry<String, String> p : contract.identifierValuePatterns().entrySet()) {
      Column hit = when(col(c.name()).rlike(p.getValue()), lit("IDENTIFIER_VALUE:" + c.name()));
      found = found == null ? hit : coalesce(found, hit);
    }
    return found;
  }

  private Column itemValue(ColumnSpec c) {
    Column rule = null;
    for (Map.Entry<String, ColumnSpec> item : file.itemValues().entrySet()) {
      Column broken = valueRule(item.getValue(), col(c.name()), c.name());
      Column branch = when(col(c.valueOf()).equalTo(item.getKey()), broken);
      rule = rule == null ? branch : coalesce(rule, branch);
    }
    // an item whose value breaks its list is an unknown code (extract-contract.md)
    return when(rule.isNotNull(), lit("UNKNOWN_CODE:" + c.name()));
  }

  /** The reason a non-empty value breaks its column's type, codes or range; null if it does not. */
  private Column valueRule(ColumnSpec c, Column v, String name) {
    Contract.DateRange range = contract.dateRange();
    Column present = v.isNotNull();
    Column broken = switch (c.type()) {
      case "id" -> when(not(v.rlike("^" + contract.idPattern() + "$")), lit("BAD_ID:" + name));
      case "yn" -> when(not(v.isin("Y", "N")), lit("BAD_FLAG:" + name));
      case "code" -> when(not(v.isin(c.codes().toArray())), lit("UNKNOWN_CODE:" + name));
      case "codes" -> when(exists(split(v, ";"), code -> not(code.isin(c.codes().toArray()))),
          lit("UNKNOWN_CODE:" + name));
      case "int" -> numberRule(c, v, INT, name);
      case "decimal" -> numberRule(c, v, DECIMAL, name);
      case "date" -> when(parsedDate(v).isNull(), lit("BAD_DATE:" + name))
          .when(not(parsedDate(v).between(lit(java.sql.Date.valueOf(range.min())), lit(java.sql.Date.valueOf(range.max())))),
              lit("OUT_OF_RANGE:" + name));
      case "timestamp" -> when(not(v.rlike(TIMESTAMP)).or(instant(v).isNull()),
          lit("BAD_TIMESTAMP:" + name))
          .when(instant(v).lt(lit(instant(range.min())))
              .or(instant(v).geq(lit(instant(range.max().plusDays(1))))), lit("OUT_OF_RANGE:" + name));
      default -> null;
    };
    return broken == null ? null : when(present, broken);
  }

  private static Column numberRule(ColumnSpec c, Column v, String pattern, String name) {
    Column number = v.cast("decimal(38,9)");
    Column outOfRange = lit(false);
    if (c.min() != null) {
      outOfRange = outOfRange.or(number.lt(lit(c.min())));
    }
    if (c.max() != null) {
      outOfRange = outOfRange.or(number.gt(lit(c.max())));
    }
    return when(not(v.rlike(pattern)), lit("BAD_NUMBER:" + name))
        .when(outOfRange, lit("OUT_OF_RANGE:" + name));
  }

  private static java.sql.Timestamp instant(java.time.LocalDate day) {
    return java.sql.Timestamp.from(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
  }

  /**
   * The instant of an ISO-8601 timestamp. Spark's cast refuses one without seconds
   * ({@code 2026-11-21T23:04Z}), which ISO-8601 allows: the seconds are made explicit first.
   */
  private static Column instant(Column v) {
    return regexp_replace(v, "^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2})(?=Z|[+-])", "$1:00").cast("timestamp");
  }

  /** A strict yyyy-MM-dd date: the text must round-trip, so 2026-02-30 is no date. */
  private static Column parsedDate(Column v) {
    Column d = to_date(v, "yyyy-MM-dd");
    return when(v.rlike(DATE).and(date_format(d, "yyyy-MM-dd").equalTo(v)), d);
  }

}
