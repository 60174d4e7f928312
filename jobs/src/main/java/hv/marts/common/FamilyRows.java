package hv.marts.common;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The rows of screenings and assessments as the measures may count them (measures.md "Common terms"). */
public final class FamilyRows {

  private FamilyRows() {}

  /** Valid screenings: {@code tool ≠ NOT_VALIDATED} and {@code result ≠ INCOMPLETE} (filter the domain yourself). */
  public static Dataset<Row> validScreenings(Dataset<Row> screenings) {
    return screenings.where(col("tool").notEqual("NOT_VALIDATED").and(col("result").notEqual("INCOMPLETE")));
  }

  /** Of valid screenings, those of the domain with {@code result = POSITIVE}. */
  public static Dataset<Row> positive(Dataset<Row> validScreenings, String domain) {
    return validScreenings.where(col("domain").equalTo(domain).and(col("result").equalTo("POSITIVE")));
  }

  /**
   * Answers that stand: of one item answered twice on one day with the same enrollment_id
   * and child_id, only the greatest assessment_id (character order) counts.
   */
  public static Dataset<Row> standingAnswers(Dataset<Row> assessments) {
    return assessments
        .withColumn("_rank", row_number().over(Window
            .partitionBy("enrollment_id", "child_id", "item", "assessment_date")
            .orderBy(col("assessment_id").desc())))
        .where(col("_rank").equalTo(1))
        .drop("_rank");
  }
}
