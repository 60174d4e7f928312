package hv.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.contract.Contract;
import hv.core.CoreSchema;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The family's shared pieces and the owner rule, in plain Java. */
class FamilyTest {

  private final Map<String, List<Row>> live = new HashMap<>();

  /** A core row of the table with the given columns (dates as text), the rest empty. */
  private void add(String table, Object... columnsAndValues) {
    StructType schema = CoreSchema.of(Contract.get().file(table));
    Object[] cells = new Object[schema.size()];
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      String column = (String) columnsAndValues[i];
      Object v = columnsAndValues[i + 1];
      cells[schema.fieldIndex(column)] = v != null && schema.apply(column).dataType().typeName().equals("date")
          ? Date.valueOf((String) v) : v;
    }
    live.computeIfAbsent(table, t -> new ArrayList<>()).add(new GenericRowWithSchema(cells, schema));
  }

  private void episode(String caregiver, String enrollment, String enrolled, String exit, boolean pregnant) {
    add("caregivers", "caregiver_id", caregiver);
    add("enrollments", "enrollment_id", enrollment, "caregiver_id", caregiver, "program_id", "P1",
        "is_primary_caregiver", true, "enrollment_date", enrolled, "exit_date", exit,
        "pregnant_at_enrollment", pregnant);
  }

  private void child(String child, String enrollment, boolean index, String born, String enrolled, String exit) {
    add("children", "child_id", child, "enrollment_id", enrollment, "is_index_child", index,
        "birth_date", born, "child_enrollment_date", enrolled, "child_exit_date", exit);
  }

  private Family familyOf(String caregiver) {
    return Families.inMemory(live).stream()
        .filter(f -> f.caregiver().caregiverId().equals(caregiver)).findFirst().orElseThrow();
  }

  @Test
  void aChildsRowBelongsToTheChildsFamilyWhateverItsEnrollmentSays() {
    episode("G1", "E1", "2025-10-01", null, false);
    episode("G2", "E2", "2025-10-01", null, false);
    child("C1", "E1", true, "2025-06-01", "2025-10-01", null);
    add("screenings", "screening_id", "S1", "enrollment_id", "E2", "child_id", "C1", "domain", "DEVELOPMENT",
        "screening_date", "2025-11-01");
    add("screenings", "screening_id", "S2", "enrollment_id", "E2", "domain", "DEPRESSION",
        "screening_date", "2025-11-01");
    Family g1 = familyOf("G1");
    Family g2 = familyOf("G2");
    Child c1 = g1.episodes().get(0).indexChild().orElseThrow();
    assertEquals(List.of("S1"), g1.rowsOf(c1).screenings().stream().map(Screening::screeningId).toList());
    assertEquals(List.of(), g1.episodes().get(0).caregiverRows().screenings());
    assertEquals(List.of("S2"), g2.episodes().get(0).caregiverRows().screenings().stream()
        .map(Screening::screeningId).toList());
  }

  @Test
  void ofOneItemAnsweredTwiceOnOneDayTheGreatestAssessmentIdStands() {
    episode("G1", "E1", "2025-10-01", null, false);
    add("assessments", "assessment_id", "A2", "enrollment_id", "E1", "assessment_date", "2025-11-01",
        "item", "IN_SCHOOL", "value", "N");
    add("assessments", "assessment_id", "A10", "enrollment_id", "E1", "assessment_date", "2025-11-01",
        "item", "IN_SCHOOL", "value", "Y");
    add("assessments", "assessment_id", "A1", "enrollment_id", "E1", "assessment_date", "2025-11-02",
        "item", "IN_SCHOOL", "value", "N");
    assertEquals(List.of("A2", "A1"), familyOf("G1").episodes().get(0).caregiverRows().answers().stream()
        .map(Answer::assessmentId).toList());
  }

  @Test
  void theIndexChildIsTheSmallestIdInCharacterOrderAndItsSpanEndsWithItsEpisode() {
    episode("G1", "E1", "2025-10-01", "2026-01-31", true);
    child("C-9", "E1", true, "2025-11-01", "2025-11-01", null);
    child("C-10", "E1", true, "2025-11-01", "2025-11-01", null);
    child("C-1", "E1", false, "2025-11-01", "2025-11-01", null);
    Episode e = familyOf("G1").episodes().get(0);
    Child index = e.indexChild().orElseThrow();
    assertEquals("C-10", index.childId());
    assertEquals(LocalDate.parse("2026-01-31"), e.enrolled(index).end());
    assertEquals(LocalDate.parse("2025-11-01"), e.delivery().orElseThrow());
  }

  @Test
  void aChildEnrolledAfterItsEpisodesExitIsNeverEnrolled() {
    episode("G1", "E1", "2025-10-01", "2025-11-15", false);
    child("C1", "E1", true, "2025-06-01", "2025-12-01", null);
    Episode e = familyOf("G1").episodes().get(0);
    assertTrue(e.enrolled(e.indexChild().orElseThrow()).isEmpty());
  }

  @Test
  void aChildBornBeforeThePrenatalEnrollmentIsNoDelivery() {
    episode("G1", "E1", "2025-10-01", null, true);
    child("C1", "E1", true, "2025-09-30", "2025-10-01", null);
    assertTrue(familyOf("G1").episodes().get(0).delivery().isEmpty());
  }

  @Test
  void anIntakeReferralBelongsToTheEpisodeItNamesAndOneNamingNoneToNoFamily() {
    episode("G1", "E1", "2025-10-01", null, false);
    episode("G2", "E2", "2025-10-01", null, false);
    add("intake_referrals", "intake_id", "I2", "program_id", "P1", "enrollment_id", "E2",
        "referral_date", "2025-09-01");
    add("intake_referrals", "intake_id", "I1", "program_id", "P1", "referral_date", "2025-09-01");
    List<Family> families = Families.inMemory(live);
    assertEquals(List.of(List.of(), List.of("I2")), families.stream()
        .map(f -> f.episodes().get(0).intakeReferrals().stream().map(IntakeReferral::intakeId).toList()).toList());
  }
}
