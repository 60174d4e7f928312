package hv.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.publish.PublishedTable.PublishedColumn;
import org.junit.jupiter.api.Test;

/** The schemas' measure words come from the registry of measure facts, as the dictionary printed them before. */
class PublishedTableTest {

  private static String meaning(String table, String column) {
    return PublishedTable.named(table).column(column).map(PublishedColumn::meaning).orElseThrow();
  }

  @Test
  void theCodeListsOfTheDictionaryAreTheRegistrys() {
    assertTrue(meaning("benchmark_results", "measure_code").startsWith("PM01 Preterm birth, PM02 Breastfeeding, "));
    assertTrue(meaning("benchmark_results", "measure_code").endsWith(", PM19 IPV referrals"));
    assertEquals("units in the denominator that meet the measure (PM08: events counted)",
        meaning("benchmark_results", "numerator"));
    assertEquals("lower limit of the rate's 95% interval (Wilson; Poisson for PM08)", meaning("benchmark_results", "ci_low"));
    assertEquals("the measure (PM01 ... PM19 but PM08, which counts events) or rate card outcome (RC1 ... RC4)",
        meaning("provider_comparison", "code"));
    assertEquals("true for PM01 and PM09, where a lower rate is better (ABOVE then means worse)",
        meaning("provider_comparison", "lower_is_better"));
    assertEquals("RC1 Priority population enrollment, RC2 Prenatal enrollment, RC3 Education, training or "
        + "employment, RC4 Prenatal and postpartum care", meaning("ratecard_results", "outcome_code"));
    assertEquals("RC1 ... RC4, or ALL for the contract's totals", meaning("ratecard_payments", "outcome_code"));
    assertEquals("RC1 ... RC4, or ALL: the totals of the file", RateCardReports.meaning("outcome_code"));
    PublishedTable.all().values().forEach(t -> t.columns().forEach(c ->
        assertFalse(c.meaning().contains("${"), t.table() + "." + c.name())));
  }

  /** A published file explains itself: its meanings cite no document its reader does not have. */
  @Test
  void theStrataAreListedAndNoMeaningCitesTheSpec() {
    String strata = meaning("benchmark_results", "stratum_value");
    assertTrue(strata.contains("race: BLACK, WHITE, ASIAN, AIAN (American Indian / Alaska Native), "), strata);
    assertTrue(strata.contains("; age_group (age at enrollment): UNDER_20 (Under 20), 20_24 (20–24), "), strata);
    assertTrue(strata.contains("; child_welfare (child welfare involvement): Y (Yes), N (No), UNKNOWN."), strata);
    PublishedTable.all().values().forEach(t -> t.columns().forEach(c ->
        assertFalse(c.meaning().matches("(?s).*[a-z-]+\\.md\\b.*"), t.table() + "." + c.name() + ": " + c.meaning())));
    PublishedTable.all().values().forEach(t -> assertFalse(t.description().contains(".md"), t.table()));
  }

  @Test
  void anUnknownPlaceholderIsAnError() {
    assertThrows(IllegalStateException.class, () -> PublishedTable.withMeasureWords("the ${measures}"));
  }
}
