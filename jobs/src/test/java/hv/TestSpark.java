package hv;

import hv.spark.Sessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The one SparkSession of the test JVM (starting Spark costs seconds: tests share it). */
public final class TestSpark {

  private static SparkSession session;
  private static Path catalogRoot;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      try {
        catalogRoot = Files.createTempDirectory("hv-test-catalog");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      session = Sessions.getOrCreate(catalogRoot);
    }
    return session;
  }
}
