package hv.marts.incremental;

import static org.apache.spark.sql.functions.col;

import hv.contract.Contract;
import hv.contract.FileSchema;
import hv.spark.Lineage;
import hv.spark.Warehouse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The episodes whose family rows changed between two builds, from the core tables' change
 * data feed (inserts, deletes, and both images of an update, so a row moved from one episode
 * to another marks both). A unit of the per-period marts depends only on its episode's family
 * rows (docs/scale-decisions.md): the enrollments row, its caregiver's row, its children and
 * the rows with its enrollment_id or one of its children's child_id.
 */
public final class ChangedEpisodes {

  /** Tables whose rows belong to the episode of their enrollment_id (and of their child_id, if any). */
  static final Set<String> FAMILY_ROWS = Set.of("enrollments", "children", "home_visits", "screenings",
      "service_referrals", "health_events", "assessments");
  /** A caregiver row belongs to every episode of the caregiver. */
  static final String CAREGIVERS = "caregivers";
  /** Read by no unit of the per-period marts (caseload and intake are contract evaluation's). */
  static final Set<String> NOT_READ = Set.of("staff", "intake_referrals");

  private ChangedEpisodes() {}

  /**
   * {@code enrollment_id} of every episode whose family rows differ between the versions,
   * materialized; empty when a change cannot be traced to episodes (a programs row: every unit
   * carries its program's contract; a table new or without a change feed for the range).
   */
  public static Optional<Dataset<Row>> between(Warehouse warehouse, CoreVersions from, CoreVersions to) {
    List<Dataset<Row>> episodes = new ArrayList<>();
    try {
      for (FileSchema f : Contract.get().files()) {
        String table = f.table();
        Long before = from.versions().get(table);
        long after = to.of(table);
        if (before == null || before > after) {
          return Optional.empty();
        }
        if (before == after || NOT_READ.contains(table)) {
          continue;
        }
        Dataset<Row> changes = warehouse.spark().read().format("delta")
            .option("readChangeFeed", "true")
            .option("startingVersion", before + 1)
            .option("endingVersion", after)
            .load(warehouse.location("core", table));
        if (table.equals(CAREGIVERS)) {
          episodes.add(changes.select("caregiver_id").distinct()
              .join(held(warehouse, to, "enrollments").select("caregiver_id", "enrollment_id"), "caregiver_id")
              .select("enrollment_id"));
        } else if (FAMILY_ROWS.contains(table)) {
          episodes.add(changes.select("enrollment_id"));
          if (Arrays.asList(changes.columns()).contains("child_id") && !table.equals("children")) {
            episodes.add(changes.select("child_id").where(col("child_id").isNotNull()).distinct()
                .join(held(warehouse, to, "children").select("child_id", "enrollment_id"), "child_id")
                .select("enrollment_id"));
          }
        } else {
          return Optional.empty();
        }
      }
      Dataset<Row> all = episodes.stream().reduce(Dataset::union).orElse(warehouse.spark()
          .createDataFrame(List.of(), new StructType().add("enrollment_id", DataTypes.StringType)));
      return Optional.of(Lineage.cut(all.where(col("enrollment_id").isNotNull()).distinct()));
    } catch (Exception e) {
      if (e instanceof AnalysisException) {
        // a version range without a change feed (a warehouse from before it was enabled): rebuild in full
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Every record of a core table as held at the version, tombstones included: a deleted parent still names its episode. */
  private static Dataset<Row> held(Warehouse warehouse, CoreVersions versions, String table) {
    return warehouse.read("core", table, versions.of(table));
  }
}
