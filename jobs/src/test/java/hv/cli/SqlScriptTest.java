package hv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestSpark;
import hv.spark.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameters of bin/hv sql: declared defaults (literal or queried), given values, clear refusals. */
class SqlScriptTest {

  private static final String SCRIPT = """
      -- @param label = a; b
      -- @param largest from select max(id) from range(7)
      -- a comment mentioning ${nothing} is not a use
      select '${label}' as label, ${largest} + 1 as next;
      """;

  @Test
  void defaultsAreTheDeclaredLiteralOrTheQuerysFirstValueAndGivenValuesWin(@TempDir Path tmp) {
    Warehouse wh = new Warehouse(TestSpark.session(), tmp);
    Row defaults = SqlScript.run(wh, SCRIPT, Map.of()).first();
    assertEquals("a; b", defaults.getString(0), "a ';' inside a value does not split the statement");
    assertEquals(7, defaults.getInt(1));

    Row given = SqlScript.run(wh, SCRIPT, Map.of("label", "x", "largest", "41")).first();
    assertEquals("x", given.getString(0));
    assertEquals(42, given.getInt(1));
  }

  @Test
  void anUnknownOrUnsetParameterIsAUsageErrorNamingIt(@TempDir Path tmp) {
    Warehouse wh = new Warehouse(TestSpark.session(), tmp);
    SqlScript.ParameterError unknown = assertThrows(SqlScript.ParameterError.class,
        () -> SqlScript.run(wh, SCRIPT, Map.of("lable", "x")));
    assertTrue(unknown.getMessage().contains("lable") && unknown.getMessage().contains("label, largest"),
        unknown.getMessage());
    SqlScript.ParameterError unset = assertThrows(SqlScript.ParameterError.class,
        () -> SqlScript.run(wh, "select ${year}", Map.of()));
    assertTrue(unset.getMessage().contains("--param year="), unset.getMessage());
    IllegalStateException noValue = assertThrows(IllegalStateException.class,
        () -> SqlScript.run(wh, "-- @param id from select id from range(0)\nselect ${id}", Map.of()));
    assertTrue(noValue.getMessage().contains("--param id="), noValue.getMessage());
  }

  @Test
  void theCommandTakesParamsAndExits2OnAnUnknownOne(@TempDir Path tmp) throws java.io.IOException {
    TestSpark.session(); // the command opens the session of this JVM
    java.nio.file.Files.createDirectory(tmp.resolve("marts")); // a warehouse, if an empty one
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    picocli.CommandLine cli = hv.cli.Hv.commandLine();
    cli.setErr(new PrintWriter(err, true));
    String wh = tmp.toString();
    assertEquals(0, cli.execute("sql", "--warehouse", wh, "-e", "select ${n} * 2", "--param", "n=21"));
    assertEquals(2, cli.execute("sql", "--warehouse", wh, "-e", "select ${n} * 2", "--param", "m=21"));
    assertTrue(err.toString().contains("--param m"), err.toString());
  }
}
