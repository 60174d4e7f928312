package hv.ops;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines for long steps, on standard error, with the time each step took. */
public final class Progress {

  private final PrintStream out;
  private final long started = System.nanoTime();
  private long stepStarted = started;

  public Progress(PrintStream out) {
    this.out = out;
  }

  public static Progress stderr() {
    return new Progress(System.err);
  }

  public void say(String format, Object... args) {
    out.printf(Locale.ROOT, "[hv %6.1fs] %s%n", elapsed(),
        String.format(Locale.ROOT, format, args));
  }

  /** Seconds since this progress began. */
  public double elapsed() {
    return (System.nanoTime() - started) / 1e9;
  }

  /** Seconds since the previous call (or the start), and starts a new step. */
  public double lap() {
    long now = System.nanoTime();
    double seconds = (now - stepStarted) / 1e9;
    stepStarted = now;
    return seconds;
  }
}
