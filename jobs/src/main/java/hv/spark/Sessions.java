package hv.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The one place a SparkSession is built: settings come from {@code conf/spark.properties}. */
public final class Sessions {

  private Sessions() {}

  /**
   * The settings of conf/spark.properties, each applied only where the launcher set nothing.
   * Catalog folders live under the warehouse, never in the working directory.
   */
  public static SparkSession getOrCreate(java.nio.file.Path warehouse) {
    SparkConf conf = new SparkConf();
    conf.setIfMissing("spark.sql.warehouse.dir", warehouse.resolve("_catalog").toUri().toString());
    Properties defaults = load("conf/spark.properties");
    for (String key : defaults.stringPropertyNames()) {
      conf.setIfMissing(key, defaults.getProperty(key));
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }

  static Properties load(String resource) {
    Properties p = new Properties();
    try (InputStream in = Sessions.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
