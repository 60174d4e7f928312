package hv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hv.spark.Sessions;
import hv.spark.Warehouse;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code hv serve} as users meet it: the real command in a JVM of its own over a small
 * warehouse, queried with the Hive JDBC driver, while this JVM commits to the warehouse the way
 * a nightly run does (another process, another SparkSession, no shared catalog).
 */
class ServeJdbcTest {

  private static Path root;
  private static Warehouse writer;
  private static Process server;
  private static Path serverLog;
  private static Connection jdbc;
  private static int port;

  @BeforeAll
  static void startServerOverASmallWarehouse() throws Exception {
    root = Files.createTempDirectory("hv-serve-test");
    SparkSession spark = Sessions.getOrCreate(root.resolve("writer"));
    writer = new Warehouse(spark, root.resolve("warehouse"));
    publish("benchmark_results", results(spark, "(2025, 'PM01', 30, 60)", "(2025, 'PM02', 10, 40)"));

    port = freePort();
    serverLog = root.resolve("serve.log");
    server = hvServe("--port", Integer.toString(port), "--warehouse", writer.root().toString(), "--refresh", "1")
        .redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
    awaitLog("listening on");
    jdbc = DriverManager.getConnection(SqlEndpoint.url(port), "analyst", "");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (jdbc != null) {
      jdbc.close();
    }
    if (server != null) {
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
      assertFalse(Files.exists(writer.root().resolve("_serve").resolve(port + ".properties")),
          "a stopped server removes its note from the warehouse");
      assertFalse(Files.exists(writer.root().resolve("_serve").resolve(port + ".nights")),
          "and its socket for nights");
    }
    try (java.util.stream.Stream<Path> files = Files.walk(root)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void aQueryByTableNameSeesEachNewNightAndTimeTravelsToTheEarlierOne() throws Exception {
    assertEquals(List.of("2|40|100"), rows("select count(*), sum(numerator), sum(denominator) "
        + "from marts.benchmark_results"));

    // the next night republishes the mart (a new version, a new column), from this JVM
    publish("benchmark_results", results(spark(), "(2025, 'PM01', 31, 60)", "(2025, 'PM02', 12, 40)",
        "(2026, 'PM01', 5, 9)").withColumn("ci_low", org.apache.spark.sql.functions.lit(0.25)));

    assertEquals(List.of("3|48|0.25"), rows("select count(*), sum(numerator), max(ci_low) "
        + "from marts.benchmark_results"));
    assertEquals(List.of("2|40"), rows("select count(*), sum(numerator) "
        + "from marts.benchmark_results VERSION AS OF 0"));
    assertEquals(List.of("PM01|30", "PM02|10"), rows("select measure_code, numerator "
        + "from marts.benchmark_results VERSION AS OF 0 where period = 2025 order by measure_code"));
  }

  @Test
  void aTableCreatedAfterTheStartIsServedUnderItsName() throws Exception {
    publish("late_arrival", results(spark(), "(2026, 'PM07', 1, 2)"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        assertEquals(List.of("PM07|1|2"), rows("select measure_code, numerator, denominator from marts.late_arrival"));
        return;
      } catch (SQLException notYet) {
        if (System.nanoTime() > deadline) {
          fail("marts.late_arrival not served within 60 s: " + notYet.getMessage());
        }
        Thread.sleep(500);
      }
    }
  }

  @Test
  void aBusyPortIsRefusedWithAClearLineAndStatusOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName(SqlEndpoint.HOST))) {
      Process refused = hvServe("--port", Integer.toString(taken.getLocalPort()),
          "--warehouse", writer.root().toString()).redirectErrorStream(true).start();
      String output = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(refused.waitFor(60, TimeUnit.SECONDS));
      assertEquals(1, refused.exitValue(), output);
      assertTrue(output.contains("hv serve: failed: port " + taken.getLocalPort() + " on 127.0.0.1 is in use"),
          output);
      assertTrue(!output.contains("\tat "), "no stack trace: " + output);
    }
  }

  /** Types the two paths must print alike: text with a comma and wide characters, numbers, dates, nulls, an array. */
  private static final String EVERY_KIND = "select concat(measure_code, ', é漢') as label, numerator, "
      + "numerator / denominator as rate, cast(numerator / 7 as decimal(18,3)) as money, date'2026-03-31' as day, "
      + "timestamp'2026-03-30 04:12:09.531' as at, numerator > 20 as big, cast(null as double) as missing, "
      + "array(numerator, denominator) as pair from marts.benchmark_results order by measure_code, period";

  /** Whether the query ran in the server's JVM: a column of the answer says which process answered. */
  private static final String WHO = "reflect('java.lang.System', 'getProperty', 'sun.java.command') "
      + "like 'hv.serve.HvServe%' as served";

  @Test
  void sqlGoesToTheServerAndPrintsWhatItWouldPrintEmbedded() {
    for (String format : List.of("table", "csv", "json")) {
      CliRun served = hv("sql", "--warehouse", writer.root().toString(), "--format", format, "-e", EVERY_KIND);
      CliRun embedded = hv("sql", "--warehouse", writer.root().toString(), "--format", format, "-e", EVERY_KIND,
          "--embedded");
      assertEquals(0, served.exit(), served.err());
      assertEquals(0, embedded.exit(), embedded.err());
      assertEquals(embedded.out(), served.out(), format);
    }
    CliRun table = hv("sql", "--warehouse", writer.root().toString(), "-e", EVERY_KIND);
    // a rate with 4 decimals, the array as the server writes it, a null as NULL
    assertTrue(java.util.regex.Pattern.compile("\\|0\\.\\d{4} *\\|.*\\|NULL *\\|\\[\\d+,\\d+\\] *\\|")
        .matcher(table.out()).find(), table.out());
    assertEquals(List.of("served", "true"), hv("sql", "--warehouse", writer.root().toString(), "--format", "csv",
        "-e", "select " + WHO).out().lines().toList());
    assertEquals(List.of("served", "false"), hv("sql", "--warehouse", writer.root().toString(), "--format", "csv",
        "--embedded", "-e", "select " + WHO).out().lines().toList());
  }

  @Test
  void aNotebooksParametersAreBoundByTheServerAndAQuoteInAValueStaysAValue() throws IOException {
    Path notebook = root.resolve("pick.sql");
    Files.writeString(notebook, """
        -- @param code from select min(measure_code) from marts.benchmark_results
        -- @param since timestamp = 2026-01-02 03:04:05.5
        select measure_code, :since as since, %s from marts.benchmark_results
        where measure_code = :code and period = 2025
        """.formatted(WHO));
    String wh = writer.root().toString();
    assertEquals(List.of("measure_code,since,served", "PM01,2026-01-02 03:04:05.5,true"),
        hv("sql", "--warehouse", wh, "--format", "csv", "-f", notebook.toString()).out().lines().toList());
    assertEquals(List.of("measure_code,since,served", "PM02,2026-01-02 03:04:05.5,true"),
        hv("sql", "--warehouse", wh, "--format", "csv", "-f", notebook.toString(), "--param", "code=PM02")
            .out().lines().toList());
    for (String hostile : List.of("PM01' or '1'='1", "PM01'; drop table marts.benchmark_results; --")) {
      CliRun run = hv("sql", "--warehouse", wh, "--format", "csv", "-f", notebook.toString(), "--param", "code=" + hostile);
      assertEquals(0, run.exit(), run.err());
      assertEquals(List.of("measure_code,since,served"), run.out().lines().toList(), "no row has that code");
    }
    assertTrue(writer.exists("marts", "benchmark_results"));
    CliRun json = hv("sql", "--warehouse", wh, "--format", "json", "-f", notebook.toString(), "--param", "code=PM02");
    CliRun embedded = hv("sql", "--warehouse", wh, "--format", "json", "-f", notebook.toString(), "--param", "code=PM02",
        "--embedded");
    assertEquals(embedded.out().replace("\"served\":false", "\"served\":true"), json.out());
  }

  @Test
  void aServerFileLeftByADeadServerOrAClosedPortIsPassedOverSilently() throws Exception {
    Path other = root.resolve("other-warehouse");
    results(spark(), "(2025, 'PM09', 1, 4)").write().format("delta").save(other.resolve("marts/benchmark_results")
        .toUri().toString());
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Files.createDirectories(other.resolve("_serve"));
    // what a server killed hard leaves: its process is gone; and a live process that does not listen there
    for (long pid : List.of(finished.pid(), ProcessHandle.current().pid())) {
      Files.writeString(other.resolve("_serve").resolve(pid + ".properties"), "host=127.0.0.1\nport=" + freePort()
          + "\npid=" + pid + "\nwarehouse=" + other.toAbsolutePath().normalize() + "\n");
    }
    CliRun run = hv("sql", "--warehouse", other.toString(), "--format", "csv", "-e",
        "select measure_code, " + WHO + " from marts.benchmark_results");
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertEquals(List.of("measure_code,served", "PM09,false"), run.out().lines().toList());
  }

  @Test
  void theServerSaysWhereItListensInTheWarehouse() throws IOException {
    Path folder = writer.root().resolve("_serve");
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      List<String> notes = files.filter(f -> f.toString().endsWith(".properties")).map(f -> readString(f)).toList();
      assertEquals(1, notes.size(), notes.toString());
      assertTrue(notes.get(0).contains("port=" + port + "\n") && notes.get(0).contains("pid=" + server.pid() + "\n"),
          notes.get(0));
    }
    // and where bin/hv nightly hands it a night: a socket only the warehouse's owner may open
    Path nights = folder.resolve(port + ".nights");
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(nights)));
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One run of the hv command line in this JVM, as bin/hv runs it. */
  private record CliRun(int exit, String out, String err) {}

  private static CliRun hv(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int exit = hv.cli.Hv.commandLine().setOut(new java.io.PrintWriter(out, true))
        .setErr(new java.io.PrintWriter(err, true)).execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  private static SparkSession spark() {
    return writer.spark();
  }

  /** Replaces a mart the way the nightly marts stage does: one overwrite commit, schema may change. */
  private static void publish(String table, Dataset<Row> rows) {
    rows.write().format("delta").mode("overwrite").option("overwriteSchema", "true")
        .save(writer.location("marts", table));
  }

  private static Dataset<Row> results(SparkSession spark, String... values) {
    return spark.sql("select * from values " + String.join(", ", values)
        + " as t(period, measure_code, numerator, denominator)");
  }

  /** Each row of the result as its values joined by '|'. */
  private static List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement statement = jdbc.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          values.add(rs.getString(c));
        }
        out.add(String.join("|", values));
      }
    }
    return out;
  }

  /** {@code hv serve ARGS} in a new JVM, on this test's classpath, with the JVM flags and hv.home bin/hv passes. */
  private static ProcessBuilder hvServe(String... args) {
    String classpath = System.getProperty("java.class.path");
    assertNotEquals(-1, classpath.indexOf("spark-hive-thriftserver"), "the test classpath: " + classpath);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + Path.of(System.getProperty("hv.home"), "conf", "jvm.options"),
        "-Xmx1g", "-XX:TieredStopAtLevel=1", "-Dhv.home=" + System.getProperty("hv.home"), "-cp", classpath, HvServe.class.getName(), "serve"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("SPARK_LOCAL_IP", SqlEndpoint.HOST);
    return builder;
  }

  private static void awaitLog(String line) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      String log = Files.exists(serverLog) ? Files.readString(serverLog) : "";
      if (log.contains(line)) {
        return;
      }
      if (!server.isAlive()) {
        fail("hv serve exited with " + server.exitValue() + ":\n" + log);
      }
      Thread.sleep(250);
    }
    fail("hv serve did not say '" + line + "' in 240 s:\n" + Files.readString(serverLog));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(SqlEndpoint.HOST))) {
      return s.getLocalPort();
    }
  }
}
