package hv.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hv.TestSpark;
import hv.contract.ColumnSpec;
import hv.contract.Contract;
import hv.contract.FileSchema;
import hv.generate.GenerateOptions;
import hv.generate.Generator;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain-Java rules give every row the reason the Spark expressions give it. */
class RowRulesSparkTest {

  static final Contract CONTRACT = Contract.get();
  static final String[] HOSTILE = {null, "", "Y", "N", "y", "0", "-1", "+5", "1.5", "1.0000000005", "99999", "1e3",
      "123456789", "1234567890", "0000-01-01", "0001-01-01", "1899-12-31", "1900-01-01", "2026-02-29", "2024-02-29",
      "2026-02-30", "2026-13-01", "2026-1-01", "2100-12-31", "2101-01-01", "9999-12-31", "2026-03-31", "2026-04-01",
      "2026-01-01T00:00Z", "2026-01-01T00:00+01:00", "2026-01-01T00:00-0100", "2026-01-01T00:00:00.5Z", "2026-01-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:59:60Z",
      "2026-01-01T10:00:00.1234567891Z", "2026-01-01T10:00:00+0530", "2026-01-01T10:00:00+05:30",
      "2026-01-01T10:00:00+18:00", "2026-01-01T10:00:00+19:00", "2026-01-01T10:00:00-00:00",
      "2026-01-01T10:00:00+05:60", "2026-02-30T10:00:00Z", "1900-01-01T00:00:00Z", "1900-01-01T00:30:00+01:00",
      "2100-12-31T23:59:59.999999999Z", "2101-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2026-01-01 10:00:00Z",
      "2026-01-01T10:00:00", "A1", "a b", "x@y.org", "(555) 123-4567", "123-45-6789", "DCF", "DCF;WIC", "DCF;",
      ";", "WIC;;DCF", "COMPLETED", "ÄÖ", "\uD83D\uDE00", "abc\n", "P".repeat(65), "P".repeat(64),
      "\uD83D\uDE00".repeat(64), "1".repeat(16), "-0", "00012"};

  @Test
  void theJavaRulesAgreeWithSparksOnGeneratedAndHostileRows(@TempDir Path tmp) throws Exception {
    LocalDate date = LocalDate.parse("2026-03-31");
    Generator.generate(new GenerateOptions(tmp, 12, 7L, date.minusMonths(6), date, 0, 0.02,
        GenerateOptions.Refusal.NONE), line -> { });
    Random random = new Random(3);
    int compared = 0;
    List<String> mismatches = new ArrayList<>();
    for (FileSchema f : CONTRACT.files()) {
      List<String[]> base = rows(tmp.resolve(date.toString()).resolve(f.fileName()), f);
      List<String[]> cases = new ArrayList<>(base);
      for (int i = 0; i < 3000 && !base.isEmpty(); i++) {
        String[] v = base.get(random.nextInt(base.size())).clone();
        for (int k = 1 + random.nextInt(2); k > 0; k--) {
          v[random.nextInt(v.length)] = HOSTILE[random.nextInt(HOSTILE.length)];
        }
        for (int c = 0; c < v.length; c++) {
          if ("".equals(v[c])) {
            v[c] = null;
          }
        }
        cases.add(v);
      }
      List<Row> rows = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      RowRules rules = new RowRules(CONTRACT, f);
      for (String[] v : cases) {
        List<Object> cells = new ArrayList<>(java.util.Arrays.asList((Object[]) v));
        cells.add(java.sql.Date.valueOf(date));
        rows.add(RowFactory.create(cells.toArray()));
        expected.add(rules.reason(v, date));
      }
      List<String> spark = RowValidatorTest.reasons(f, rows);
      for (int i = 0; i < cases.size(); i++) {
        if (!java.util.Objects.equals(spark.get(i), expected.get(i))) {
          mismatches.add(f.table() + ": spark " + spark.get(i) + ", java " + expected.get(i) + " for "
              + String.join("|", java.util.Arrays.stream(cases.get(i)).map(String::valueOf).toList()));
        }
      }
      compared += cases.size();
    }
    assertEquals(List.of(), mismatches.stream().collect(java.util.stream.Collectors.toMap(m -> m.replaceAll(" for .*", ""), m -> m, (a, b) -> a, java.util.TreeMap::new)).values().stream().toList());
    assertEquals(true, compared > 30_000, "rows compared: " + compared);
  }

  static List<String[]> rows(Path file, FileSchema f) throws Exception {
    List<String[]> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file);
         CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
      for (CSVRecord r : p) {
        String[] v = new String[f.columns().size()];
        int i = 0;
        for (ColumnSpec c : f.columns()) {
          String s = r.isMapped(c.name()) ? r.get(c.name()) : null;
          v[i++] = s == null || s.isEmpty() ? null : s;
        }
        out.add(v);
      }
    }
    return out;
  }
}
