package hv.cli;

import hv.spark.Warehouse;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.HiveResult;
import org.apache.spark.sql.execution.HiveResult$;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;
import scala.Tuple2;

/**
 * A SQL script: its statements, its parameters, and printing its result.
 *
 * <p>A statement uses a parameter as a named marker, {@code :name}, which Spark binds as a typed
 * value: a value never becomes SQL text, so {@code x' or '1'='1} is compared as the string it is.
 * A script declares its parameters in comments, each with a type ({@code string} when none is
 * written, {@code int}, {@code date}, {@code timestamp}) and a default that is either a literal
 * ({@code -- @param period = FFY2025}) or the first value of a query run on the warehouse
 * ({@code -- @param program_id from select min(program_id) from core.programs}), or no default
 * ({@code -- @param year int}: it must be given). A marker nobody declared is a string.
 * Every value, given ({@code --param name=value}) or default, is read as its declared type.
 */
public final class SqlScript {

  /** Wrong use of parameters: an unknown or unset one, or a value not of its declared type. */
  public static final class ParameterError extends IllegalArgumentException {
    ParameterError(String message) {
      super(message);
    }
  }

  /** The types a parameter may declare, and how a value given as text becomes a bound value. */
  enum Type {
    STRING("any text"),
    INT("a whole number, e.g. 12"),
    DATE("a date, e.g. 2026-03-31"),
    TIMESTAMP("a time, e.g. 2026-03-30 04:12:09.531 (the session's time zone)");

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral(' ').optionalEnd()
        .optionalStart().appendLiteral('T').optionalEnd()
        .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
        .optionalEnd().toFormatter(Locale.ROOT);

    final String expected;

    Type(String expected) {
      this.expected = expected;
    }

    static Type named(String parameter, String type) {
      for (Type t : values()) {
        if (t.name().equalsIgnoreCase(type)) {
          return t;
        }
      }
      throw new ParameterError("the script declares " + parameter + " as '" + type + "': a type is one of "
          + "string, int, date, timestamp");
    }

    /**
     * The value Spark binds: a String, Long, LocalDate or Instant (a timestamp read in {@code zone});
     * {@code source} names where the text came from, for the refusal.
     */
    Object value(String source, String text, ZoneId zone) {
      try {
        return switch (this) {
          case STRING -> text;
          case INT -> Long.parseLong(text.strip());
          case DATE -> LocalDate.parse(text.strip());
          case TIMESTAMP -> LocalDateTime.parse(text.strip(), TIME).atZone(zone).toInstant();
        };
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new ParameterError(source + ": '" + text + "' is not " + expected);
      }
    }
  }

  /** A declared parameter: its type and its default (a literal, a query whose first value it is, or none). */
  record Declared(Type type, String literal, String query) {}

  private static final Declared UNDECLARED = new Declared(Type.STRING, null, null);
  private static final Pattern DECLARATION = Pattern.compile(
      "(?m)^\\s*--\\s*@param\\s+(\\w+)(?:\\s+(?!from\\s)(\\w+))?\\s*(?:=(.*)|\\s+from\\s+(.+))?$");
  private static final Pattern MARKER = Pattern.compile("(?<![\\w:]):([A-Za-z_]\\w*)");
  private static final Pattern SPLICED = Pattern.compile("\\$\\{(\\w+)}");
  // Spark 3.5's grammar takes a number written in the SQL there, not a marker
  private static final Pattern VERSION_MARKER = Pattern.compile("(?i)\\bVERSION\\s+AS\\s+OF\\s+:(\\w+)");

  private SqlScript() {}

  /** What runs a script's statements: Spark in this process, or a running {@code bin/hv serve}. */
  interface Engine {
    /** The session's time zone, in which a timestamp parameter's text is read. */
    ZoneId timeZone();

    /** The first value of the query's first row as text; null when there is none. */
    String firstValue(String query);
  }

  /** A statement and the values of the parameters it uses, to be bound (never pasted into its text). */
  record Bound(String statement, Map<String, Object> values) {}

  /**
   * Runs every statement of the script on the warehouse, with its parameters bound, and returns
   * the result of the last (null for a script without statements).
   */
  public static Dataset<Row> run(Warehouse warehouse, String script, Map<String, String> given) {
    warehouse.registerReferenced(script);
    Dataset<Row> result = null;
    for (Bound statement : bind(script, given, embedded(warehouse))) {
      result = warehouse.spark().sql(statement.statement(), statement.values());
    }
    return result;
  }

  /** The script's statements, each with the values of its parameters: the ones given, else the defaults. */
  static List<Bound> bind(String script, Map<String, String> given, Engine engine) {
    List<String> statements = statements(script);
    Map<String, Object> values = parameters(engine, script, statements, given);
    List<Bound> out = new ArrayList<>();
    for (String statement : statements) {
      Map<String, Object> bound = new LinkedHashMap<>();
      markers(statement).forEach(name -> bound.put(name, values.get(name)));
      out.add(new Bound(statement, bound));
    }
    return out;
  }

  private static Engine embedded(Warehouse warehouse) {
    return new Engine() {
      @Override
      public ZoneId timeZone() {
        return ZoneId.of(warehouse.spark().conf().get("spark.sql.session.timeZone"));
      }

      @Override
      public String firstValue(String query) {
        List<Row> rows = warehouse.spark().sql(query).limit(1).collectAsList();
        return rows.isEmpty() || rows.get(0).isNullAt(0) ? null : String.valueOf(rows.get(0).get(0));
      }
    };
  }

  /** The value of every parameter the script declares or uses: the one given, else its default. */
  static Map<String, Object> parameters(Engine engine, String script, List<String> statements,
                                        Map<String, String> given) {
    statements.forEach(SqlScript::refuseUnbindable);
    Map<String, Declared> declared = declarations(script);
    TreeSet<String> known = new TreeSet<>(declared.keySet());
    statements.forEach(s -> known.addAll(markers(s)));
    for (String name : given.keySet()) {
      if (!known.contains(name)) {
        throw new ParameterError("--param " + name + ": the script has no such parameter"
            + (known.isEmpty() ? "" : " (it has: " + String.join(", ", known) + ")"));
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    ZoneId zone = null;
    for (String name : known) {
      Declared d = declared.getOrDefault(name, UNDECLARED);
      String text = given.containsKey(name) ? given.get(name)
          : d.literal() != null ? d.literal()
          : d.query() != null ? firstValue(engine, name, d.query())
          : null;
      if (text == null) {
        throw new ParameterError("the script uses :" + name + ": pass --param " + name + "=VALUE");
      }
      if (zone == null && d.type() == Type.TIMESTAMP) {
        zone = engine.timeZone();
      }
      values.put(name, d.type().value(given.containsKey(name) ? "--param " + name : "the default of " + name,
          text, zone));
    }
    return values;
  }

  /**
   * The session setting through which {@code bin/hv sql} hands a statement's parameter values to
   * {@code bin/hv serve}, which binds them to the statement's markers as Spark's {@code sql(text,
   * args)} does (hv.serve.BoundParameters). The HiveServer2 protocol has no binding of its own: the
   * JDBC driver's PreparedStatement pastes values into the text.
   */
  public static final String PARAMETERS_SETTING = "hv.sql.parameters";

  /**
   * Values as the setting carries them: {@code name:type:value} joined by ',', a string as the hex
   * digits of its UTF-8 bytes, so that the setting holds letters, digits, ':', ',' and '-' only.
   */
  static String encode(Map<String, Object> values) {
    List<String> out = new ArrayList<>();
    values.forEach((name, value) -> {
      String encoded;
      if (value instanceof String text) {
        encoded = "s:" + HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
      } else if (value instanceof Long whole) {
        encoded = "i:" + whole;
      } else if (value instanceof LocalDate day) {
        encoded = "d:" + day;
      } else if (value instanceof Instant at) {
        encoded = "t:" + at.getEpochSecond() + ":" + at.getNano();
      } else {
        throw new IllegalArgumentException("no encoding for " + value.getClass());
      }
      out.add(name + ":" + encoded);
    });
    return String.join(",", out);
  }

  /** The values {@link #encode} wrote: String, Long, LocalDate or Instant, as Spark binds them. */
  public static Map<String, Object> decode(String encoded) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String entry : encoded.isBlank() ? new String[0] : encoded.split(",")) {
      String[] parts = entry.split(":");
      values.put(parts[0], switch (parts[1]) {
        case "s" -> new String(HexFormat.of().parseHex(parts[2]), StandardCharsets.UTF_8);
        case "i" -> Long.parseLong(parts[2]);
        case "d" -> LocalDate.parse(parts[2]);
        case "t" -> Instant.ofEpochSecond(Long.parseLong(parts[2]), Long.parseLong(parts[3]));
        default -> throw new IllegalArgumentException(PARAMETERS_SETTING + ": no type " + parts[1]);
      });
    }
    return values;
  }

  static Map<String, Declared> declarations(String script) {
    Map<String, Declared> out = new LinkedHashMap<>();
    Matcher m = DECLARATION.matcher(script);
    while (m.find()) {
      String name = m.group(1);
      Type type = m.group(2) == null ? Type.STRING : Type.named(name, m.group(2));
      out.put(name, new Declared(type, m.group(3) == null ? null : m.group(3).trim(),
          m.group(4) == null ? null : m.group(4).trim()));
    }
    return out;
  }

  /** The parameters a statement uses: its {@code :name} markers outside quotes. */
  static List<String> markers(String statement) {
    List<String> out = new ArrayList<>();
    Matcher m = MARKER.matcher(code(statement));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /**
   * A statement in the old form ({@code '${name}'}, spliced as text, which Spark would replace by
   * an empty string) or with a marker where Spark takes no marker: said plainly, before anything runs.
   */
  private static void refuseUnbindable(String statement) {
    Matcher spliced = SPLICED.matcher(statement);
    if (spliced.find()) {
      throw new ParameterError("the script writes ${" + spliced.group(1) + "}: write the marker :"
          + spliced.group(1) + " instead (no quotes around it; the value is bound, never pasted into the SQL)");
    }
    Matcher version = VERSION_MARKER.matcher(code(statement));
    if (version.find()) {
      throw new ParameterError("VERSION AS OF :" + version.group(1) + ": Spark takes only a number written in "
          + "the SQL there; write the version (VERSION AS OF 12) or use TIMESTAMP AS OF :" + version.group(1));
    }
  }

  private static String firstValue(Engine engine, String name, String query) {
    String value = engine.firstValue(query);
    if (value == null) {
      throw new IllegalStateException("parameter " + name + ": its default query found no value in this "
          + "warehouse; pass --param " + name + "=VALUE");
    }
    return value;
  }

  /** Statements separated by ';' outside quotes; '--' comments dropped. */
  public static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char[] roles = roles(script);
    for (int i = 0; i < script.length(); i++) {
      if (roles[i] == COMMENT) {
        continue;
      }
      if (roles[i] == CODE && script.charAt(i) == ';') {
        addIfAny(out, current);
        current.setLength(0);
      } else {
        current.append(script.charAt(i));
      }
    }
    addIfAny(out, current);
    return out;
  }

  private static final char CODE = 'c';
  private static final char QUOTED = 'q';
  private static final char COMMENT = '-';

  /**
   * Each character's role: code, inside a quoted string or identifier (quotes included; a
   * backslash escapes the next character in a string, as Spark reads it), or a '--' comment.
   */
  private static char[] roles(String sql) {
    char[] roles = new char[sql.length()];
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        roles[i] = QUOTED;
        if (c == '\\' && quote != '`' && i + 1 < sql.length()) {
          roles[++i] = QUOTED;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        while (i < sql.length() && sql.charAt(i) != '\n') {
          roles[i++] = COMMENT;
        }
        if (i < sql.length()) {
          roles[i] = CODE;
        }
      } else {
        roles[i] = c == '\'' || c == '"' || c == '`' ? QUOTED : CODE;
        quote = roles[i] == QUOTED ? c : 0;
      }
    }
    return roles;
  }

  /** The statement with everything but code blanked: what markers are looked for in. */
  private static String code(String statement) {
    char[] roles = roles(statement);
    char[] out = statement.toCharArray();
    for (int i = 0; i < out.length; i++) {
      if (roles[i] != CODE) {
        out[i] = ' ';
      }
    }
    return new String(out);
  }

  private static void addIfAny(List<String> out, StringBuilder statement) {
    String s = statement.toString().trim();
    if (!s.isEmpty()) {
      out.add(s);
    }
  }

  public static void print(Dataset<Row> result, String format, int limit, PrintWriter out) {
    table(result, format.equals("table") ? limit : Integer.MAX_VALUE).print(format, limit, out);
  }

  /**
   * At most {@code maxRows} rows of a result (more marked), each cell as Spark's Thrift server
   * would send it (ResultTable): a query prints the same here as through bin/hv serve.
   */
  static ResultTable table(Dataset<Row> result, int maxRows) {
    StructField[] fields = result.schema().fields();
    List<ResultTable.Column> columns = new ArrayList<>();
    for (StructField field : fields) {
      columns.add(new ResultTable.Column(field.name(), kind(field.dataType())));
    }
    List<Row> collected = maxRows == Integer.MAX_VALUE ? result.collectAsList() : result.takeAsList(maxRows + 1);
    HiveResult.TimeFormatters formatters = HiveResult$.MODULE$.getTimeFormatters();
    List<Object[]> rows = new ArrayList<>();
    for (Row r : collected.subList(0, Math.min(maxRows, collected.size()))) {
      Object[] row = new Object[fields.length];
      for (int i = 0; i < row.length; i++) {
        Object v = r.get(i);
        row[i] = v == null ? null : switch (columns.get(i).kind()) {
          case BOOLEAN, STRING -> v;
          case WHOLE -> ((Number) v).longValue();
          // a float goes over the wire as the double of its text (Spark's RowSetUtils)
          case FLOATING -> v instanceof Float f ? Double.valueOf(f.toString()) : v;
          default -> HiveResult$.MODULE$.toHiveString(new Tuple2<>(v, fields[i].dataType()), false, formatters);
        };
      }
      rows.add(row);
    }
    return new ResultTable(columns, rows, collected.size() > maxRows,
        ZoneId.of(result.sparkSession().conf().get("spark.sql.session.timeZone")));
  }

  private static ResultTable.Kind kind(DataType type) {
    if (type instanceof BooleanType) {
      return ResultTable.Kind.BOOLEAN;
    } else if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType) {
      return ResultTable.Kind.WHOLE;
    } else if (type instanceof FloatType || type instanceof DoubleType) {
      return ResultTable.Kind.FLOATING;
    } else if (type instanceof DecimalType) {
      return ResultTable.Kind.DECIMAL;
    } else if (type instanceof StringType) {
      return ResultTable.Kind.STRING;
    } else if (type instanceof DateType) {
      return ResultTable.Kind.DATE;
    } else if (type instanceof TimestampType) {
      return ResultTable.Kind.TIMESTAMP;
    }
    return ResultTable.Kind.OTHER;
  }
}
