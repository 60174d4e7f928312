package hv.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs independent Spark work side by side: table writes (a Delta commit on small data is
 * mostly driver-side latency: log listing, snapshot, commit file) and separate queries (query
 * planning is single-threaded per query), so overlapping them uses both cores.
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
    map(items, item -> {
      action.accept(item);
      return null;
    });
  }

  /** The function's results in the items' order; waits for all; rethrows the first failure. */
  public <T, R> List<R> map(List<T> items, Function<T, R> function) {
    List<Future<R>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(pool.submit(() -> function.apply(item)));
    }
    List<R> results = new ArrayList<>();
    RuntimeException first = null;
    for (Future<R> f : futures) {
      try {
        results.add(f.get());
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
    return results;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
