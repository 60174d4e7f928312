package hv.publish;

import hv.measures.EpisodeStrata;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The words report.html puts on strata (measures.md's names of dimensions and values); measures' words: {@link hv.measures.MeasureFacts}. */
final class ReportLabels {

  private static final Map<String, String> DIMENSIONS = Map.of(
      "race", "Race", "ethnicity", "Ethnicity", "age_group", "Age at enrollment", "insurance", "Insurance",
      "income", "Income", "child_welfare", "Child welfare involvement");

  private static final Map<String, String> VALUES = Map.ofEntries(
      Map.entry("AIAN", "American Indian / Alaska Native"),
      Map.entry("NHPI", "Native Hawaiian / Pacific Islander"),
      Map.entry("PUERTO_RICAN", "Puerto Rican"),
      Map.entry("OTHER_HISPANIC", "Other Hispanic"),
      Map.entry("NOT_HISPANIC", "Not Hispanic"),
      Map.entry("UNDER_20", "Under 20"),
      Map.entry("20_24", "20–24"),
      Map.entry("25_34", "25–34"),
      Map.entry("35_PLUS", "35 and over"),
      Map.entry("AT_OR_BELOW_100_FPL", "At or below 100% FPL"),
      Map.entry("101_200_FPL", "101–200% FPL"),
      Map.entry("ABOVE_200_FPL", "Above 200% FPL"),
      Map.entry("Y", "Yes"),
      Map.entry("N", "No"));

  /** measures.md "Strata": each dimension's values in the spec's order. */
  private static final Map<String, List<String>> VALUE_ORDER = Map.of(
      "race", List.of("BLACK", "WHITE", "ASIAN", "AIAN", "NHPI", "OTHER", "MULTIRACIAL", "UNKNOWN"),
      "ethnicity", List.of("PUERTO_RICAN", "OTHER_HISPANIC", "NOT_HISPANIC", "UNKNOWN"),
      "age_group", List.of("UNDER_20", "20_24", "25_34", "35_PLUS", "UNKNOWN"),
      "insurance", List.of("MEDICAID", "PRIVATE", "NONE", "OTHER", "UNKNOWN"),
      "income", List.of("AT_OR_BELOW_100_FPL", "101_200_FPL", "ABOVE_200_FPL", "UNKNOWN"),
      "child_welfare", List.of("Y", "N", "UNKNOWN"));

  private ReportLabels() {}

  /**
   * Every dimension with its values, for the data dictionary: {@code race: BLACK, …, AIAN (American Indian /
   * Alaska Native), …; age_group (age at enrollment): UNDER_20, …}; a word only where the code is not one.
   */
  static String strataInWords() {
    return String.join("; ", EpisodeStrata.DIMENSIONS.stream().map(d -> {
      String label = DIMENSIONS.get(d);
      String name = label.equalsIgnoreCase(d.replace('_', ' ')) ? d : d + " (" + label.toLowerCase(Locale.ROOT) + ")";
      return name + ": " + String.join(", ", VALUE_ORDER.get(d).stream()
          .map(v -> VALUES.containsKey(v) ? v + " (" + VALUES.get(v) + ")" : v).toList());
    }).toList());
  }

  /** Strata in the order of measures.md: dimensions as {@link EpisodeStrata#DIMENSIONS}, values as its table; others last. */
  static Comparator<Report.Figure> strataOrder() {
    Comparator<Report.Figure> byDimension = Comparator.comparingInt(f -> rank(EpisodeStrata.DIMENSIONS, f.stratum()));
    return byDimension
        .thenComparingInt(f -> rank(VALUE_ORDER.getOrDefault(f.stratum(), List.of()), f.value()))
        .thenComparing(Report.Figure::stratum).thenComparing(Report.Figure::value);
  }

  private static int rank(List<String> order, String item) {
    int i = order.indexOf(item);
    return i < 0 ? order.size() : i;
  }

  static String dimension(String stratum) {
    return DIMENSIONS.getOrDefault(stratum, stratum);
  }

  /** A stratum value in words: the listed ones, else the code in sentence case (BLACK → Black). */
  static String value(String stratumValue) {
    String label = VALUES.get(stratumValue);
    if (label != null) {
      return label;
    }
    String words = stratumValue.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
