package hv.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hv.contract.Contract;
import hv.contract.FileSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clean inbox: reproducible, manifests right, every file everywhere, nightly changes, plausible figures. */
class GeneratorTest {

  @TempDir
  static Path tmp;
  static Path inbox;
  static Summary summary;

  @BeforeAll
  static void generate() {
    inbox = tmp.resolve("inbox");
    summary = Generator.generate(GenerateOptions.defaults(inbox).withCaregiversPerYear(400), m -> { });
  }

  @Test
  void sameOptionsGiveSameBytesAndAnotherSeedDoesNot() throws Exception {
    GenerateOptions small = GenerateOptions.defaults(tmp.resolve("a")).withCaregiversPerYear(60).withFaults(0.02,
        GenerateOptions.Refusal.NONE);
    Generator.generate(small, m -> { });
    Generator.generate(small.withOut(tmp.resolve("b")), m -> { });
    Generator.generate(small.withOut(tmp.resolve("c")).withSeed(43), m -> { });
    for (Path extract : Inbox.extracts(tmp.resolve("a"))) {
      Path name = extract.getFileName();
      for (String file : files(extract)) {
        assertEquals(Files.readString(extract.resolve(file)), Files.readString(tmp.resolve("b").resolve(name).resolve(file)),
            name + "/" + file);
      }
    }
    Path full = Inbox.extracts(tmp.resolve("a")).get(0).getFileName();
    assertNotEquals(Files.readString(tmp.resolve("a").resolve(full).resolve("home_visits.csv")),
        Files.readString(tmp.resolve("c").resolve(full).resolve("home_visits.csv")));
  }

  @Test
  void manifestStatesRowsAndChecksumOfEachFile() throws Exception {
    for (Path extract : Inbox.extracts(inbox)) {
      JsonNode manifest = new ObjectMapper().readTree(extract.resolve("manifest.json").toFile());
      assertEquals(extract.getFileName().toString(), manifest.get("extract_date").asText());
      for (FileSchema schema : Contract.get().files()) {
        JsonNode entry = manifest.get("files").get(schema.fileName());
        assertEquals(Inbox.rows(extract, schema.fileName()).size(), entry.get("rows").asInt(), schema.fileName());
        byte[] bytes = Files.readAllBytes(extract.resolve(schema.fileName()));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), entry.get("sha256").asText());
      }
    }
  }

  @Test
  void everyExtractHasEveryFileWithTheContractHeader() throws Exception {
    List<Path> extracts = Inbox.extracts(inbox);
    assertEquals(8, extracts.size());
    assertEquals(summary.extracts().stream().map(Object::toString).toList(),
        extracts.stream().map(p -> p.getFileName().toString()).toList());
    for (Path extract : extracts) {
      for (FileSchema schema : Contract.get().files()) {
        assertEquals(schema.columnNames(), Inbox.header(extract, schema.fileName()), extract + "/" + schema.fileName());
      }
    }
  }

  @Test
  void nightlyExtractsCarryNewRowsUpdatesDeletesAndLateEntries() throws Exception {
    List<Path> extracts = Inbox.extracts(inbox);
    Set<String> knownEnrollments = new HashSet<>();
    Inbox.rows(extracts.get(0), "enrollments.csv").forEach(r -> knownEnrollments.add(r.get("enrollment_id")));
    int updated = 0;
    int exits = 0;
    int deletes = 0;
    int lateVisits = 0;
    int newVisits = 0;
    for (Path night : extracts.subList(1, extracts.size())) {
      for (Map<String, String> r : Inbox.rows(night, "enrollments.csv")) {
        updated += knownEnrollments.contains(r.get("enrollment_id")) ? 1 : 0;
        exits += r.get("exit_date").isEmpty() ? 0 : 1;
      }
      for (String file : List.of("home_visits.csv", "screenings.csv", "health_events.csv", "assessments.csv", "service_referrals.csv")) {
        deletes += count(Inbox.rows(night, file), r -> r.get("deleted").equals("Y"));
      }
      List<Map<String, String>> visits = Inbox.rows(night, "home_visits.csv");
      newVisits += visits.size();
      lateVisits += count(visits, r -> r.get("created_at").substring(0, 10).compareTo(r.get("visit_date")) > 3);
    }
    assertTrue(updated > 0 && exits > 0, "updated enrollments and exits in nightly extracts");
    assertTrue(deletes > 0, "deletes in nightly extracts");
    assertTrue(newVisits > 20 && lateVisits > 0, "visits, some entered late");
  }

  @Test
  void smallInboxLooksLikeRealHomeVisitingData() throws Exception {
    Path full = Inbox.extracts(inbox).get(0);
    List<Map<String, String>> primary = Inbox.rows(full, "enrollments.csv").stream()
        .filter(r -> r.get("is_primary_caregiver").equals("Y")).toList();
    assertBetween(0.30, 0.50, share(primary, r -> r.get("pregnant_at_enrollment").equals("Y")), "prenatal share");
    assertBetween(0.65, 0.85, share(primary, r -> r.get("insurance_at_enrollment").equals("MEDICAID")), "Medicaid share");
    assertBetween(0.06, 0.20, share(primary, r -> Integer.parseInt(r.get("age_at_enrollment")) < 20), "under 20 share");
    List<Map<String, String>> index = Inbox.rows(full, "children.csv").stream()
        .filter(r -> r.get("is_index_child").equals("Y") && !r.get("gestational_age_weeks").isEmpty()).toList();
    assertBetween(0.06, 0.16, share(index, r -> Integer.parseInt(r.get("gestational_age_weeks")) < 37), "preterm share");
    List<Map<String, String>> visits = Inbox.rows(full, "home_visits.csv");
    assertBetween(0.70, 0.90, share(visits, r -> r.get("status").equals("COMPLETED")), "visit completion");
    List<Map<String, String>> depression = Inbox.rows(full, "screenings.csv").stream()
        .filter(r -> r.get("domain").equals("DEPRESSION") && !r.get("result").equals("INCOMPLETE")).toList();
    assertBetween(0.10, 0.25, share(depression, r -> r.get("result").equals("POSITIVE")), "depression positive");
    List<Map<String, String>> programs = Inbox.rows(full, "programs.csv");
    assertTrue(programs.size() >= 5);
    assertEquals(Set.of("CF", "EHS", "HFA", "NFP", "PAT"), new HashSet<>(programs.stream().map(r -> r.get("model")).toList()));
    List<Map<String, String>> exited = Inbox.rows(full, "enrollments.csv").stream().filter(r -> !r.get("exit_reason").isEmpty()).toList();
    assertTrue(share(exited, r -> r.get("exit_reason").equals("DISENGAGED")) > 0.3, "disengagement the most common exit");
  }

  private static List<String> files(Path extract) throws IOException {
    try (var s = Files.list(extract)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static int count(List<Map<String, String>> rows, Predicate<Map<String, String>> which) {
    return (int) rows.stream().filter(which).count();
  }

  private static double share(List<Map<String, String>> rows, Predicate<Map<String, String>> which) {
    assertFalse(rows.isEmpty());
    return count(rows, which) / (double) rows.size();
  }

  private static void assertBetween(double lo, double hi, double actual, String what) {
    assertTrue(actual >= lo && actual <= hi, what + " = " + actual + ", expected " + lo + "–" + hi);
  }
}
