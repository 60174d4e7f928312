package hv.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

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

  // log4j2.properties sets the default: errors only, or the level HV_LOG names
  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Spark's and the libraries' log lines (info and up) on standard error; also HV_LOG=info")
  void verbose(boolean on) {
    if (on) {
      org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.INFO);
    }
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Hv());
    cli.setParameterExceptionHandler(Hv::usageError);
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

  /** Wrong usage: what is wrong and what to do, then where the flags are listed (not the whole usage). */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println(name + ": " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("(bin/" + name + " --help lists the flags)");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
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
