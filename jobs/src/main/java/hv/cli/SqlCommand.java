package hv.cli;

import hv.spark.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import javax.security.sasl.SaslException;
import org.apache.thrift.TException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Runs SQL against the warehouse's tables (raw.*, core.*, ops.*, marts.*). A file may hold "
        + "several statements separated by ';'; the result of the last is printed. :name in the SQL is a "
        + "parameter, bound as a value (never pasted into the SQL): the value of --param name=VALUE, or the "
        + "default the file declares (-- @param name [TYPE] = VALUE, or -- @param name [TYPE] from QUERY; "
        + "TYPE is string, int, date or timestamp, string when not written).",
        "When bin/hv serve runs on the warehouse, the query goes to it and answers in about a second; "
            + "otherwise this process starts Spark (tens of seconds) and loads only the tables the SQL names. "
            + "The output is the same either way."})
public final class SqlCommand implements Callable<Integer> {

  static final class Source {
    @Option(names = "-e", paramLabel = "SQL", required = true, description = "the statement")
    String statement;
    @Option(names = "-f", paramLabel = "FILE", required = true, description = "a file of statements")
    Path file;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--limit", defaultValue = "1000", description = "rows printed at most in table format")
  int limit;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "binds :NAME in the SQL to VALUE, read as the parameter's declared type (repeatable)")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(names = "--embedded", description = "run in this process's own Spark even when bin/hv serve runs on the "
      + "warehouse")
  boolean embedded;

  @Mixin
  WarehouseOption warehouse;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!List.of("table", "csv", "json").contains(format)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format: table, csv or json");
    }
    if (source.file != null && !Files.isRegularFile(source.file)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), NotFound.file(source.file));
    }
    String text = source.statement != null ? source.statement
        : Files.readString(source.file, StandardCharsets.UTF_8);
    warehouse.requireExisting();
    String misnamed = NotFound.tableReadBy(text, warehouse.dir());
    if (misnamed != null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), misnamed);
    }
    int rowsWanted = format.equals("table") ? limit : Integer.MAX_VALUE;
    if (!embedded) {
      for (ServerFile server : ServerFile.running(warehouse.dir())) {
        ServerClient client;
        try {
          client = ServerClient.connect(server.host(), server.port());
        } catch (TException | SaslException | RuntimeException notAnswering) {
          // a stale file (the server is gone): the next server, or Spark in this process
          if (System.getenv("HV_DEBUG") != null) {
            spec.commandLine().getErr().println("hv sql: no answer from " + server.path() + ": " + Hv.describe(notAnswering));
          }
          continue;
        }
        try (client) {
          print(onServer(client, text, rowsWanted));
        }
        return 0;
      }
    }
    Warehouse wh = warehouse.open();
    Dataset<Row> result;
    try {
      result = SqlScript.run(wh, text, parameters);
    } catch (SqlScript.ParameterError e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    } catch (Exception e) {
      String missing = NotFound.tableSparkMissed(e);
      if (missing == null) {
        throw e;
      }
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), NotFound.table(wh.root(), missing));
    }
    print(result == null ? null : SqlScript.table(result, rowsWanted));
    return 0;
  }

  /**
   * The script run by a bin/hv serve: the same statements and parameter values as in this process,
   * each statement's values handed over in a session setting and bound by the server, never
   * pasted into the statement (SqlScript.PARAMETERS_SETTING).
   */
  private ResultTable onServer(ServerClient client, String text, int rowsWanted) {
    try {
      List<SqlScript.Bound> statements = SqlScript.bind(text, parameters, new SqlScript.Engine() {
        @Override
        public ZoneId timeZone() {
          return client.zone();
        }

        @Override
        public String firstValue(String query) {
          ResultTable first = client.execute(query, 1);
          return first == null || first.rows().isEmpty() || first.rows().get(0)[0] == null ? null
              : ResultTable.text(first.rows().get(0)[0]);
        }
      });
      String bound = "";
      ResultTable result = null;
      for (SqlScript.Bound statement : statements) {
        String values = SqlScript.encode(statement.values());
        if (!values.equals(bound)) {
          client.execute("SET " + SqlScript.PARAMETERS_SETTING + "=" + values, 0);
          bound = values;
        }
        result = client.execute(statement.statement(), rowsWanted);
      }
      return result;
    } catch (SqlScript.ParameterError e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    } catch (ServerClient.QueryFailed e) {
      String missing = NotFound.tableServerMissed(e.getMessage());
      if (missing == null) {
        throw e;
      }
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), NotFound.table(warehouse.dir(), missing));
    }
  }

  private void print(ResultTable result) {
    if (result != null) {
      result.print(format, limit, spec.commandLine().getOut());
    }
  }
}
