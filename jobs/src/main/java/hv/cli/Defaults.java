package hv.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** The defaults of {@code conf/hv.properties}, read once. */
final class Defaults {

  private static final Properties VALUES = load();

  private Defaults() {}

  static Path path(String key) {
    return Path.of(value(key));
  }

  static int integer(String key) {
    return Integer.parseInt(value(key).trim());
  }

  private static String value(String key) {
    String value = VALUES.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("conf/hv.properties has no " + key);
    }
    return value;
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Defaults.class.getClassLoader().getResourceAsStream("conf/hv.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
