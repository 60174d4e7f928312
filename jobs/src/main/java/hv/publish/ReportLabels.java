package hv.publish;

import hv.marts.common.Strata;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The words report.html puts on codes (measures.md's names of measures, outcomes, areas and strata). */
final class ReportLabels {

  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("PM01", "Preterm birth"),
      Map.entry("PM02", "Breastfeeding"),
      Map.entry("PM03", "Depression screening"),
      Map.entry("PM04", "Well-child visit"),
      Map.entry("PM05", "Postpartum care"),
      Map.entry("PM06", "Tobacco cessation referrals"),
      Map.entry("PM07", "Safe sleep"),
      Map.entry("PM08", "Child injury (ED visits per child)"),
      Map.entry("PM09", "Child maltreatment"),
      Map.entry("PM10", "Parent–child interaction"),
      Map.entry("PM11", "Early language and literacy"),
      Map.entry("PM12", "Developmental screening"),
      Map.entry("PM13", "Behavioral concerns"),
      Map.entry("PM14", "IPV screening"),
      Map.entry("PM15", "Primary caregiver education"),
      Map.entry("PM16", "Continuity of insurance"),
      Map.entry("PM17", "Completed depression referrals"),
      Map.entry("PM18", "Completed developmental referrals"),
      Map.entry("PM19", "IPV referrals"),
      Map.entry("RC1", "Priority population enrollment"),
      Map.entry("RC2", "Prenatal enrollment"),
      Map.entry("RC3", "Education, training or employment"),
      Map.entry("RC4", "Prenatal and postpartum care"));

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

  /** Strata in the order of measures.md: dimensions as {@link Strata#DIMENSIONS}, values as its table; others last. */
  static Comparator<Report.Figure> strataOrder() {
    Comparator<Report.Figure> byDimension = Comparator.comparingInt(f -> rank(Strata.DIMENSIONS, f.stratum()));
    return byDimension
        .thenComparingInt(f -> rank(VALUE_ORDER.getOrDefault(f.stratum(), List.of()), f.value()))
        .thenComparing(Report.Figure::stratum).thenComparing(Report.Figure::value);
  }

  private static int rank(List<String> order, String item) {
    int i = order.indexOf(item);
    return i < 0 ? order.size() : i;
  }

  /** The measure's or outcome's name; the code itself when it has none. */
  static String name(String code) {
    return NAMES.getOrDefault(code, code);
  }

  /** measures.md's six benchmark areas. */
  static String area(String code) {
    if (!code.startsWith("PM")) {
      return "Outcomes Rate Card";
    }
    int n = Integer.parseInt(code.substring(2));
    return n <= 6 ? "Maternal and newborn health"
        : n <= 9 ? "Injuries, abuse, neglect or maltreatment"
        : n <= 13 ? "School readiness and achievement"
        : n == 14 ? "Crime or domestic violence"
        : n <= 16 ? "Family economic self-sufficiency"
        : "Coordination and referrals";
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
