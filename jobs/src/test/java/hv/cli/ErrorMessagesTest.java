package hv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every way {@code bin/hv} fails says, on stderr, what failed and what to do: never nothing, never a class name. */
class ErrorMessagesTest {

  private static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|\\n\\s+at ");

  @Test
  void aFailureWithoutAMessageIsStillDescribedInWords() {
    List<Throwable> silent = List.of(new RuntimeException(), new RuntimeException((String) null, null),
        new IllegalStateException(" \n "), new RuntimeException(new NullPointerException()),
        new RuntimeException() { });
    for (Throwable e : silent) {
      String said = Hv.describe(e);
      assertFalse(said.isBlank(), e.toString());
      assertFalse(CLASS_NAME.matcher(said).find(), said);
    }
    assertEquals("an internal error without a message (null pointer)", Hv.describe(new NullPointerException()));
    assertEquals("the real reason", Hv.describe(new RuntimeException(null,
        new IllegalStateException("\n\n  the real reason\n== SQL ==\nselect"))));
    assertEquals("no such file: notebooks/x.sql", Hv.describe(new NoSuchFileException("notebooks/x.sql")));
  }

  /** Arguments, the exit status they give, and a word the message must hold. */
  private record Case(List<String> args, int exit, String says) {}

  @Test
  void everyErrorPathOfTheLauncherPrintsAnInformativeLine(@TempDir Path tmp) throws IOException {
    TestSpark.session(); // the commands open the session of this JVM
    Files.createDirectories(tmp.resolve("marts")); // a warehouse folder: read-only commands refuse any other
    String wh = tmp.toString();
    List<Case> cases = List.of(
        new Case(List.of("bogus"), 2, "bogus"),
        new Case(List.of("sql", "--warehouse", wh, "--bogus"), 2, "--bogus"),
        new Case(List.of("sql", "--warehouse", wh), 2, "-e"),
        new Case(List.of("sql", "--warehouse", wh, "-e", "select 1", "--format", "xml"), 2, "--format"),
        new Case(List.of("sql", "--warehouse", wh, "-e", "select :n", "--param", "m=1"), 2, "--param m"),
        new Case(List.of("sql", "--warehouse", wh, "-e", "-- @param n int\nselect :n", "--param", "n=1; drop"), 2,
            "whole number"),
        new Case(List.of("history", "--warehouse", wh, "--table", "nothing"), 2, "--table"),
        new Case(List.of("sql", "--warehouse", wh, "-f", tmp.resolve("missing.sql").toString()), 2, "no such file"),
        new Case(List.of("sql", "--warehouse", wh, "-e", "select (1 +"), 1, "Syntax error"),
        new Case(List.of("sql", "--warehouse", wh, "-e", "select * from marts.nothing_here"), 2, "nothing_here"),
        new Case(List.of("sql", "--warehouse", wh, "-e", "-- @param id from select id from range(0)\nselect :id"), 1,
            "--param id="));
    for (Case c : cases) {
      StringWriter err = new StringWriter();
      CommandLine cli = Hv.commandLine();
      cli.setErr(new PrintWriter(err, true));
      cli.setOut(new PrintWriter(new StringWriter(), true));
      assertEquals(c.exit(), cli.execute(c.args().toArray(String[]::new)), c.args() + ": " + err);
      String first = err.toString().lines().findFirst().orElse("");
      assertTrue(first.contains(c.says()), c.args() + " says what failed: " + err);
      assertFalse(CLASS_NAME.matcher(err.toString()).find(), c.args() + ": no class name, no stack trace: " + err);
      if (c.exit() == Hv.FAILED) {
        String after = first.substring(first.indexOf(": failed: ") + ": failed: ".length());
        assertTrue(first.startsWith("hv ") && !after.isBlank(), first);
        assertTrue(System.getenv("HV_DEBUG") != null || after.contains("HV_DEBUG=1"), "says how to see more: " + first);
      }
    }
  }
}
