package hv.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hv.measures.MeasureFacts.MeasureSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The registry of measure facts ({@code hv/measures/measures.csv}) against the measure classes
 * and against measures.md's words, without Spark. That the published tables carry the same
 * facts: {@code hv.marts.PublishedFactsTest}; the dictionary's words: {@code hv.publish.PublishedTableTest}.
 */
class MeasureFactsTest {

  @Test
  void everyMeasureClassHasARowAndViceVersaInCodeOrder() {
    assertEquals(Measures.BENCHMARKS.stream().map(Measure::code).toList(), MeasureFacts.codes(MeasureSet.BENCHMARK));
    assertEquals(Measures.RATE_CARD.stream().map(Measure::code).toList(), MeasureFacts.codes(MeasureSet.RATE_CARD));
  }

  @Test
  void theFactsOfMeasuresMd() {
    assertEquals(19, MeasureFacts.codes(MeasureSet.BENCHMARK).size());
    assertEquals(List.of("RC1", "RC2", "RC3", "RC4"), MeasureFacts.codes(MeasureSet.RATE_CARD));
    // "For PM01 and PM09 a lower rate is better; for all others higher."
    assertEquals(Set.of("PM01", "PM09"), MeasureFacts.lowerIsBetterCodes());
    // "PM08 is a rate of visits per child, not a percentage."
    assertEquals(Set.of("PM08"), MeasureFacts.countCodes());
    assertEquals("Child injury (rate)", MeasureFacts.of("PM08").name());
    assertEquals("Education, training or employment", MeasureFacts.of("RC3").name());
    // the six benchmark areas: PM01–PM06, PM07–PM09, PM10–PM13, PM14, PM15–PM16, PM17–PM19
    Map<String, Integer> areas = new LinkedHashMap<>();
    MeasureFacts.in(MeasureSet.BENCHMARK).forEach(f -> areas.merge(f.area(), 1, Integer::sum));
    assertEquals(List.of(6, 3, 4, 1, 2, 3), List.copyOf(areas.values()));
    assertEquals("Crime or domestic violence", MeasureFacts.of("PM14").area());
    assertThrows(IllegalArgumentException.class, () -> MeasureFacts.of("PM20"));
  }

  @Test
  void codesInWords() {
    assertEquals("PM01 ... PM19", MeasureFacts.range(MeasureSet.BENCHMARK));
    assertEquals("RC1 ... RC4", MeasureFacts.range(MeasureSet.RATE_CARD));
    assertEquals("PM08", MeasureFacts.inWords(List.of("PM08")));
    assertEquals("PM01 and PM09", MeasureFacts.inWords(List.of("PM01", "PM09")));
    assertEquals("PM01, PM08 and PM09", MeasureFacts.inWords(List.of("PM01", "PM08", "PM09")));
  }
}
