package hv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestSpark;
import hv.spark.Warehouse;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Hostile notebook parameters through {@code bin/hv sql -f} as the launcher runs it (in this JVM):
 * a value is compared as a value, so it matches no row, and nothing it says is run.
 */
class NotebookParameterInjectionTest {

  private static final Path CONTRACT_PAYMENTS =
      Path.of(System.getProperty("hv.home", "..")).resolve("notebooks").resolve("contract-payments.sql");

  /** Exit status, and the contract numbers of the rows printed (CSV). */
  private record Run(int exit, List<String> contracts, String err) {}

  private static Run sql(Path warehouse, String... params) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Hv.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> args = new java.util.ArrayList<>(List.of("sql", "--warehouse", warehouse.toString(),
        "-f", CONTRACT_PAYMENTS.toString(), "--format", "csv"));
    for (String p : params) {
      args.addAll(List.of("--param", p));
    }
    int exit = cli.execute(args.toArray(String[]::new));
    List<String> lines = out.toString().lines().toList();
    if (exit == 0) {
      assertTrue(lines.get(0).startsWith("sfy,half,contract_number,"), "a CSV header: " + lines);
    }
    return new Run(exit, lines.stream().skip(1).map(l -> l.split(",")[2]).toList(), err.toString());
  }

  @Test
  void aQuoteOrAStatementInAValueMatchesNothingAndRunsNothing(@TempDir Path tmp) {
    Warehouse wh = new Warehouse(TestSpark.session(), tmp);
    wh.spark().sql("""
        select * from values
          ('SFY2026', 'H1', 'C-A', 'RC1', 2L, 200.00, null, null),
          ('SFY2026', 'H1', 'C-A', 'ALL', 2L, 200.00, 1000.00, 200.00),
          ('SFY2026', 'H1', 'C-B', 'RC1', 5L, 500.00, null, null),
          ('SFY2026', 'H1', 'C-B', 'ALL', 5L, 500.00, 1000.00, 500.00)
        as t(sfy, half, contract_number, outcome_code, achieved, earned, cap, paid)""")
        .write().format("delta").save(wh.location("marts", "ratecard_payments"));

    Run byDefault = sql(tmp);
    assertEquals(0, byDefault.exit(), byDefault.err());
    assertEquals(List.of("C-B", "C-B"), byDefault.contracts(), "the contract paid most, alone");
    Run chosen = sql(tmp, "contract_number=C-A");
    assertEquals(List.of("C-A", "C-A"), chosen.contracts(), "the contract asked for, alone");

    Run quote = sql(tmp, "contract_number=x' or '1'='1");
    assertEquals(0, quote.exit(), quote.err());
    assertEquals(List.of(), quote.contracts(), "no contract's rows for a value no contract has");

    Run statement = sql(tmp, "contract_number=C-A'; drop table marts.ratecard_payments; --");
    assertEquals(0, statement.exit(), statement.err());
    assertEquals(List.of(), statement.contracts());
    assertEquals(4, wh.read("marts", "ratecard_payments").count(), "the table is still there, whole");
    assertEquals(Set.of("ratecard_payments"), wh.spark().sql("show tables in marts").collectAsList().stream()
        .map(r -> r.getString(1)).filter(t -> t.equals("ratecard_payments")).collect(Collectors.toSet()));
  }
}
