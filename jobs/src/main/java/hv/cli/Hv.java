package hv.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/hv}: the one launcher. Exit status 0 done, 1 failed, 2 wrong usage, 3 extract refused. */
@Command(name = "hv", mixinStandardHelpOptions = true, version = "hv 0.1.0",
    description = "Home visiting analytics warehouse: nightly extracts into Delta tables, MIECHV benchmarks, "
        + "the Outcomes Rate Card and contract evaluation.",
    // serve lives in its own module (Thrift server and Hive jars): bin/hv starts it with those
    footer = {"", "  serve     A JDBC/ODBC SQL endpoint over the tables (bin/hv serve --help)"},
    subcommands = {DemoCommand.class, NightlyCommand.class, GenerateCommand.class, SqlCommand.class, HistoryCommand.class,
        CompareCommand.class,
        CommandLine.HelpCommand.class})
public final class Hv implements Runnable {

  public static final int FAILED = 1;
  public static final int REFUSED = 3;

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Hv());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      // a clear line, never a stack trace (HV_DEBUG=1 shows it)
      PrintWriter err = commandLine.getErr();
      err.println("hv " + commandLine.getCommandName() + ": failed: " + describe(e));
      if (System.getenv("HV_DEBUG") != null) {
        e.printStackTrace(err);
      }
      err.flush();
      return FAILED;
    });
    return cli;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
