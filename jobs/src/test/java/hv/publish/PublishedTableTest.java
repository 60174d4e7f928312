package hv.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hv.publish.PublishedTable.PublishedColumn;
import org.junit.jupiter.api.Test;

/** The schemas' measure words come from the registry of measure facts, as the dictionary printed them before. */
class PublishedTableTest {

  private static String meaning(String table, String column) {
    return PublishedTable.named(table).column(column).map(PublishedColumn::meaning).orElseThrow();
  }

  @Test
  void theCodeListsOfTheDictionaryAreTheRegistrys() {
    assertEquals("PM01 ... PM19", meaning("benchmark_results", "measure_code"));
    assertEquals("units in the denominator that meet the measure (PM08: events counted)",
        meaning("benchmark_results", "numerator"));
    assertEquals("lower limit of the rate's 95% interval (Wilson; Poisson for PM08)", meaning("benchmark_results", "ci_low"));
    assertEquals("the measure (PM01 ... PM19 but PM08, which counts events) or rate card outcome (RC1 ... RC4)",
        meaning("provider_comparison", "code"));
    assertEquals("true for PM01 and PM09, where a lower rate is better (ABOVE then means worse)",
        meaning("provider_comparison", "lower_is_better"));
    assertEquals("RC1 ... RC4", meaning("ratecard_results", "outcome_code"));
    assertEquals("RC1 ... RC4, or ALL for the contract's totals", meaning("ratecard_payments", "outcome_code"));
    assertEquals("RC1 ... RC4, or ALL: the totals of the file", RateCardReports.meaning("outcome_code"));
    PublishedTable.all().values().forEach(t -> t.columns().forEach(c ->
        assertFalse(c.meaning().contains("${"), t.table() + "." + c.name())));
  }

  @Test
  void anUnknownPlaceholderIsAnError() {
    assertThrows(IllegalStateException.class, () -> PublishedTable.withMeasureWords("the ${measures}"));
  }
}
