package hv.marts.incremental;

import static org.apache.spark.sql.functions.broadcast;

import hv.core.CoreTables;
import hv.spark.Lineage;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A set of episodes with their children: the family rows their units read are the rows with
 * one of the episodes' {@code enrollment_id}, or one of their children's {@code child_id}
 * (a child's rows are matched by child_id alone).
 */
public record Families(Dataset<Row> episodes, Dataset<Row> children) {

  public static Families of(CoreTables core, Dataset<Row> enrollmentIds) {
    Dataset<Row> ids = enrollmentIds.select("enrollment_id");
    return new Families(ids,
        Lineage.cut(core.children().join(broadcast(ids), "enrollment_id", "left_semi").select("child_id")));
  }

  /** The episodes themselves (by enrollment_id alone). */
  public Dataset<Row> episodesOf(Dataset<Row> episodeRows) {
    return episodeRows.join(broadcast(episodes), "enrollment_id", "left_semi");
  }

  /** The rows of these families (columns and their order kept). */
  public Dataset<Row> rowsOf(Dataset<Row> rows) {
    Dataset<Row> byEpisode = rows.join(broadcast(episodes), "enrollment_id", "left_semi");
    if (!Arrays.asList(rows.columns()).contains("child_id")) {
      return byEpisode;
    }
    Dataset<Row> byChildOnly = rows.join(broadcast(children), "child_id", "left_semi")
        .join(broadcast(episodes), "enrollment_id", "left_anti");
    return byEpisode.unionByName(byChildOnly);
  }
}
