package hv.nightly;

import hv.ops.JobCounter;
import hv.settings.Settings;
import hv.spark.Warehouse;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Nights run in a JVM that stays warm: {@code bin/hv serve} hosts the nights of its warehouse, and
 * {@code bin/hv nightly} hands its night to it when one runs there, so a night no longer pays a new
 * JVM's warm-up (half of a small night: docs/scale-decisions.md, session 22; the same reason Livy
 * and Spark job servers keep one driver for many jobs). The night is the same code either way
 * ({@link NightlyJob}, its lock and its crash safety); it runs in its own Spark session, so its
 * settings of the moment never reach the SQL clients'.
 *
 * <p>A night is handed over only to a host of the same build and the same settings (conf/, --conf,
 * --set, rate card prices): otherwise it runs in its own process, as without a host. The two ends
 * speak over a Unix socket in the warehouse's {@code _serve/} folder that only its owner may open:
 * nothing listens on the network. The host writes the night's lines back as they come; the last
 * line says the exit status. A client that goes away leaves its night running to its end.
 */
public final class NightHost implements AutoCloseable {

  private static final String PROTOCOL = "hv-night 1";
  /** The host's own lines start with this: the rest are the night's, shown as they are. */
  private static final char CONTROL = '\u0001';
  private static final String DECLINED = CONTROL + "declined ";
  private static final String EXIT = CONTROL + "exit ";

  /**
   * This build's identity (jobs/pom.xml writes it at each build), read once: a host keeps the one
   * it started with, and code that differs from it is never run there.
   */
  private static final String BUILD = build();

  /** What a night needs from the command line (its paths are sent absolute: the host's working folder is another). */
  public record Request(Path inbox, LocalDate asOf, Path profile) {}

  /**
   * Runs a night on a warehouse, its lines to {@code err}, and returns its exit status, failures
   * included: the same code whether the host or the command runs it.
   */
  @FunctionalInterface
  public interface Night {
    int run(Warehouse warehouse, Request request, PrintStream err);
  }

  private final ServerSocketChannel server;
  private final Path socket;
  private final Thread acceptor;

  private NightHost(ServerSocketChannel server, Path socket, Thread acceptor) {
    this.server = server;
    this.socket = socket;
    this.acceptor = acceptor;
  }

  /** The socket of a host on this warehouse, named after the server that announces it. */
  public static Path socket(Path serveFolder, int port) {
    return serveFolder.resolve(port + ".nights");
  }

  /**
   * Listens on {@code socket} and runs each night asked for on {@code warehouse}'s Spark, one
   * connection per thread (the warehouse's lock lets one night run at a time, as between processes),
   * with the settings current now: a client with others runs its night itself.
   */
  public static NightHost start(Warehouse warehouse, Path socket, Night night) throws IOException {
    Files.deleteIfExists(socket);   // left by a server killed hard: no one listens on it
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(socket));
      // whoever may connect may run a night: the owner only, whatever the umask
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | RuntimeException e) {
      server.close();
      Files.deleteIfExists(socket);
      throw e;
    }
    Settings settings = Settings.current();
    Thread acceptor = new Thread(() -> {
      while (server.isOpen()) {
        try {
          SocketChannel client = server.accept();
          Thread handler = new Thread(() -> serve(client, warehouse, settings, night), "hv-night");
          handler.setDaemon(true);
          handler.start();
        } catch (IOException e) {
          return;   // closed
        }
      }
    }, "hv-night-host");
    acceptor.setDaemon(true);
    acceptor.start();
    return new NightHost(server, socket, acceptor);
  }

  private static String build() {
    Properties p = new Properties();
    try (InputStream in = NightHost.class.getResourceAsStream("/hv/build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("build", "unknown");
  }

  private static void serve(SocketChannel client, Warehouse warehouse, Settings hosts, Night night) {
    try (client; PrintStream out = new PrintStream(Channels.newOutputStream(client), true, StandardCharsets.UTF_8)) {
      DataInputStream in = new DataInputStream(Channels.newInputStream(client));
      Request request;
      String declined;
      try {
        if (!PROTOCOL.equals(in.readUTF())) {
          out.println(DECLINED + "the host speaks another protocol");
          return;
        }
        String build = in.readUTF();
        Map<String, String> settings = readMap(in);
        request = new Request(Path.of(in.readUTF()), optional(in.readUTF()).map(LocalDate::parse).orElse(null),
            optional(in.readUTF()).map(Path::of).orElse(null));
        declined = !build.equals(BUILD) ? "it runs another build of hv (restart bin/hv serve to use this one)"
            : !settings.equals(hosts.values()) ? "it runs with other settings (conf/, --conf or --set; "
                + "restart bin/hv serve to use these)" : null;
      } catch (IOException | RuntimeException e) {
        out.println(DECLINED + "the request could not be read");
        return;
      }
      if (declined != null) {
        out.println(DECLINED + declined);
        return;
      }
      out.println(EXIT + runHere(warehouse, request, night, out));
    } catch (IOException e) {
      // the client went away before its answer: the night, if it ran, ran to its end
    }
  }

  /**
   * The night on its own Spark session, its jobs tagged so that only they are counted, and what it
   * kept in the block store freed when it ends (a process that runs nights for months must not
   * keep any night's rows).
   */
  private static int runHere(Warehouse warehouse, Request request, Night night, PrintStream out) {
    Warehouse own = new Warehouse(warehouse.spark().newSession(), warehouse.root());
    JavaSparkContext context = JavaSparkContext.fromSparkContext(own.spark().sparkContext());
    Set<Integer> keptBefore = new HashSet<>(context.getPersistentRDDs().keySet());
    String tag = UUID.randomUUID().toString();
    context.setLocalProperty(JobCounter.NIGHT, tag);
    try {
      return night.run(own, request, out);
    } finally {
      context.setLocalProperty(JobCounter.NIGHT, null);
      context.getPersistentRDDs().forEach((id, rdd) -> {
        if (!keptBefore.contains(id)) {
          rdd.unpersist(false);
        }
      });
    }
  }

  /**
   * Hands a night to the host listening on {@code socket}: its lines go to {@code err} as they
   * come, and the night's exit status is returned. Empty when it was not handed over (no host
   * answers, or it declined): {@code note} says why, and the caller runs the night itself.
   *
   * @throws IllegalStateException when the host stopped during the night
   */
  public static Optional<Integer> hand(Path socket, Request request, PrintStream err, Consumer<String> note) {
    SocketChannel channel;
    try {
      channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      note.accept("bin/hv serve on this warehouse does not answer at " + socket + " (" + e.getMessage() + ")");
      return Optional.empty();
    }
    try (channel) {
      DataOutputStream send = new DataOutputStream(Channels.newOutputStream(channel));
      send.writeUTF(PROTOCOL);
      send.writeUTF(BUILD);
      writeMap(send, Settings.current().values());
      send.writeUTF(request.inbox().toAbsolutePath().normalize().toString());
      send.writeUTF(request.asOf() == null ? "" : request.asOf().toString());
      send.writeUTF(request.profile() == null ? "" : request.profile().toAbsolutePath().normalize().toString());
      send.flush();
      BufferedReader lines = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
          StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith(DECLINED)) {
          note.accept("bin/hv serve on this warehouse does not run this night: " + line.substring(DECLINED.length()));
          return Optional.empty();
        }
        if (line.startsWith(EXIT)) {
          return Optional.of(Integer.parseInt(line.substring(EXIT.length())));
        }
        err.println(line);
      }
    } catch (IOException e) {
      // the host went away mid-answer: as below
    }
    throw new IllegalStateException("bin/hv serve stopped answering during the night (if it stopped, the next run "
        + "completes the night)");
  }

  private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
  }

  private static Map<String, String> readMap(DataInputStream in) throws IOException {
    int size = in.readInt();
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      map.put(in.readUTF(), in.readUTF());
    }
    return map;
  }

  private static Optional<String> optional(String text) {
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  @Override
  public void close() throws IOException {
    server.close();
    acceptor.interrupt();
    Files.deleteIfExists(socket);
  }
}
