package hv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestSpark;
import hv.spark.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameters of bin/hv sql: declared types and defaults (literal or queried), given values, clear refusals. */
class SqlScriptTest {

  private static final String SCRIPT = """
      -- @param label = a; b
      -- @param largest int from select max(id) from range(7)
      -- a comment mentioning :nothing is not a use
      select :label as label, :largest + 1 as next, ':label' as quoted;
      """;

  @Test
  void defaultsAreTheDeclaredLiteralOrTheQuerysFirstValueAndGivenValuesWin(@TempDir Path tmp) {
    Warehouse wh = new Warehouse(TestSpark.session(), tmp);
    Row defaults = SqlScript.run(wh, SCRIPT, Map.of()).first();
    assertEquals("a; b", defaults.getString(0), "a ';' inside a value does not split the statement");
    assertEquals(7, defaults.getLong(1));
    assertEquals(":label", defaults.getString(2), "a marker inside quotes is text");

    Row given = SqlScript.run(wh, SCRIPT, Map.of("label", "x", "largest", "41")).first();
    assertEquals("x", given.getString(0));
    assertEquals(42, given.getLong(1));
  }

  @Test
  void valuesAreBoundAsTheirDeclaredTypeOrRefused(@TempDir Path tmp) {
    Warehouse wh = new Warehouse(TestSpark.session(), tmp);
    String typed = """
        -- @param day date
        -- @param at timestamp
        -- @param n int
        select :day as day, cast(:at as string) as at, :n * 2 as twice, :free as free
        """;
    Row row = SqlScript.run(wh, typed, Map.of("day", "2026-03-31", "at", "2026-03-30 04:12:09.531",
        "n", "21", "free", "it's \\ 'quoted'")).first();
    assertEquals(Date.valueOf("2026-03-31"), row.getDate(0));
    assertEquals("2026-03-30 04:12:09.531", row.getString(1), "read in the session's time zone and shown in it");
    assertEquals(42, row.getLong(2));
    assertEquals("it's \\ 'quoted'", row.getString(3), "an undeclared parameter is a string, kept as given");

    for (String[] wrong : List.of(new String[] {"n", "1 or 1=1", "whole number"},
        new String[] {"day", "2026-02-30", "date"}, new String[] {"at", "yesterday", "time"})) {
      Map<String, String> given = new java.util.HashMap<>(Map.of("day", "2026-03-31",
          "at", "2026-03-30 04:12:09", "n", "1", "free", "x"));
      given.put(wrong[0], wrong[1]);
      SqlScript.ParameterError e = assertThrows(SqlScript.ParameterError.class, () -> SqlScript.run(wh, typed, given));
      assertTrue(e.getMessage().contains("--param " + wrong[0]) && e.getMessage().contains(wrong[2]), e.getMessage());
    }
  }

  @Test
  void anUnknownUnsetOrUnbindableParameterIsAUsageErrorNamingIt(@TempDir Path tmp) {
    Warehouse wh = new Warehouse(TestSpark.session(), tmp);
    SqlScript.ParameterError unknown = assertThrows(SqlScript.ParameterError.class,
        () -> SqlScript.run(wh, SCRIPT, Map.of("lable", "x")));
    assertTrue(unknown.getMessage().contains("lable") && unknown.getMessage().contains("label, largest"),
        unknown.getMessage());
    SqlScript.ParameterError unset = assertThrows(SqlScript.ParameterError.class,
        () -> SqlScript.run(wh, "select :year", Map.of()));
    assertTrue(unset.getMessage().contains("--param year="), unset.getMessage());
    IllegalStateException noValue = assertThrows(IllegalStateException.class,
        () -> SqlScript.run(wh, "-- @param id from select id from range(0)\nselect :id", Map.of()));
    assertTrue(noValue.getMessage().contains("--param id="), noValue.getMessage());
    SqlScript.ParameterError spliced = assertThrows(SqlScript.ParameterError.class,
        () -> SqlScript.run(wh, "-- @param id = 1\nselect * from range(9) where id = '${id}'", Map.of()));
    assertTrue(spliced.getMessage().contains(":id"), spliced.getMessage());
    SqlScript.ParameterError version = assertThrows(SqlScript.ParameterError.class,
        () -> SqlScript.run(wh, "select * from marts.x VERSION AS OF :v", Map.of("v", "3")));
    assertTrue(version.getMessage().contains("VERSION AS OF 12"), version.getMessage());
    SqlScript.ParameterError type = assertThrows(SqlScript.ParameterError.class,
        () -> SqlScript.run(wh, "-- @param id integer = 1\nselect :id", Map.of()));
    assertTrue(type.getMessage().contains("string, int, date, timestamp"), type.getMessage());
    SqlScript.ParameterError badDefault = assertThrows(SqlScript.ParameterError.class,
        () -> SqlScript.run(wh, "-- @param id int = one\nselect :id", Map.of()));
    assertTrue(badDefault.getMessage().startsWith("the default of id: 'one' is not a whole number"),
        badDefault.getMessage());
  }

  @Test
  void markersAreFoundInCodeOnly() {
    assertEquals(List.of("a", "b"), SqlScript.markers(
        "select :a, ':x', \"y:z\", `c:d`, 'it\\'s :e', map('k', 1)['k'] + :b"));
    assertEquals(List.of("select 1", "select ':x; -- not a comment'"),
        SqlScript.statements("select 1; -- a ; comment\nselect ':x; -- not a comment'"));
  }

  @Test
  void theCommandTakesParamsAndExits2OnAnUnknownOne(@TempDir Path tmp) throws java.io.IOException {
    TestSpark.session(); // the command opens the session of this JVM
    java.nio.file.Files.createDirectory(tmp.resolve("marts")); // a warehouse, if an empty one
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    picocli.CommandLine cli = hv.cli.Hv.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(ByteArrayOutputStream.nullOutputStream()));
    String wh = tmp.toString();
    assertEquals(0, cli.execute("sql", "--warehouse", wh, "-e", "select :n * 2", "--param", "n=21"));
    assertEquals(2, cli.execute("sql", "--warehouse", wh, "-e", "select :n * 2", "--param", "m=21"));
    assertTrue(err.toString().contains("--param m"), err.toString());
  }
}
