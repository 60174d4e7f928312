package hv.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hv.contract.Contract;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;

/** The rules of a row and its key, and each key's winning version, on rows held in memory (no Spark). */
class KeyRulesTest {

  static final Contract CONTRACT = Contract.get();
  static final Date NIGHT = Date.valueOf("2026-01-10");

  /** A valid caregiver (contract order), with the given id and role. */
  static String[] caregiver(String id, String role) {
    return new String[] {id, "F", role, "BLACK", "N", null, "ENGLISH", "2026-01-01T00:00:00Z", null};
  }

  static Row row(String file, Date date, long line, String malformed, boolean held, String[] values, String key) {
    return RowFactory.create(file, date, line, malformed, held,
        JavaConverters.asScalaBuffer(Arrays.asList(values)).toSeq(), key);
  }

  /** Per row out: "dup" for a duplicate, else its reason (or "ok"). */
  static List<String> decided(Row... sorted) {
    Iterator<Row> out = new KeyRules(CONTRACT).call(List.of(sorted).iterator());
    List<String> fates = new ArrayList<>();
    out.forEachRemaining(r -> fates.add(r.getBoolean(7) ? "dup" : r.getString(8) == null ? "ok" : r.getString(8)));
    return fates;
  }

  @Test
  void aCopyOfAnEarlierLineIsADuplicateButAHeldOrphanNeverIs() {
    assertEquals(List.of("ok", "dup", "dup"), decided(
        row("caregivers", NIGHT, 2, null, false, caregiver("CG1", "MOTHER"), "CG1"),
        row("caregivers", NIGHT, 3, null, false, caregiver("CG1", "MOTHER"), "CG1"),
        row("caregivers", NIGHT, 9, null, false, caregiver("CG1", "MOTHER"), "CG1")));
    assertEquals(List.of("ok", "ok", "dup"), decided(
        row("caregivers", NIGHT, 2, null, false, caregiver("CG1", "MOTHER"), "CG1"),
        row("caregivers", NIGHT, 3, null, true, caregiver("CG1", "MOTHER"), "CG1"),
        row("caregivers", NIGHT, 4, null, false, caregiver("CG1", "MOTHER"), "CG1")));
  }

  @Test
  void aKeyWithDifferingRowsInOneExtractQuarantinesThemAllButItsCopies() {
    assertEquals(List.of("DUPLICATE_KEY_CONFLICT:caregiver_id", "DUPLICATE_KEY_CONFLICT:caregiver_id", "dup"), decided(
        row("caregivers", NIGHT, 2, null, false, caregiver("CG1", "MOTHER"), "CG1"),
        row("caregivers", NIGHT, 3, null, false, caregiver("CG1", "FATHER"), "CG1"),
        row("caregivers", NIGHT, 4, null, false, caregiver("CG1", "MOTHER"), "CG1")));
    // the same key in two extracts is two versions, not a conflict
    assertEquals(List.of("ok", "ok"), decided(
        row("caregivers", NIGHT, 2, null, false, caregiver("CG1", "MOTHER"), "CG1"),
        row("caregivers", Date.valueOf("2026-01-11"), 2, null, false, caregiver("CG1", "FATHER"), "CG1")));
  }

  @Test
  void aRowRuleOrAMalformedRecordComesBeforeTheConflictAndRowsWithoutKeyNeverConflict() {
    String[] badRole = caregiver("CG1", "AUNT");
    assertEquals(List.of("MALFORMED_RECORD", "UNKNOWN_CODE:caregiver_role"), decided(
        row("caregivers", NIGHT, 2, "CG1,F", false, caregiver("CG1", "MOTHER"), "CG1"),
        row("caregivers", NIGHT, 3, null, false, badRole, "CG1")));
    assertEquals(List.of("MISSING_REQUIRED:caregiver_id", "MISSING_REQUIRED:caregiver_id"), decided(
        row("caregivers", NIGHT, 2, null, false, caregiver(null, "MOTHER"), null),
        row("caregivers", NIGHT, 3, null, false, caregiver(null, "FATHER"), null)));
  }

  @Test
  void eachRowLeavesWithItsNamedParentsInColumnOrder() {
    String[] child = new String[CONTRACT.file("children").columns().size()];
    child[0] = "C1";
    child[1] = "E1";
    Row out = new KeyRules(CONTRACT).call(List.of(row("children", NIGHT, 2, null, false, child, "C1")).iterator()).next();
    assertEquals(List.of("enrollment_id"), out.getList(9));
    assertEquals(List.of("enrollments"), out.getList(10));
    assertEquals(List.of("E1"), out.getList(11));
  }

  /** Rows as {@link Conformer#latest} gives them: file, key, extract date, line, values, effective date. */
  static Row version(String key, String updatedAt, String extract, long line, String effective) {
    String[] v = caregiver(key, "MOTHER");
    v[7] = updatedAt;
    return RowFactory.create("caregivers", key, Date.valueOf(extract), line,
        JavaConverters.asScalaBuffer(Arrays.asList(v)).toSeq(), Date.valueOf(effective));
  }

  static List<String> winners(Row... sorted) {
    List<String> out = new ArrayList<>();
    new LatestVersions(CONTRACT).call(List.of(sorted).iterator())
        .forEachRemaining(r -> out.add(r.getList(3).get(0) + " " + r.getDate(1) + ":" + r.getLong(2) + " first " + r.getDate(4)));
    return out;
  }

  @Test
  void theLatestUpdateWinsThenTheLaterExtractThenTheLaterLine() {
    assertEquals(List.of("A 2026-01-01:5 first 2026-01-01", "B 2026-01-03:7 first 2026-01-02",
            "C 2026-01-02:3 first 2026-01-02"),
        winners(
            version("A", "2026-01-01T10:00:00Z", "2026-01-01", 5, "2026-01-01"),
            version("A", "2026-01-01T09:59:59Z", "2026-01-02", 2, "2026-01-02"),
            // the same instant (an offset, digits past the microsecond): the later extract, then line
            version("B", "2026-01-01T11:00:00.1234561+01:00", "2026-01-02", 9, "2026-01-02"),
            version("B", "2026-01-01T10:00:00.1234569Z", "2026-01-03", 7, "2026-01-03"),
            version("B", "2026-01-01T10:00:00.123456Z", "2026-01-03", 6, "2026-01-04"),
            version("C", "2026-01-01T10:00Z", "2026-01-02", 2, "2026-01-02"),
            version("C", "2026-01-01T10:00:00Z", "2026-01-02", 3, "2026-01-02")));
  }
}
