package hv.marts.incremental;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hv.history.CommitStamp;
import hv.spark.Warehouse;
import io.delta.tables.DeltaTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a mart's tables were last published from: the core versions and the code (recorded in
 * each table's commit as Delta {@code userMetadata}, so the record is written atomically with
 * the rows it describes), and the table versions holding those rows.
 *
 * @param tableVersions table → its version holding that publication
 */
public record Publication(CoreVersions core, String code, Map<String, Long> tableVersions) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The commit metadata of a build from these core versions with this code, added to the
   * night's own stamp ({@link CommitStamp}: run id and as-of) so one record says both.
   */
  public static String metadata(CoreVersions core, SparkSession spark) {
    Map<String, Object> m = new LinkedHashMap<>();
    String stamp = CommitStamp.current(spark);
    if (stamp != null) {
      try {
        JSON.readValue(stamp, Map.class).forEach((k, v) -> m.put((String) k, v));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("unreadable commit stamp", e);
      }
    }
    m.put("code", CodeFingerprint.get());
    m.put("core", core.versions());
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The publication all the tables share, if they share one: a table missing, written without
   * the record, or recording another build than its siblings (a night killed between them)
   * leaves nothing to build on.
   */
  public static Optional<Publication> of(Warehouse warehouse, List<String> martTables) {
    String shared = null;
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String table : martTables) {
      if (!warehouse.exists("marts", table)) {
        return Optional.empty();
      }
      Row last = DeltaTable.forPath(warehouse.spark(), warehouse.location("marts", table))
          .history(1).select("version", "userMetadata").first();
      String metadata = last.isNullAt(1) ? null : last.getString(1);
      if (metadata == null || (shared != null && !shared.equals(metadata))) {
        return Optional.empty();
      }
      shared = metadata;
      versions.put(table, last.getLong(0));
    }
    try {
      Map<?, ?> m = JSON.readValue(shared, Map.class);
      Map<String, Long> core = new TreeMap<>();
      ((Map<?, ?>) m.get("core")).forEach((k, v) -> core.put((String) k, ((Number) v).longValue()));
      return Optional.of(new Publication(new CoreVersions(core), (String) m.get("code"), versions));
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Built by this code: its rows are what this code would compute from its core versions. */
  public boolean sameCode() {
    return CodeFingerprint.get().equals(code);
  }
}
