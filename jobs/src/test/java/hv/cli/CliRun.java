package hv.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One run of the hv command line in this JVM, as bin/hv runs it: its exit status, stdout and stderr. */
record CliRun(int exit, String out, String err, long millis) {

  static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    PrintStream stdout = System.out;
    long started = System.nanoTime();
    int exit;
    // the commands print their results on System.out, picocli its messages on the command line's writer
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      exit = Hv.commandLine().setErr(new PrintWriter(err, true)).execute(args);
    } finally {
      System.out.flush();
      System.setOut(stdout);
    }
    return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(), (System.nanoTime() - started) / 1_000_000);
  }
}
