package hv.cli;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.sasl.SaslException;
import org.apache.hive.service.rpc.thrift.TCLIService;
import org.apache.hive.service.rpc.thrift.TCloseOperationReq;
import org.apache.hive.service.rpc.thrift.TCloseSessionReq;
import org.apache.hive.service.rpc.thrift.TColumn;
import org.apache.hive.service.rpc.thrift.TColumnDesc;
import org.apache.hive.service.rpc.thrift.TExecuteStatementReq;
import org.apache.hive.service.rpc.thrift.TExecuteStatementResp;
import org.apache.hive.service.rpc.thrift.TFetchOrientation;
import org.apache.hive.service.rpc.thrift.TFetchResultsReq;
import org.apache.hive.service.rpc.thrift.TFetchResultsResp;
import org.apache.hive.service.rpc.thrift.TGetResultSetMetadataReq;
import org.apache.hive.service.rpc.thrift.TGetResultSetMetadataResp;
import org.apache.hive.service.rpc.thrift.TOpenSessionReq;
import org.apache.hive.service.rpc.thrift.TOpenSessionResp;
import org.apache.hive.service.rpc.thrift.TOperationHandle;
import org.apache.hive.service.rpc.thrift.TProtocolVersion;
import org.apache.hive.service.rpc.thrift.TSessionHandle;
import org.apache.hive.service.rpc.thrift.TStatus;
import org.apache.hive.service.rpc.thrift.TStatusCode;
import org.apache.hive.service.rpc.thrift.TTypeId;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSaslClientTransport;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;

/**
 * A session on a running {@code bin/hv serve}, spoken in the HiveServer2 protocol the JDBC and
 * ODBC drivers speak (binary Thrift, SASL PLAIN, any user). Only the Thrift classes of the
 * protocol are needed, not Spark: this is how {@code bin/hv sql} answers in about a second.
 */
final class ServerClient implements AutoCloseable {

  /** The server refused or failed a statement (its message, as Spark wrote it), or stopped answering. */
  static final class QueryFailed extends RuntimeException {
    QueryFailed(String message) {
      super(message);
    }
  }

  private static final int CONNECT_MILLIS = 2_000;
  private static final int FETCH_ROWS = 10_000;

  private final TTransport transport;
  private final TCLIService.Client client;
  private final TSessionHandle session;
  private ZoneId zone;

  private ServerClient(TTransport transport, TCLIService.Client client, TSessionHandle session) {
    this.transport = transport;
    this.client = client;
    this.session = session;
  }

  /** Opens a session; a server that does not answer is a {@link TException} or a {@link SaslException}. */
  static ServerClient connect(String host, int port) throws TException, SaslException {
    // no read timeout: a query takes as long as it takes
    TTransport transport = new TSaslClientTransport("PLAIN", null, null, null, Map.of(), callbacks -> {
      for (var callback : callbacks) {
        if (callback instanceof NameCallback name) {
          name.setName(System.getProperty("user.name", "hv"));
        } else if (callback instanceof PasswordCallback password) {
          // the server accepts any, but not none (as the JDBC driver, which sends "anonymous")
          password.setPassword("anonymous".toCharArray());
        }
      }
    }, new TSocket(host, port, 0, CONNECT_MILLIS));
    transport.open();
    try {
      TCLIService.Client client = new TCLIService.Client(new TBinaryProtocol(transport));
      TOpenSessionReq open = new TOpenSessionReq(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V8);
      open.setUsername(System.getProperty("user.name", "hv"));
      TOpenSessionResp opened = client.OpenSession(open);
      check(opened.getStatus());
      return new ServerClient(transport, client, opened.getSessionHandle());
    } catch (TException | RuntimeException e) {
      transport.close();
      throw e;
    }
  }

  /** Runs one statement; its result (at most {@code maxRows} rows, more marked) or null when it has none. */
  ResultTable execute(String statement, long maxRows) {
    try {
      return run(statement, maxRows);
    } catch (TException e) {
      throw new QueryFailed("bin/hv serve stopped answering: " + Hv.describe(e));
    }
  }

  private ResultTable run(String statement, long maxRows) throws TException {
    TExecuteStatementReq request = new TExecuteStatementReq(session, statement);
    request.setRunAsync(false);
    TExecuteStatementResp response = client.ExecuteStatement(request);
    check(response.getStatus());
    TOperationHandle operation = response.getOperationHandle();
    try {
      if (!operation.isHasResultSet()) {
        return null;
      }
      TGetResultSetMetadataResp metadata = client.GetResultSetMetadata(new TGetResultSetMetadataReq(operation));
      check(metadata.getStatus());
      List<ResultTable.Column> columns = new ArrayList<>();
      for (TColumnDesc column : metadata.getSchema().getColumns()) {
        columns.add(new ResultTable.Column(column.getColumnName(), kind(column)));
      }
      List<Object[]> rows = new ArrayList<>();
      while (rows.size() <= maxRows) {
        TFetchResultsResp fetched = client.FetchResults(
            new TFetchResultsReq(operation, TFetchOrientation.FETCH_NEXT, FETCH_ROWS));
        check(fetched.getStatus());
        List<TColumn> values = fetched.getResults().getColumns();
        int count = values == null || values.isEmpty() ? 0 : values(values.get(0)).size();
        if (count == 0) {
          break;
        }
        for (int r = 0; r < count; r++) {
          Object[] row = new Object[columns.size()];
          for (int c = 0; c < row.length; c++) {
            row[c] = cell(values.get(c), r);
          }
          rows.add(row);
        }
      }
      boolean more = rows.size() > maxRows;
      // the text of timestamps is in the session's zone; asked only when a result holds one
      ZoneId zoneOfText = columns.stream().anyMatch(c -> c.kind() == ResultTable.Kind.TIMESTAMP) ? zone() : null;
      return new ResultTable(columns, more ? rows.subList(0, (int) maxRows) : rows, more, zoneOfText);
    } finally {
      client.CloseOperation(new TCloseOperationReq(operation));
    }
  }

  /** The time zone of the server's session for this client (spark.sql.session.timeZone). */
  ZoneId zone() {
    if (zone == null) {
      zone = ZoneId.of((String) execute("SET spark.sql.session.timeZone", 1).rows().get(0)[1]);
    }
    return zone;
  }

  private static ResultTable.Kind kind(TColumnDesc column) {
    var type = column.getTypeDesc().getTypes().get(0);
    if (!type.isSetPrimitiveEntry()) {
      return ResultTable.Kind.OTHER;
    }
    TTypeId id = type.getPrimitiveEntry().getType();
    return switch (id) {
      case BOOLEAN_TYPE -> ResultTable.Kind.BOOLEAN;
      case TINYINT_TYPE, SMALLINT_TYPE, INT_TYPE, BIGINT_TYPE -> ResultTable.Kind.WHOLE;
      case FLOAT_TYPE, DOUBLE_TYPE -> ResultTable.Kind.FLOATING;
      case DECIMAL_TYPE -> ResultTable.Kind.DECIMAL;
      case STRING_TYPE, VARCHAR_TYPE, CHAR_TYPE -> ResultTable.Kind.STRING;
      case DATE_TYPE -> ResultTable.Kind.DATE;
      case TIMESTAMP_TYPE -> ResultTable.Kind.TIMESTAMP;
      default -> ResultTable.Kind.OTHER;
    };
  }

  private static List<?> values(TColumn column) {
    return switch (column.getSetField()) {
      case BOOL_VAL -> column.getBoolVal().getValues();
      case BYTE_VAL -> column.getByteVal().getValues();
      case I16_VAL -> column.getI16Val().getValues();
      case I32_VAL -> column.getI32Val().getValues();
      case I64_VAL -> column.getI64Val().getValues();
      case DOUBLE_VAL -> column.getDoubleVal().getValues();
      case STRING_VAL -> column.getStringVal().getValues();
      case BINARY_VAL -> column.getBinaryVal().getValues();
    };
  }

  private static byte[] nulls(TColumn column) {
    return switch (column.getSetField()) {
      case BOOL_VAL -> column.getBoolVal().getNulls();
      case BYTE_VAL -> column.getByteVal().getNulls();
      case I16_VAL -> column.getI16Val().getNulls();
      case I32_VAL -> column.getI32Val().getNulls();
      case I64_VAL -> column.getI64Val().getNulls();
      case DOUBLE_VAL -> column.getDoubleVal().getNulls();
      case STRING_VAL -> column.getStringVal().getNulls();
      case BINARY_VAL -> column.getBinaryVal().getNulls();
    };
  }

  /** A cell as {@link ResultTable} holds it: whole numbers as Long, binary as its UTF-8 text (Spark's). */
  private static Object cell(TColumn column, int row) {
    byte[] nulls = nulls(column);
    if (nulls != null && row / 8 < nulls.length && (nulls[row / 8] & (1 << (row % 8))) != 0) {
      return null;
    }
    Object value = values(column).get(row);
    if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
      return ((Number) value).longValue();
    }
    if (value instanceof ByteBuffer bytes) {
      return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
    }
    return value;
  }

  private static void check(TStatus status) {
    TStatusCode code = status.getStatusCode();
    if (code != TStatusCode.SUCCESS_STATUS && code != TStatusCode.SUCCESS_WITH_INFO_STATUS) {
      throw new QueryFailed(status.getErrorMessage() == null ? "the server answered " + code : status.getErrorMessage());
    }
  }

  @Override
  public void close() {
    try {
      client.CloseSession(new TCloseSessionReq(session));
    } catch (TException e) {
      // the session ends with the connection anyway
    } finally {
      transport.close();
    }
  }
}
