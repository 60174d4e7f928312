package hv.history;

import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.to_date;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;

/**
 * What a night writes into every Delta commit it makes (the commit's {@code userMetadata}, shown
 * by {@code DESCRIBE HISTORY}): its run id and, once known, the as-of date of the marts it
 * publishes. So each version of each table says which night wrote it, also a night that died
 * before {@code ops.runs} recorded it.
 */
public final class CommitStamp {

  private static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

  private CommitStamp() {}

  /** Stamps the session's next commits (asOf null while the night does not know it yet). */
  public static void set(SparkSession spark, String runId, LocalDate asOf) {
    spark.conf().set(USER_METADATA, "{\"run_id\":\"" + runId + "\""
        + (asOf == null ? "" : ",\"as_of\":\"" + asOf + "\"") + "}");
  }

  /** The session's stamp ({@code run_id}, {@code as_of}) as JSON, or null outside a night. */
  public static String current(SparkSession spark) {
    return spark.conf().getOption(USER_METADATA).getOrElse(() -> null);
  }

  public static void clear(SparkSession spark) {
    spark.conf().unset(USER_METADATA);
  }

  static Column runId(Column userMetadata) {
    return get_json_object(userMetadata, "$.run_id");
  }

  static Column asOf(Column userMetadata) {
    return to_date(get_json_object(userMetadata, "$.as_of"));
  }
}
