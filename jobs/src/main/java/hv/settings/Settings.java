package hv.settings;

import hv.marts.ratecard.RateCardPrices;
import hv.measures.MeasureFacts;
import hv.measures.MeasureFacts.MeasureSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * hv's settings, the one reader of the files of conf/: read from disk when a command starts, so
 * a changed threshold or caseload slot takes effect without a build. Each key is taken from, the
 * last that has it winning: the installed conf/ ({@code hv.home}/conf, which bin/hv passes; under
 * spark-submit, where there is no hv.home, the copy inside the jar), the folder of
 * {@code --conf DIR}, then {@code --set key=value}.
 */
public final class Settings {

  /** The files read; conf/jvm.options is bin/hv's own (JVM flags are set before Java starts). */
  public static final List<String> FILES = List.of("hv.properties", "spark.properties", "ratecard-prices.properties");

  private static volatile Settings current;

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * The installed conf/, then the files of {@code conf} (any of {@link #FILES}), then
   * {@code overrides}. IllegalArgumentException, naming the key, for a key hv does not know or a
   * value not of its kind, in a file or an override.
   */
  public static Settings load(Optional<Path> conf, Map<String, String> overrides) {
    Map<String, String> values = new TreeMap<>();
    for (String file : FILES) {
      values.putAll(checked(installedCopy(file), readInstalled(file)));
    }
    if (conf.isPresent()) {
      Path dir = conf.get();
      if (FILES.stream().noneMatch(file -> Files.isRegularFile(dir.resolve(file)))) {
        throw new IllegalArgumentException("--conf " + dir + ": holds none of " + String.join(", ", FILES)
            + " (" + dir.toAbsolutePath().normalize() + ")");
      }
      for (String file : FILES) {
        Path path = dir.resolve(file);
        if (Files.isRegularFile(path)) {
          values.putAll(checked(path.toString(), read(path)));
        }
      }
    }
    overrides.forEach((key, value) -> values.put(key, check("--set " + key + "=" + value, key, value.strip())));
    return new Settings(values);
  }

  /** The settings of the command running now; before any (a test, a benchmark's main), the installed ones. */
  public static Settings current() {
    Settings settings = current;
    if (settings == null) {
      settings = load(Optional.empty(), Map.of());
      current = settings;
    }
    return settings;
  }

  /** Makes {@code settings} the current ones (the command line, when a command starts and ends). */
  public static void use(Settings settings) {
    current = settings;
  }

  /**
   * {@code value} if {@code key} is a setting and {@code value} of its kind, else
   * IllegalArgumentException starting with {@code given} and naming the key.
   */
  public static String check(String given, String key, String value) {
    Kind kind = kindOf(key).orElseThrow(() -> new IllegalArgumentException(given + ": no setting " + key
        + " (settings: the keys of conf/hv.properties, spark.* and the rate card's outcome codes "
        + String.join(", ", MeasureFacts.codes(MeasureSet.RATE_CARD)) + ")"));
    if (!kind.accepts.test(value)) {
      throw new IllegalArgumentException(given + ": " + key + " must be " + kind.description);
    }
    return value;
  }

  /** Every setting by key: two runs with equal maps run with the same settings. */
  public Map<String, String> values() {
    return values;
  }

  public String text(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalStateException("no setting " + key + ": add it to " + installedCopy("hv.properties")
          + " (or the file of conf/ it belongs to) or pass --set " + key + "=VALUE");
    }
    return value;
  }

  public long whole(String key) {
    return Long.parseLong(text(key));
  }

  /** The settings whose key starts with {@code prefix}, by the rest of the key. */
  public Map<String, String> startingWith(String prefix) {
    Map<String, String> found = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        found.put(key.substring(prefix.length()), value);
      }
    });
    return found;
  }

  /** What the value of a setting must be, checked alike for the files and for --set. */
  private enum Kind {
    PATH("a path, not empty", value -> !value.isEmpty()),
    SPARK("Spark's: any text", value -> true),
    WHOLE("a whole number ≥ 0", value -> wholeAtLeast(value, 0)),
    POSITIVE_WHOLE("a whole number ≥ 1", value -> wholeAtLeast(value, 1)),
    PORT("a TCP port, 1 to 65535", value -> wholeAtLeast(value, 1) && Long.parseLong(value) <= 65535),
    POSITIVE_NUMBER("a number > 0", value -> number(value).filter(n -> n.signum() > 0).isPresent()),
    PRICE("dollars and cents ≥ 0 (at most two decimals)", value -> number(value).filter(RateCardPrices::isPrice).isPresent());

    final String description;
    final Predicate<String> accepts;

    Kind(String description, Predicate<String> accepts) {
      this.description = description;
      this.accepts = accepts;
    }
  }

  private static Optional<Kind> kindOf(String key) {
    Kind kind = switch (key) {
      case "warehouse", "inbox", "demo.inbox" -> Kind.PATH;
      case "publication.suppress.max-count" -> Kind.WHOLE;
      case "serve.port" -> Kind.PORT;
      case "serve.refresh.seconds" -> Kind.POSITIVE_WHOLE;
      default -> key.startsWith("caseload.slots.") && key.length() > "caseload.slots.".length() ? Kind.POSITIVE_NUMBER
          : key.startsWith("spark.") ? Kind.SPARK
          : MeasureFacts.codes(MeasureSet.RATE_CARD).contains(key) ? Kind.PRICE
          : null;
    };
    return Optional.ofNullable(kind);
  }

  private static boolean wholeAtLeast(String value, long least) {
    try {
      return Long.parseLong(value) >= least;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Optional<BigDecimal> number(String value) {
    try {
      return Optional.of(new BigDecimal(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> checked(String source, Properties file) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : file.stringPropertyNames()) {
      values.put(key, check(source, key, file.getProperty(key).strip()));
    }
    return values;
  }

  private static Optional<Path> home() {
    return Optional.ofNullable(System.getProperty("hv.home")).map(home -> Path.of(home, "conf"));
  }

  private static String installedCopy(String file) {
    return home().map(conf -> conf.resolve(file).toString()).orElse("conf/" + file + " in the jar");
  }

  private static Properties readInstalled(String file) {
    Optional<Path> conf = home();
    if (conf.isPresent()) {
      return read(conf.get().resolve(file));
    }
    Properties p = new Properties();
    try (InputStream in = Settings.class.getClassLoader().getResourceAsStream("conf/" + file)) {
      if (in == null) {
        throw new IllegalStateException("no conf/" + file + ": run hv through bin/hv, which passes -Dhv.home");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static Properties read(Path path) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(path)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return p;
  }
}
