package hv.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import hv.contract.ColumnSpec;
import hv.contract.Contract;
import hv.contract.FileSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** Row rules against hostile values: megabyte fields, patterns that could backtrack, dates a writer refuses. */
class RowRulesTest {

  static final int MEGABYTE = 1 << 20;
  static final Contract CONTRACT = Contract.get();

  /** Values that make a backtracking pattern rescan the rest of the value from every start position. */
  static List<String> hostileValues(int size) {
    return List.of("a".repeat(size), "1".repeat(size), "a@".repeat(size / 2), "a@" + "b".repeat(size),
        "a.".repeat(size / 2), "123-".repeat(size / 4), "(123) ".repeat(size / 6), "x@y" + ".z1".repeat(size / 3));
  }

  @Test
  void everyContractPatternRunsInLinearTimeOnAMegabyteValue() {
    List<Pattern> patterns = new ArrayList<>();
    CONTRACT.identifierValuePatterns().values().forEach(p -> patterns.add(Pattern.compile(p)));
    patterns.add(Pattern.compile("^" + CONTRACT.idPattern() + "$"));
    // Spark's rlike is find() with java.util.regex; the e-mail pattern as it was took 189 s at 40k characters
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      for (Pattern p : patterns) {
        for (String value : hostileValues(MEGABYTE)) {
          p.matcher(value).find();
        }
      }
    });
  }

  @Test
  void theLinearEmailPatternFindsExactlyWhatTheBacktrackingOneFound() {
    Pattern backtracking = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    Pattern linear = Pattern.compile(CONTRACT.identifierValuePatterns().get("EMAIL"));
    Random random = new Random(25);
    String alphabet = "ab1.-_%+@ x";
    int found = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder value = new StringBuilder();
      for (int k = random.nextInt(14); k > 0; k--) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      boolean expected = backtracking.matcher(value).find();
      assertEquals(expected, linear.matcher(value).find(), value.toString());
      found += expected ? 1 : 0;
    }
    assertEquals(true, found > 100, "the sample holds e-mail-like values: " + found);
  }

  @Test
  void aMegabyteValueInEveryColumnOfEveryFileIsTooLongAndTheRulesTakeSeconds() {
    long started = System.nanoTime();
    for (FileSchema f : CONTRACT.files()) {
      List<Row> rows = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (ColumnSpec c : f.columns()) {
        for (String value : List.of("a@".repeat(MEGABYTE / 2), "a".repeat(CONTRACT.maxLength(c) + 1))) {
          rows.add(rowWith(f, c.name(), value));
          expected.add("TOO_LONG:" + c.name());
        }
      }
      assertEquals(expected, reasons(f, rows), f.table());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(true, seconds < 60, "row rules on a megabyte value per column took " + seconds + " s");
  }

  @Test
  void aValueAtItsColumnsLimitIsNotTooLong() {
    FileSchema programs = CONTRACT.file("programs");
    ColumnSpec name = programs.column("program_name").orElseThrow();
    String atLimit = "P".repeat(CONTRACT.maxLength(name));
    List<String> reasons = reasons(programs, List.of(rowWith(programs, "program_name", atLimit)));
    assertEquals(false, reasons.get(0).startsWith("TOO_LONG"), reasons.get(0));
  }

  @Test
  void datesAndTimestampsOutsideTheContractsRangeAreOutOfRange() {
    FileSchema visits = CONTRACT.file("home_visits");
    Map<String, String> valid = Map.of("visit_id", "V1", "enrollment_id", "E1", "visit_date", "2026-01-05",
        "status", "COMPLETED", "created_at", "2026-01-05T12:00:00Z", "updated_at", "2026-01-05T12:00:00Z");
    String[][] cases = {
        {"visit_date", "0001-01-01", "OUT_OF_RANGE:visit_date"},
        {"visit_date", "1899-12-31", "OUT_OF_RANGE:visit_date"},
        {"visit_date", "1900-01-01", null},
        {"created_at", "1899-12-31T23:59:59Z", "OUT_OF_RANGE:created_at"},
        {"created_at", "1900-01-01T00:30:00+01:00", "OUT_OF_RANGE:created_at"},   // 1899-12-31T23:30Z
        {"created_at", "1900-01-01T00:00:00Z", null},
        {"updated_at", "2101-01-01T00:00:00Z", "OUT_OF_RANGE:updated_at"},
        {"updated_at", "2100-12-31T23:59:59Z", null},
    };
    List<Row> rows = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (String[] c : cases) {
      Map<String, String> values = new java.util.HashMap<>(valid);
      values.put(c[0], c[1]);
      rows.add(row(visits, values, "2026-01-10"));
      expected.add(c[2]);
    }
    assertEquals(expected, reasons(visits, rows));

    FileSchema programs = CONTRACT.file("programs");
    Map<String, String> program = hv.TestInbox.row("program_id", "P1", "program_name", "P", "contractor_id", "K1",
        "contract_number", "21OECHVS01ABC", "is_lead", "Y", "model", "HFA", "region", "1",
        "contract_start", "2024-07-01", "contract_end", "2101-06-30", "contract_value", "1", "updated_at",
        "2026-01-01T00:00:00Z");
    assertEquals(List.of("OUT_OF_RANGE:contract_end"),
        reasons(programs, List.of(row(programs, program, "2026-01-10"))), "a future date too");
  }

  /**
   * Timestamps as Spark's cast reads them (compared row by row with the Spark rules they
   * replaced, on 33,000 generated and hostile rows): an offset with or without its colon, up to
   * ±18:00; fractions beyond the microsecond dropped; no 24:00 or leap second. Without seconds
   * the time is read at :00 (ISO-8601; Spark's cast refused it, ingest decision 23).
   */
  @Test
  void timestampsAreReadAsIso8601InstantsToTheMicrosecond() {
    FileSchema caregivers = CONTRACT.file("caregivers");
    String[][] cases = {
        {"2026-01-01T10:00:00Z", null},
        {"2026-01-01T10:00Z", null},
        {"2026-01-01T10:00+01:00", null},
        {"2026-01-01T10:00:00+0530", null},
        {"2026-01-01T10:00:00+18:00", null},
        {"2026-01-01T10:00:00+19:00", "BAD_TIMESTAMP:updated_at"},
        {"2026-01-01T10:00:00+05:60", "BAD_TIMESTAMP:updated_at"},
        {"2026-01-01T24:00:00Z", "BAD_TIMESTAMP:updated_at"},
        {"2026-01-01T23:59:60Z", "BAD_TIMESTAMP:updated_at"},
        {"2026-02-30T10:00:00Z", "BAD_TIMESTAMP:updated_at"},
        {"2026-01-01 10:00:00Z", "BAD_TIMESTAMP:updated_at"},
        {"2026-01-01T10:00:00", "BAD_TIMESTAMP:updated_at"},
        {"2100-12-31T23:59:59.999999999Z", null},
        {"0000-01-01T00:00:00Z", "OUT_OF_RANGE:updated_at"},
    };
    List<Row> rows = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (String[] c : cases) {
      rows.add(row(caregivers, hv.TestInbox.row("caregiver_id", "CG1", "sex", "F", "caregiver_role", "MOTHER", "race", "BLACK", "hispanic", "N",
          "primary_language", "ENGLISH", "updated_at", c[0]), "2026-01-10"));
      expected.add(c[1]);
    }
    assertEquals(expected, reasons(caregivers, rows));
    assertEquals(RowRules.instant("2026-01-01T10:00:00.1234569Z"), RowRules.instant("2026-01-01T10:00:00.123456Z"));
    assertEquals(RowRules.instant("2026-01-01T09:00:00Z"), RowRules.instant("2026-01-01T10:00+01:00"));
  }

  static Row rowWith(FileSchema f, String column, String value) {
    return row(f, Map.of(column, value), "2026-01-10");
  }

  static Row row(FileSchema f, Map<String, String> values, String extractDate) {
    List<Object> cells = new ArrayList<>();
    f.columnNames().forEach(c -> cells.add(values.get(c)));
    cells.add(java.sql.Date.valueOf(extractDate));
    return RowFactory.create(cells.toArray());
  }

  /** The reason of each row, in order. */
  static List<String> reasons(FileSchema f, List<Row> rows) {
    RowRules rules = new RowRules(CONTRACT, f);
    int n = f.columns().size();
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      String[] values = new String[n];
      for (int i = 0; i < n; i++) {
        values[i] = r.getString(i);
      }
      out.add(rules.reason(values, r.getDate(n).toLocalDate()));
    }
    return out;
  }
}
