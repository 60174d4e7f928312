package hv.nightly;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs independent table writes side by side. A Delta commit on small data is mostly
 * driver-side latency (log listing, snapshot, commit file), so overlapping commits to
 * different tables saves most of a night's wall time.
 */
public final class Parallel implements AutoCloseable {

  private final ExecutorService pool;

  public Parallel(int threads) {
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "hv-writer");
      t.setDaemon(true);
      return t;
    });
  }

  /** Applies the action to every item; waits for all; rethrows the first failure. */
  public <T> void forEach(List<T> items, Consumer<T> action) {
    List<Future<?>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(pool.submit(() -> action.accept(item)));
    }
    RuntimeException first = null;
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause() instanceof RuntimeException re ? re : new RuntimeException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RuntimeException(e);
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
