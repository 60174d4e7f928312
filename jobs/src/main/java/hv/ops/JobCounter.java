package hv.ops;

import hv.spark.Lineage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * Counts the Spark jobs a process ran — on a shared machine a steadier figure of a night's fixed
 * cost than wall time (bin/benchmark prints it) — and where they came from: per line of hv code
 * that started them (with Delta's description of its own jobs), how many and how long, the
 * profile {@code nightly --profile} writes.
 */
public final class JobCounter extends SparkListener implements AutoCloseable {

  private final AtomicInteger jobs = new AtomicInteger();
  private final Map<Integer, Started> running = new ConcurrentHashMap<>();
  private final Map<String, Source> sources = new ConcurrentHashMap<>();

  private record Started(String source, long startMillis) {}

  /** Jobs and their summed seconds (jobs on parallel threads overlap) of one source. */
  private static final class Source {
    final AtomicInteger jobs = new AtomicInteger();
    volatile long millis;
  }

  /** The local property a hosted night ({@link hv.nightly.NightHost}) tags its jobs with. */
  public static final String NIGHT = "hv.night";

  private final SparkSession spark;
  /** The night counted; null: every job of the process. */
  private final String night;

  private JobCounter(SparkSession spark, String night) {
    this.spark = spark;
    this.night = night;
  }

  /** Counts the jobs of the night running on this thread: its tag's, or when it has none, the process's. */
  public static JobCounter attach(SparkSession spark) {
    JobCounter counter = new JobCounter(spark, spark.sparkContext().getLocalProperty(NIGHT));
    spark.sparkContext().addSparkListener(counter);
    return counter;
  }

  /** Stops counting (a process that outlives the night). */
  @Override
  public void close() {
    spark.sparkContext().removeSparkListener(this);
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    if (night != null && (jobStart.properties() == null || !night.equals(jobStart.properties().getProperty(NIGHT)))) {
      return;   // another night's, or a SQL client's of the same process
    }
    // the result stage (the highest id) was made by the action that started the job: its details are that call site
    String stack = scala.collection.JavaConverters.seqAsJavaList(jobStart.stageInfos()).stream()
        .max(java.util.Comparator.comparingInt(org.apache.spark.scheduler.StageInfo::stageId))
        .map(org.apache.spark.scheduler.StageInfo::details).orElse(null);
    running.put(jobStart.jobId(), new Started(source(stack, jobStart.properties()), jobStart.time()));
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd jobEnd) {
    Started started = running.remove(jobEnd.jobId());
    if (started != null) {
      jobs.incrementAndGet();
      Source s = sources.computeIfAbsent(started.source(), k -> new Source());
      s.jobs.incrementAndGet();
      synchronized (s) {
        s.millis += jobEnd.time() - started.startMillis();
      }
    }
  }

  public int jobs() {
    return jobs.get();
  }

  private static final String LINEAGE = Lineage.class.getName() + ".";

  /**
   * The first hv frame of the job's call site (past {@link Lineage}, which only runs what its
   * caller built), and Delta's description when Delta started it.
   */
  private static String source(String stack, Properties properties) {
    String hvFrame = stack == null ? "?" : stack.lines().map(String::strip)
        .filter(l -> l.startsWith("hv.") && !l.startsWith(LINEAGE)).findFirst().orElse("(outside hv) " + stack.lines().findFirst().orElse(""));
    String description = properties == null ? null : properties.getProperty("spark.job.description");
    return description == null ? hvFrame : hvFrame + " | " + description.replaceAll("\\d+", "N");
  }

  /** Writes source, jobs, seconds as tab-separated lines, the costliest first. */
  public void writeProfile(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("seconds\tjobs\tsource");
    sources.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().millis, a.getValue().millis))
        .forEach(e -> lines.add(String.format("%.2f\t%d\t%s", e.getValue().millis / 1000.0,
            e.getValue().jobs.get(), e.getKey().replace('\t', ' '))));
    Files.write(file, lines);
  }
}
