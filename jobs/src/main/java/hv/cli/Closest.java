package hv.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Names that exist, the closest to a mistyped one first (edit distance), for "no such ..." messages. */
final class Closest {

  private Closest() {}

  static List<String> first(String typed, Collection<String> names) {
    return first(typed, names, Function.identity());
  }

  /** Compares the typed name with the part of each name that {@code compared} takes (e.g. a table without its schema). */
  static List<String> first(String typed, Collection<String> names, Function<String, String> compared) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    String key = typed.toLowerCase(Locale.ROOT);
    return names.stream()
        .sorted(Comparator.comparingInt((String n) -> distance.apply(key, compared.apply(n).toLowerCase(Locale.ROOT)))
            .thenComparing(Comparator.naturalOrder()))
        .toList();
  }
}
