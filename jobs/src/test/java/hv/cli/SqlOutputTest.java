package hv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hv.TestSpark;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/hv sql} output read back by real parsers: CSV (Commons CSV) and JSON lines (Jackson)
 * carry exactly the table format's rows, with every digit of a rate where the table rounds it.
 * Runs the command line in this JVM on a warehouse of three small marts tables.
 */
class SqlOutputTest {

  private static final String QUERY = "select * from marts.benchmark_results order by entity_id";
  /** Rates chosen to need rounding: repeating, half-up (binary 0.12345 lies just above), tiny, null. */
  private static final Double[] RATES = {2.0 / 3, 0.12345, 1.0 / 7, 0.00004, null};
  private static Path warehouse;

  @BeforeAll
  static void smallWarehouse() throws IOException {
    warehouse = Files.createTempDirectory("hv-sql-output");
    var spark = TestSpark.session();
    spark.sql("select * from values ('P-1', 2, 3, 2.0d/3, 'a, \"quoted\" note'), ('P-2', 12345, 100000, 0.12345d, null), "
            + "('P-3', 1, 7, 1.0d/7, 'plain'), ('P-4', 4, 100000, 0.00004d, ''), ('P-5', 0, 0, cast(null as double), 'x') "
            + "as t(entity_id, numerator, denominator, rate, note)")
        .write().format("delta").save(warehouse.resolve("marts/benchmark_results").toUri().toString());
    for (String other : List.of("benchmark_units", "ratecard_results")) {
      spark.sql("select 1 as one").write().format("delta").save(warehouse.resolve("marts").resolve(other).toUri().toString());
    }
  }

  private static CliRun sql(String format, String query) {
    return CliRun.of("sql", "--warehouse", warehouse.toString(), "--format", format, "-e", query);
  }

  /** The table format's cells, by row, header first: the lines between '|'s, trimmed. */
  private static List<List<String>> table(String out) {
    List<List<String>> rows = new ArrayList<>();
    out.lines().filter(l -> l.startsWith("|")).forEach(l ->
        rows.add(Arrays.stream(l.substring(1, l.length() - 1).split("\\|", -1)).map(String::trim).toList()));
    return rows;
  }

  @Test
  void csvAndJsonHoldTheTablesRowsAndTheExactRates() throws IOException {
    CliRun shown = sql("table", QUERY);
    CliRun csv = sql("csv", QUERY);
    CliRun json = sql("json", QUERY);
    for (CliRun run : List.of(shown, csv, json)) {
      assertEquals(0, run.exit(), run.err());
    }
    List<List<String>> table = table(shown.out());
    List<String> header = table.get(0);
    assertEquals(List.of("entity_id", "numerator", "denominator", "rate", "note"), header);

    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(csv.out())).getRecords();
    List<JsonNode> objects = new ArrayList<>();
    for (String line : json.out().lines().toList()) {
      objects.add(new ObjectMapper().readTree(line));   // any line that is not a row fails here
    }
    assertEquals(RATES.length, table.size() - 1);
    assertEquals(RATES.length, records.size(), "stdout holds the CSV and nothing else");
    assertEquals(RATES.length, objects.size());

    for (int r = 0; r < RATES.length; r++) {
      List<String> cells = table.get(r + 1);
      CSVRecord record = records.get(r);
      JsonNode object = objects.get(r);
      for (int c = 0; c < header.size(); c++) {
        String column = header.get(c);
        String cell = cells.get(c);
        if (column.equals("rate")) {
          Double exact = RATES[r];
          if (exact == null) {
            assertEquals("NULL", cell);
            assertEquals("", record.get(column));
            assertFalse(object.has(column));
          } else {
            assertEquals(exact, Double.parseDouble(record.get(column)), 0.0, "CSV keeps every digit");
            assertEquals(exact, object.get(column).doubleValue(), 0.0, "JSON keeps every digit");
            assertEquals(new BigDecimal(exact).setScale(4, RoundingMode.HALF_UP).toPlainString(), cell,
                "the table shows 4 decimals, half up");
          }
        } else if (cell.equals("NULL")) {
          assertEquals("", record.get(column));
          assertFalse(object.has(column));
        } else {
          assertEquals(cell, record.get(column), column);
          assertEquals(cell, object.get(column).asText(), column);
        }
      }
    }
    assertEquals("a, \"quoted\" note", records.get(0).get("note"), "a comma and quotes survive CSV");
    assertEquals("0.6667", table.get(1).get(3));
    assertEquals("0.1235", table.get(2).get(3));
  }

  @Test
  void everyFloatingPointColumnIsRoundedAlsoUnderARepeatedNameAndDecimalsKeepTheirScale() {
    CliRun run = sql("table", "select rate as r, rate as r, cast(rate as float) as f, cast(0.125 as decimal(18,3)) as "
        + "money, numerator from marts.benchmark_results where entity_id = 'P-1'");
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of(List.of("r", "r", "f", "money", "numerator"), List.of("0.6667", "0.6667", "0.6667", "0.125", "2")),
        table(run.out()));
  }

  @Test
  void aMistypedTableListsTheSchemasTablesClosestFirst() {
    CliRun run = sql("table", "select * from marts.benchmark_result");
    assertEquals(2, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains("no table marts.benchmark_result in the warehouse " + warehouse.toAbsolutePath().normalize()
        + ". Tables in marts, closest first: benchmark_results, benchmark_units, ratecard_results"), run.err());

    CliRun unqualified = sql("csv", "select * from ratecard_result");
    assertEquals(2, unqualified.exit(), unqualified.err());
    assertTrue(unqualified.err().contains("Closest first: marts.ratecard_results, "), unqualified.err());
  }
}
