package hv.ops;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** This process's own figures, for the benchmark scripts: wall, CPU and peak resident memory. */
public final class ProcessFigures {

  private ProcessFigures() {}

  public static String now() {
    double wall = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    double cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1000.0;
    return String.format(Locale.ROOT, "process wall %.1f s, cpu %.1f s, peak resident memory %s",
        wall, cpu, peakResident());
  }

  /** VmHWM of /proc/self/status (Linux); "unknown" elsewhere. */
  private static String peakResident() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%d MiB", kib / 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: the figure is simply not available
    }
    return "unknown";
  }
}
