package hv.generate;

import java.util.TreeMap;

/** Sequential opaque ids per prefix (P-1, E-2041, ...), handed out in generation order. */
final class Ids {

  private final TreeMap<String, Long> last = new TreeMap<>();

  String next(String prefix) {
    long n = last.merge(prefix, 1L, Long::sum);
    return prefix + "-" + n;
  }
}
