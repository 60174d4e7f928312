package hv.cli;

import hv.settings.Settings;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

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

  @Spec
  CommandSpec spec;

  private Optional<Path> conf = Optional.empty();
  private final Map<String, String> overrides = new LinkedHashMap<>();

  @Option(names = "--conf", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "a folder of settings files (hv.properties, spark.properties, ratecard-prices.properties); "
          + "each key there replaces the installed conf/'s")
  void conf(Path dir) {
    if (dir != null && !Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--conf " + dir + ": no such folder ("
          + dir.toAbsolutePath().normalize() + ")");
    }
    conf = Optional.ofNullable(dir);
  }

  // checked as parsed: a mistyped key or value is wrong usage, said before anything runs
  @Option(names = "--set", paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT,
      description = "a setting for this run only, over conf/ and --conf (repeatable), e.g. --set "
          + "caseload.slots.NFP=20")
  void set(Map<String, String> assignments) {
    overrides.clear();
    if (assignments != null) {
      assignments.forEach((key, value) -> {
        try {
          overrides.put(key, Settings.check("--set " + key + "=" + value, key, value.strip()));
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
      });
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
    Hv hv = new Hv();
    CommandLine cli = new CommandLine(hv);
    cli.setParameterExceptionHandler(Hv::usageError);
    // the command runs with the settings of its command line; they end with it (tests run many in one JVM)
    cli.setExecutionStrategy(parseResult -> {
      Settings settings;
      try {
        settings = Settings.load(hv.conf, hv.overrides);
      } catch (IllegalArgumentException e) {
        List<CommandLine> parsed = parseResult.asCommandLineList();
        throw new CommandLine.ParameterException(parsed.get(parsed.size() - 1), e.getMessage());
      }
      Settings before = Settings.current();
      Settings.use(settings);
      try {
        return new CommandLine.RunLast().execute(parseResult);
      } finally {
        Settings.use(before);
      }
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      // a clear line, never a stack trace (HV_DEBUG=1 shows it)
      PrintWriter err = commandLine.getErr();
      boolean debug = System.getenv("HV_DEBUG") != null;
      err.println("hv " + commandLine.getCommandName() + ": failed: " + describe(e)
          + (debug ? "" : " (HV_DEBUG=1 shows the details)"));
      if (debug) {
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

  /**
   * One line saying what went wrong, never empty: the first line of text the exception or one of
   * its causes carries (Spark's parse errors begin with an empty line), the file a file-system
   * error names (its message is only the path), or else what kind of error it was, in words.
   */
  public static String describe(Throwable e) {
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      root = t;
      if (t instanceof FileSystemException f) {
        return words(f) + ": " + f.getFile() + (f.getReason() == null ? "" : " (" + f.getReason() + ")");
      }
      String line = t.getMessage() == null ? "" : t.getMessage().lines().map(String::strip)
          .filter(l -> !l.isEmpty()).findFirst().orElse("");
      // new RuntimeException(cause) takes cause.toString() as its message: a class name, not a reason
      boolean onlyTheCause = t.getCause() != null && t.getCause().toString().equals(t.getMessage());
      if (!line.isEmpty() && !onlyTheCause) {
        return line;
      }
    }
    return "an internal error without a message (" + words(root) + ")";
  }

  /** NoSuchFileException: "no such file"; the kind of error without Java's class name. */
  private static String words(Throwable e) {
    Class<?> type = e.getClass();
    while (type.getSimpleName().isEmpty()) { // an anonymous class: the kind it extends
      type = type.getSuperclass();
    }
    String name = type.getSimpleName().replaceAll("(Exception|Error)$", "");
    return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }
}
