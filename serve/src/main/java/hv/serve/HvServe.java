package hv.serve;

import hv.cli.Hv;
import hv.cli.ServeCommand;
import picocli.CommandLine;

/**
 * {@code bin/hv serve}: the hv command line plus {@code serve}, whose Thrift server and Hive
 * jars (~195) are kept out of the jobs' jar and classpath.
 */
public final class HvServe {

  private HvServe() {}

  public static void main(String[] args) {
    // before anything logs: the jobs' logging settings plus the server's (composite configuration)
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "log4j2.properties,hv-serve-log4j2.properties");
    }
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return Hv.commandLine().addSubcommand(new ServeCommand());
  }
}
