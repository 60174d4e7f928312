package hv.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the last extract is broken so that ingest must refuse it as a whole: an identifier column
 * added to caregivers.csv, a required column left out of home_visits.csv, a file left out, or a
 * manifest that disagrees with a file. Other extracts keep the contract's layout.
 */
final class Refusals {

  static final Table WITH_IDENTIFIER = Table.CAREGIVERS;
  static final String IDENTIFIER_COLUMN = "first_name";
  static final Table WITHOUT_REQUIRED = Table.HOME_VISITS;
  static final String LEFT_OUT_COLUMN = "visit_date";
  static final Table MISSING = Table.SCREENINGS;
  static final Table MISCOUNTED = Table.HOME_VISITS;

  private static final String[] FIRST_NAMES = {"Maria", "Jasmine", "Ashley", "Keisha", "Emily", "Yolanda", "Brianna", "Luz"};

  private final GenerateOptions.Refusal refusal;

  Refusals(GenerateOptions.Refusal refusal) {
    this.refusal = refusal;
  }

  private boolean addsIdentifier(Table t) {
    return refusal == GenerateOptions.Refusal.IDENTIFIER_COLUMN && t == WITH_IDENTIFIER;
  }

  private boolean dropsRequired(Table t) {
    return refusal == GenerateOptions.Refusal.MISSING_REQUIRED_COLUMN && t == WITHOUT_REQUIRED;
  }

  boolean leavesOut(Table t) {
    return refusal == GenerateOptions.Refusal.MISSING_FILE && t == MISSING;
  }

  /** Row count the manifest states for a file that has {@code rows}. */
  int manifestRows(Table t, int rows) {
    return refusal == GenerateOptions.Refusal.MANIFEST_MISMATCH && t == MISCOUNTED ? rows + 1 : rows;
  }

  List<String> header(Table t) {
    List<String> names = new ArrayList<>(t.schema.columnNames());
    if (addsIdentifier(t)) {
      names.add(1, IDENTIFIER_COLUMN);
    }
    if (dropsRequired(t)) {
      names.remove(LEFT_OUT_COLUMN);
    }
    return names;
  }

  String[] row(Table t, String[] values) {
    List<String> out = new ArrayList<>(Arrays.asList(values));
    if (addsIdentifier(t)) {
      out.add(1, FIRST_NAMES[Math.floorMod(values[t.keyColumn()].hashCode(), FIRST_NAMES.length)]);
    }
    if (dropsRequired(t)) {
      out.remove(t.column(LEFT_OUT_COLUMN));
    }
    return out.toArray(String[]::new);
  }

  boolean changesLayout(Table t) {
    return addsIdentifier(t) || dropsRequired(t);
  }
}
