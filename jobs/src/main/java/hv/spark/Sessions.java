package hv.spark;

import hv.settings.Settings;
import java.io.IOException;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The one place a SparkSession is built: the spark.* settings (conf/spark.properties, --set). */
public final class Sessions {

  private Sessions() {}

  /**
   * The spark.* settings, each applied only where the launcher (spark-submit --conf) set nothing.
   * Catalog folders live under the warehouse, never in the working directory.
   */
  public static SparkSession getOrCreate(java.nio.file.Path warehouse) {
    SparkConf conf = new SparkConf();
    conf.setIfMissing("spark.sql.warehouse.dir", warehouse.resolve("_catalog").toUri().toString());
    Settings.current().startingWith("spark.").forEach((key, value) -> conf.setIfMissing("spark." + key, value));
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    useReliableCheckpointsOnACluster(spark, warehouse);
    return spark;
  }

  /**
   * On a cluster, rows whose lineage is cut ({@link Lineage}) go to a folder beside the warehouse's
   * tables (shared storage, as the tables are), one per application, removed when the process
   * ends. Local mode keeps them in memory.
   */
  private static void useReliableCheckpointsOnACluster(SparkSession spark, java.nio.file.Path warehouse) {
    org.apache.spark.SparkContext sc = spark.sparkContext();
    if (sc.isLocal()) {
      return;
    }
    String folder = warehouse.resolve("_checkpoints").resolve(sc.applicationId()).toUri().toString();
    sc.setCheckpointDir(folder);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(folder);
        path.getFileSystem(sc.hadoopConfiguration()).delete(path, true);
      } catch (IOException | RuntimeException e) {
        System.err.println("hv: could not remove the checkpoint folder " + folder + ": " + e.getMessage());
      }
    }));
  }
}
