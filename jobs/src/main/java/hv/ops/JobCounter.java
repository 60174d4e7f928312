package hv.ops;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Counts the Spark jobs a process ran: on a shared machine a steadier figure of a night's
 * fixed cost than wall time (bin/benchmark prints it).
 */
public final class JobCounter extends SparkListener {

  private final AtomicInteger jobs = new AtomicInteger();

  public static JobCounter attach(SparkSession spark) {
    JobCounter counter = new JobCounter();
    spark.sparkContext().addSparkListener(counter);
    return counter;
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd jobEnd) {
    jobs.incrementAndGet();
  }

  public int jobs() {
    return jobs.get();
  }
}
