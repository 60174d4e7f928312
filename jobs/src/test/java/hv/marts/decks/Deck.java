package hv.marts.decks;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicNode;

/**
 * A test deck: cases of one measure, each a small family of rows and the unit result
 * expected per period, all run through the measure in one Spark job.
 *
 * <p>File format (JSON): {@code measure}, {@code asOf}, optional {@code defaults} (column
 * values per table, over those of {@code defaults.json}), optional {@code programs}, and
 * {@code cases}: each with a {@code name}, per table an object or a list of objects holding
 * only the columns that matter, and {@code expect}: period names (comma-separated when they
 * share a result) → {@link Expected} text; periods not named expect {@code out}.
 */
public record Deck(String file, String measure, LocalDate asOf, JsonNode defaults, JsonNode programs,
                   List<Case> cases) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One family and what the measure must make of it. */
  public record Case(int index, String name, JsonNode rows, Map<String, Expected> expected) {
    /** Prefix of every id of this case, so families never meet. */
    public String idPrefix() {
      return "c%03d-".formatted(index);
    }
  }

  public static Deck read(Path path) {
    try {
      JsonNode root = JSON.readTree(Files.readString(path));
      List<Case> cases = new ArrayList<>();
      for (JsonNode c : root.path("cases")) {
        cases.add(new Case(cases.size() + 1, c.path("name").asText(), c, expectations(c.path("expect"))));
      }
      return new Deck(path.getFileName().toString(), root.path("measure").asText(),
          LocalDate.parse(root.path("asOf").asText()), root.path("defaults"), root.path("programs"), cases);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read deck " + path, e);
    }
  }

  /** The folder of the decks on the test classpath. */
  public static Path folder() {
    try {
      return Path.of(Deck.class.getClassLoader().getResource("decks").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode readJson(Path path) {
    try {
      return JSON.readTree(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One test per case: what the run computed for the case's family, per period, equals what the
   * case expects ({@code out} where it names no period; naming a period the run does not compute
   * fails).
   *
   * @param runPeriods the periods of the run
   * @param actual     per case id (its {@link Case#idPrefix} without the dash), per period
   */
  public List<DynamicNode> caseTests(Set<String> runPeriods, Map<String, Map<String, Expected>> actual) {
    List<DynamicNode> tests = new ArrayList<>();
    for (Case c : cases) {
      String caseKey = c.idPrefix().substring(0, c.idPrefix().length() - 1);
      Map<String, Expected> got = actual.getOrDefault(caseKey, Map.of());
      tests.add(dynamicTest(c.name(), () -> {
        Set<String> unknown = new TreeSet<>(c.expected().keySet());
        unknown.removeAll(runPeriods);
        assertTrue(unknown.isEmpty(), "expected periods not computed: " + unknown + " (run has " + runPeriods + ")");
        List<String> wrong = new ArrayList<>();
        for (String p : runPeriods) {
          Expected want = c.expected().getOrDefault(p, Expected.OUT);
          Expected have = got.getOrDefault(p, Expected.OUT);
          if (!want.equals(have)) {
            wrong.add(p + ": expected " + want + " but was " + have);
          }
        }
        assertTrue(wrong.isEmpty(), c.name() + ": " + String.join("; ", wrong));
      }));
    }
    return tests;
  }

  private static Map<String, Expected> expectations(JsonNode expect) {
    Map<String, Expected> byPeriod = new LinkedHashMap<>();
    expect.fields().forEachRemaining(e -> {
      for (String period : e.getKey().split(",")) {
        byPeriod.put(period.trim(), Expected.parse(e.getValue().asText()));
      }
    });
    return byPeriod;
  }
}
