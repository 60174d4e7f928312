package hv.measures;

import hv.marts.common.UnitType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What is known about a measure or rate card outcome besides its rule: one row of the registry
 * {@code hv/measures/measures.csv}, the one table of these facts (measures.md's tables and
 * "Common terms"), read once. The marts, the evaluation, the report and the data dictionary
 * take codes, names, directions and the count measures from here.
 *
 * @param name    measures.md's name of the measure or outcome
 * @param label   the words people read next to the code (report.html); the name, or the name
 *                made plain ({@code PM08}: "Child injury (ED visits per child)")
 * @param area    measures.md's benchmark area ({@code Outcomes Rate Card} for the outcomes)
 * @param counted for a {@link Numerator#COUNT} measure, what its rate counts, in words
 */
public record MeasureFacts(String code, MeasureSet set, String name, String label, String area, UnitType unitType,
                           Numerator numerator, Better better, String counted) {

  /** The benchmarks (FFY periods) or the rate card's outcomes (SFY periods). */
  public enum MeasureSet { BENCHMARK, RATE_CARD }

  /**
   * {@code SHARE}: a unit counts 0 or 1, the rate is a share (Wilson interval; compared across
   * providers); {@code COUNT}: a unit counts events, the rate is events per unit (Poisson interval).
   */
  public enum Numerator { SHARE, COUNT }

  /** Which way a rate is better (measures.md: lower for PM01 and PM09, higher for all others). */
  public enum Better { HIGHER, LOWER }

  public static final String RESOURCE = "hv/measures/measures.csv";

  /** Every row, in the file's order (code order, benchmarks first). */
  public static final List<MeasureFacts> ALL = read();

  /** The facts of a code; an unknown code is an error. */
  public static MeasureFacts of(String code) {
    return ALL.stream().filter(f -> f.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a measure: " + code));
  }

  /** The rows of a set, in code order. */
  public static List<MeasureFacts> in(MeasureSet set) {
    return ALL.stream().filter(f -> f.set == set).toList();
  }

  /** The codes of a set, in code order. */
  public static List<String> codes(MeasureSet set) {
    return codes(f -> f.set == set);
  }

  /** The codes whose facts hold, in code order. */
  public static List<String> codes(Predicate<MeasureFacts> which) {
    return ALL.stream().filter(which).map(MeasureFacts::code).toList();
  }

  /** Codes where a lower rate is better. */
  public static Set<String> lowerIsBetterCodes() {
    return Set.copyOf(codes(MeasureFacts::lowerIsBetter));
  }

  /** Codes whose numerator counts events ({@link Numerator#COUNT}). */
  public static Set<String> countCodes() {
    return Set.copyOf(codes(MeasureFacts::counts));
  }

  public boolean lowerIsBetter() {
    return better == Better.LOWER;
  }

  public boolean counts() {
    return numerator == Numerator.COUNT;
  }

  /** Codes in words, as the dictionary and the report write them: {@code PM01 and PM09}, {@code PM01, PM08 and PM09}. */
  public static String inWords(List<String> codes) {
    if (codes.size() <= 1) {
      return String.join("", codes);
    }
    return String.join(", ", codes.subList(0, codes.size() - 1)) + " and " + codes.get(codes.size() - 1);
  }

  /** A set's codes as a range: {@code PM01 ... PM19}. */
  public static String range(MeasureSet set) {
    List<String> codes = codes(set);
    return codes.get(0) + " ... " + codes.get(codes.size() - 1);
  }

  /** A set's codes with their names: {@code PM01 Preterm birth, PM02 Breastfeeding, …}. */
  public static String named(MeasureSet set) {
    return String.join(", ", in(set).stream().map(m -> m.code() + " " + m.name()).toList());
  }

  private static List<MeasureFacts> read() {
    try (InputStream in = MeasureFacts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Reader text = new InputStreamReader(in, StandardCharsets.UTF_8);
      List<MeasureFacts> rows = new ArrayList<>();
      for (CSVRecord r : CSVParser.parse(text, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
        Numerator numerator = Numerator.valueOf(r.get("numerator"));
        String counted = r.get("counted");
        if ((numerator == Numerator.COUNT) == counted.isEmpty()) {
          throw new IllegalStateException(RESOURCE + ": " + r.get("code") + ": a count measure, and only one, says what it counts");
        }
        rows.add(new MeasureFacts(r.get("code"), MeasureSet.valueOf(r.get("set")), r.get("name"), r.get("label"),
            r.get("area"), UnitType.valueOf(r.get("unit_type")), numerator, Better.valueOf(r.get("better")), counted));
      }
      if (rows.stream().map(MeasureFacts::code).collect(Collectors.toSet()).size() != rows.size()) {
        throw new IllegalStateException(RESOURCE + ": a code twice");
      }
      return List.copyOf(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
