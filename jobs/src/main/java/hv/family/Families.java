package hv.family;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The families of a handful of live core rows held in memory (the test decks), grouped by the
 * same owner rule as {@link FamilyAssembler} ({@link FamilyTable}), without Spark.
 */
public final class Families {

  private Families() {}

  /** @param live each core table's live rows (deleted records and their dependants removed), by table name */
  public static List<Family> inMemory(Map<String, List<Row>> live) {
    Map<String, String> caregiverOf = new HashMap<>();
    for (Row e : live.getOrDefault(FamilyTable.ENROLLMENTS.table(), List.of())) {
      caregiverOf.put(FamilyTable.EPISODE_KEY + e.getAs("enrollment_id"), e.getAs("caregiver_id"));
    }
    for (Row c : live.getOrDefault(FamilyTable.CHILDREN.table(), List.of())) {
      caregiverOf.put(FamilyTable.CHILD_KEY + c.getAs("child_id"),
          caregiverOf.get(FamilyTable.EPISODE_KEY + c.getAs("enrollment_id")));
    }
    Map<String, FamilyBuilder> families = new LinkedHashMap<>();
    for (FamilyTable t : FamilyTable.values()) {
      for (Row r : live.getOrDefault(t.table(), List.of())) {
        String caregiver = switch (t.owner()) {
          case CAREGIVER -> r.getAs("caregiver_id");
          case EPISODE -> caregiverOf.get(FamilyTable.EPISODE_KEY + r.getAs("enrollment_id"));
          case CHILD_OR_EPISODE -> caregiverOf.get(r.getAs("child_id") == null
              ? FamilyTable.EPISODE_KEY + r.getAs("enrollment_id") : FamilyTable.CHILD_KEY + r.getAs("child_id"));
        };
        if (caregiver != null) {
          families.computeIfAbsent(caregiver, k -> new FamilyBuilder()).add(t, r);
        }
      }
    }
    return families.values().stream().map(FamilyBuilder::build).toList();
  }
}
