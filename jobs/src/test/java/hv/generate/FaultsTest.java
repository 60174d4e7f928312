package hv.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import hv.contract.Contract;
import hv.contract.FileSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Contract-breaking rows and whole-extract refusals. */
class FaultsTest {

  @TempDir
  static Path tmp;
  static Path inbox;
  static Summary summary;

  @BeforeAll
  static void generate() {
    inbox = tmp.resolve("faulty");
    summary = Generator.generate(GenerateOptions.defaults(inbox).withCaregiversPerYear(150)
        .withFaults(0.01, GenerateOptions.Refusal.NONE), m -> { });
  }

  @Test
  void everyKindOfFaultIsInjected() {
    for (FaultKind kind : FaultKind.values()) {
      assertTrue(summary.faultsByKind().getOrDefault(kind, 0) > 0, kind.name());
    }
  }

  @Test
  void faultyRowsAreInTheFiles() throws Exception {
    StringBuilder all = new StringBuilder();
    boolean conflictingKey = false;
    boolean exactDuplicate = false;
    for (Path extract : Inbox.extracts(inbox)) {
      for (FileSchema schema : Contract.get().files()) {
        List<String> lines = Inbox.lines(extract, schema.fileName());
        lines.forEach(l -> all.append(l).append('\n'));
        exactDuplicate |= new HashSet<>(lines).size() < lines.size();
        Map<String, String> byKey = new HashMap<>();
        for (Map<String, String> r : Inbox.rows(extract, schema.fileName())) {
          String before = byKey.put(r.get(schema.key()), r.toString());
          conflictingKey |= before != null && !before.equals(r.toString());
        }
      }
    }
    assertTrue(all.toString().contains("-02-30"), "a date that does not exist");
    assertTrue(all.toString().matches("(?s).*\\b\\d{3}-\\d{2}-\\d{4}\\b.*"), "an SSN-looking value");
    assertTrue(all.toString().contains("860-555-"), "a phone-looking value");
    assertTrue(conflictingKey, "a key twice with different contents");
    assertTrue(exactDuplicate, "an exact duplicate row");
  }

  @Test
  void aVisitArrivesOneExtractBeforeItsEnrollment() throws Exception {
    List<Path> extracts = Inbox.extracts(inbox);
    Set<String> enrollmentsSoFar = new HashSet<>();
    boolean found = false;
    for (int k = 0; k + 1 < extracts.size(); k++) {
      Inbox.rows(extracts.get(k), "enrollments.csv").forEach(r -> enrollmentsSoFar.add(r.get("enrollment_id")));
      Set<String> next = new HashSet<>();
      Inbox.rows(extracts.get(k + 1), "enrollments.csv").forEach(r -> next.add(r.get("enrollment_id")));
      found |= Inbox.rows(extracts.get(k), "home_visits.csv").stream()
          .anyMatch(v -> !enrollmentsSoFar.contains(v.get("enrollment_id")) && next.contains(v.get("enrollment_id")));
    }
    assertTrue(found);
  }

  @ParameterizedTest
  @EnumSource(value = GenerateOptions.Refusal.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void refusalBreaksOnlyTheLastExtract(GenerateOptions.Refusal refusal) throws Exception {
    Path out = tmp.resolve(refusal.name());
    GenerateOptions options = GenerateOptions.defaults(out).withCaregiversPerYear(30).withFaults(0, refusal);
    Generator.generate(options, m -> { });
    List<Path> extracts = Inbox.extracts(out);
    Path last = extracts.get(extracts.size() - 1);
    Path earlier = extracts.get(extracts.size() - 2);
    var manifest = new ObjectMapper().readTree(last.resolve("manifest.json").toFile()).get("files");
    switch (refusal) {
      case MANIFEST_MISMATCH -> assertNotEquals(Inbox.rows(last, "home_visits.csv").size(),
          manifest.get("home_visits.csv").get("rows").asInt());
      case IDENTIFIER_COLUMN -> assertTrue(Inbox.header(last, "caregivers.csv").contains("first_name"));
      case MISSING_REQUIRED_COLUMN -> assertFalse(Inbox.header(last, "home_visits.csv").contains("visit_date"));
      case MISSING_FILE -> assertFalse(Files.exists(last.resolve("screenings.csv")));
      default -> throw new IllegalStateException();
    }
    assertEquals(Contract.get().file("caregivers").columnNames(), Inbox.header(earlier, "caregivers.csv"));
    assertTrue(Files.exists(earlier.resolve("screenings.csv")));
  }
}
