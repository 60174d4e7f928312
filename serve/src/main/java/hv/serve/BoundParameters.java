package hv.serve;

import hv.cli.SqlScript;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.SparkSessionExtensionsProvider;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.analysis.NameParameterizedQuery;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.command.ResetCommand;
import org.apache.spark.sql.execution.command.SetCommand;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.runtime.BoxedUnit;

/**
 * Binds a notebook's parameters on the server: the HiveServer2 protocol carries statements as
 * text only (the JDBC driver's PreparedStatement pastes values into it), so {@code bin/hv sql}
 * sets {@link SqlScript#PARAMETERS_SETTING} in its session before a statement with {@code :name}
 * markers, and this parser wraps the parsed statement with those values exactly as Spark's
 * {@code spark.sql(text, args)} does: each value becomes a literal of its type in the plan, never
 * SQL text. Loaded by Spark from META-INF/services, so only in the server's process.
 */
public final class BoundParameters implements SparkSessionExtensionsProvider {

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectParser((session, delegate) -> new Parser(session, delegate));
    return BoxedUnit.UNIT;
  }

  private static final class Parser implements ParserInterface {
    private final SparkSession session;
    private final ParserInterface delegate;

    Parser(SparkSession session, ParserInterface delegate) {
      this.session = session;
      this.delegate = delegate;
    }

    @Override
    public LogicalPlan parsePlan(String sqlText) throws ParseException {
      LogicalPlan plan = delegate.parsePlan(sqlText);
      // the setting itself is set (and reset) by statements it must not wrap
      if (plan instanceof SetCommand || plan instanceof ResetCommand) {
        return plan;
      }
      Map<String, Object> values = SqlScript.decode(session.conf().get(SqlScript.PARAMETERS_SETTING, ""));
      if (values.isEmpty()) {
        return plan;
      }
      Map<String, Expression> literals = values.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> functions.lit(e.getValue()).expr()));
      return new NameParameterizedQuery(plan, scala.collection.immutable.Map$.MODULE$.<String, Expression>empty()
          .$plus$plus(JavaConverters.mapAsScalaMap(literals)));
    }

    @Override
    public Expression parseExpression(String sqlText) throws ParseException {
      return delegate.parseExpression(sqlText);
    }

    @Override
    public TableIdentifier parseTableIdentifier(String sqlText) throws ParseException {
      return delegate.parseTableIdentifier(sqlText);
    }

    @Override
    public FunctionIdentifier parseFunctionIdentifier(String sqlText) throws ParseException {
      return delegate.parseFunctionIdentifier(sqlText);
    }

    @Override
    public Seq<String> parseMultipartIdentifier(String sqlText) throws ParseException {
      return delegate.parseMultipartIdentifier(sqlText);
    }

    @Override
    public LogicalPlan parseQuery(String sqlText) throws ParseException {
      return delegate.parseQuery(sqlText);
    }

    @Override
    public StructType parseTableSchema(String sqlText) throws ParseException {
      return delegate.parseTableSchema(sqlText);
    }

    @Override
    public DataType parseDataType(String sqlText) throws ParseException {
      return delegate.parseDataType(sqlText);
    }
  }
}
