package hv.generate;

import hv.contract.ColumnSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Mixes contract-breaking rows into the extracts at the requested rate, each kind at least once.
 * Every faulty row is a variant of a clean row under a fresh key (or an exact copy), so the
 * warehouse quarantines or skips it and the clean data keeps its meaning. Which columns can break
 * how is read from the contract's schema.
 */
final class FaultInjector {

  /** Where faulty rows go: extract number (0 = the full extract), file, values in schema order. */
  interface Output {
    void write(int extract, Table table, String[] values);
  }

  private static final String[] IDENTIFIER_VALUES = {"maria.r.lopez@gmail.com", "860-555-0143", "123-45-6789"};

  private final double rate;
  private final Dice dice;
  private final List<LocalDate> extractDates;
  private final Output output;
  private final Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
  /** The latest clean row per file of the full extract: material for the kinds still missing at the end. */
  private final String[][] templates = new String[Table.ALL.size()][];
  private int serial;

  FaultInjector(double rate, Dice dice, List<LocalDate> extractDates, Output output) {
    this.rate = rate;
    this.dice = dice;
    this.extractDates = extractDates;
    this.output = output;
  }

  Map<FaultKind, Integer> counts() {
    return counts;
  }

  /** Called after each clean row is written: now and then follow it with a faulty variant. */
  void afterRow(int extract, Table table, String[] clean) {
    if (rate <= 0) {
      return;
    }
    if (extract == 0) {
      templates[table.ordinal] = clean;
    }
    if (dice.chance(rate)) {
      List<FaultKind> kinds = Arrays.stream(FaultKind.values()).filter(k -> applies(k, table)).toList();
      inject(dice.pick(kinds), extract, table, clean);
    }
  }

  /** Adds the kinds that did not come up by chance, and one visit whose enrollment arrives an extract later. */
  void finish() {
    if (rate <= 0) {
      return;
    }
    for (FaultKind kind : FaultKind.values()) {
      if (kind != FaultKind.LATE_PARENT && counts.getOrDefault(kind, 0) == 0) {
        Table table = Table.ALL.stream().filter(t -> applies(kind, t) && templates[t.ordinal] != null).findFirst().orElseThrow();
        inject(kind, 0, table, templates[table.ordinal]);
      }
    }
    lateParent();
  }

  private static boolean applies(FaultKind kind, Table t) {
    List<ColumnSpec> columns = t.schema.columns();
    return switch (kind) {
      case BAD_DATE -> columns.stream().anyMatch(ColumnSpec::isDate);
      case OUT_OF_RANGE -> columns.stream().anyMatch(c -> c.max() != null);
      case UNKNOWN_CODE -> columns.stream().anyMatch(c -> c.codes() != null);
      case DATE_ORDER -> !t.schema.dateOrder().isEmpty();
      case FUTURE_DATE -> columns.stream().anyMatch(c -> c.isDate() && !c.future());
      case ORPHAN -> !t.schema.parentReferences().isEmpty();
      case ASSESSMENT_VALUE -> !t.schema.itemValues().isEmpty();
      case LATE_PARENT -> false;
      default -> true;
    };
  }

  private void inject(FaultKind kind, int extract, Table t, String[] clean) {
    LocalDate extractDate = extractDates.get(extract);
    Row row = new Row(t, clean.clone());
    if (kind != FaultKind.EXACT_DUPLICATE) {
      row.set(t.schema.key(), freshKey(clean[t.keyColumn()]));
    }
    switch (kind) {
      case MISSING_REQUIRED -> row.set(pick(t, c -> c.required() && !c.name().equals(t.schema.key())).name(), (String) null);
      case BAD_DATE -> row.set(pick(t, ColumnSpec::isDate).name(), extractDate.getYear() + "-02-30");
      case OUT_OF_RANGE -> {
        ColumnSpec c = pick(t, s -> s.max() != null);
        row.set(c.name(), Long.toString(Math.round(c.max()) + dice.between(1, 40)));
      }
      case UNKNOWN_CODE -> {
        ColumnSpec c = pick(t, s -> s.codes() != null);
        row.set(c.name(), "LEGACY_" + c.codes().get(0));
      }
      case MALFORMED_ID -> row.set(t.schema.key(), "ID #" + serial + "/" + t.schema.table());
      case DATE_ORDER -> {
        List<String> rule = t.schema.dateOrder().get(dice.between(0, t.schema.dateOrder().size() - 1));
        String first = row.get(rule.get(0)) != null ? row.get(rule.get(0)) : extractDate.minusDays(90).toString();
        row.set(rule.get(0), first);
        row.set(rule.get(1), LocalDate.parse(first).minusDays(dice.between(1, 30)));
      }
      case FUTURE_DATE -> row.set(pick(t, c -> c.isDate() && !c.future()).name(), extractDate.plusDays(dice.between(1, 60)));
      case IDENTIFIER_VALUE -> identifierValue(row);
      case CONFLICTING_DUPLICATE -> {
        output.write(extract, t, row.values.clone());
        row.set("updated_at", Instant.parse(row.get("updated_at")).plusSeconds(3600).toString());
      }
      case ORPHAN -> {
        ColumnSpec parent = pick(t, c -> c.parent() != null && (c.required() || row.get(c.name()) != null));
        row.set(parent.name(), freshKey(row.get(parent.name()) == null ? "X-0" : row.get(parent.name())));
      }
      case ASSESSMENT_VALUE -> row.set("value", outsideList(t.schema.itemValues().get(row.get("item"))));
      default -> { }
    }
    output.write(extract, t, row.values);
    counts.merge(kind, 1, Integer::sum);
  }

  private ColumnSpec pick(Table t, java.util.function.Predicate<ColumnSpec> which) {
    return dice.pick(t.schema.columns().stream().filter(which).toList());
  }

  /** A key of the same shape that no clean record uses: "E-123" becomes "E-F17". */
  private String freshKey(String like) {
    int dash = like.lastIndexOf('-');
    return (dash > 0 ? like.substring(0, dash) : "X") + "-F" + (++serial);
  }

  /** In a free-text column when the file has one, else as the key (phone and SSN shapes are made of id characters). */
  private void identifierValue(Row row) {
    ColumnSpec text = row.table.schema.columns().stream()
        .filter(c -> c.type().equals("text") && c.valueOf() == null).findFirst().orElse(null);
    if (text != null) {
      row.set(text.name(), IDENTIFIER_VALUES[serial % IDENTIFIER_VALUES.length]);
    } else {
      row.set(row.table.schema.key(), serial % 2 == 0 ? String.format("860-555-%04d", serial % 10_000)
          : String.format("%03d-45-%04d", 100 + serial % 800, serial % 10_000));
    }
  }

  private static String outsideList(ColumnSpec rule) {
    return switch (rule.type()) {
      case "yn" -> "MAYBE";
      case "int" -> Long.toString(Math.round(rule.max()) + 3);
      default -> "UNKNOWN";
    };
  }

  /**
   * A new family whose first visit is entered one extract before its enrollment: the visit waits
   * as an orphan and is released when the enrollment arrives. Needs at least one nightly extract.
   */
  private void lateParent() {
    int visitExtract = extractDates.size() >= 3 ? 1 : 0;
    if (extractDates.size() < 2 || templates[Table.HOME_VISITS.ordinal] == null) {
      return;
    }
    LocalDate visitDay = extractDates.get(visitExtract).minusDays(1);
    long visitEntered = dice.timeOn(extractDates.get(visitExtract));
    long parentEntered = dice.timeOn(extractDates.get(visitExtract + 1));
    Row caregiver = new Row(Table.CAREGIVERS, templates[Table.CAREGIVERS.ordinal].clone());
    caregiver.set("caregiver_id", freshKey(caregiver.key())).set("updated_at", Timestamps.format(parentEntered));
    Row enrollment = new Row(Table.ENROLLMENTS, templates[Table.ENROLLMENTS.ordinal].clone())
        .set("enrollment_id", freshKey(templates[Table.ENROLLMENTS.ordinal][Table.ENROLLMENTS.keyColumn()]))
        .set("caregiver_id", caregiver.key())
        .set("referral_date", visitDay.minusDays(20))
        .set("consent_date", visitDay.minusDays(7))
        .set("enrollment_date", visitDay)
        .set("exit_date", (String) null)
        .set("exit_reason", (String) null)
        .set("updated_at", Timestamps.format(parentEntered));
    Row visit = new Row(Table.HOME_VISITS, templates[Table.HOME_VISITS.ordinal].clone())
        .set("visit_id", freshKey(templates[Table.HOME_VISITS.ordinal][Table.HOME_VISITS.keyColumn()]))
        .set("enrollment_id", enrollment.key())
        .set("visit_date", visitDay)
        .set("status", "COMPLETED")
        .set("created_at", Timestamps.format(visitEntered))
        .set("updated_at", Timestamps.format(visitEntered));
    output.write(visitExtract, Table.HOME_VISITS, visit.values);
    output.write(visitExtract + 1, Table.CAREGIVERS, caregiver.values);
    output.write(visitExtract + 1, Table.ENROLLMENTS, enrollment.values);
    counts.merge(FaultKind.LATE_PARENT, 1, Integer::sum);
  }
}
