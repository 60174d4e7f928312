package hv.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Sizes a night's shuffles by the data it reads. AQE only coalesces a shuffle's partitions, so
 * the count a shuffle is written with is the most it can get: a constant tuned for small nights
 * (2) gave a national night (22.3 M rows) two partitions of ~15 GB each in the family pass, and
 * a constant sized for national nights (400) doubled a small night's CPU (map tasks writing 400
 * partitions, read back coalesced). So the count follows the bytes read, with the cores as floor.
 */
public final class ShufflePartitions {

  /**
   * Bytes of table files per shuffle partition: a 3,000/yr core (~27 MB) gets 2 partitions, as
   * before; a 150,000/yr core (~600 MB) about 40. AQE coalesces partitions below its advisory size.
   */
  static final long FILE_BYTES_PER_PARTITION = 16L << 20;

  private ShufflePartitions() {}

  /** Sets {@code spark.sql.shuffle.partitions} for rows read from this many bytes of files; returns it. */
  public static int fitTo(SparkSession spark, long fileBytes) {
    int partitions = (int) Math.max(spark.sparkContext().defaultParallelism(),
        (fileBytes + FILE_BYTES_PER_PARTITION - 1) / FILE_BYTES_PER_PARTITION);
    spark.conf().set("spark.sql.shuffle.partitions", partitions);
    return partitions;
  }
}
