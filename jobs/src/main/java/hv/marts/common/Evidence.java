package hv.marts.common;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.row_number;

import hv.time.Days;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Rows that can prove a numerator (screenings, referrals, events, answers), in one shape:
 * {@code ev_enrollment_id, ev_child_id, ev_date, ev_id} plus any kept columns, and the
 * matching of them to units.
 */
public final class Evidence {

  public static final String ENROLLMENT = "ev_enrollment_id";
  public static final String CHILD = "ev_child_id";
  public static final String DATE = "ev_date";
  public static final String ID = "ev_id";

  private Evidence() {}

  /** The rows in evidence shape; {@code kept} columns keep their names with an {@code ev_} prefix. */
  public static Dataset<Row> rows(Dataset<Row> rows, String dateColumn, String idColumn, String... kept) {
    List<Column> columns = new ArrayList<>(List.of(
        col("enrollment_id").as(ENROLLMENT), col("child_id").as(CHILD),
        col(dateColumn).as(DATE), col(idColumn).as(ID)));
    for (String k : kept) {
      columns.add(col(k).as("ev_" + k));
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  /** An episode's caregiver row: its enrollment_id and an empty child_id. */
  public static Column caregiverRowOf(Column enrollmentId) {
    return col(ENROLLMENT).equalTo(enrollmentId).and(col(CHILD).isNull());
  }

  /** A child's row: its child_id. */
  public static Column childRowOf(Column childId) {
    return col(CHILD).equalTo(childId);
  }

  /** Dated in the window [from, to]. */
  public static Column datedIn(Column from, Column to) {
    return Days.within(col(DATE), from, to);
  }

  /**
   * Each unit with the first matching row (earliest date, then smallest id) as
   * {@code evidence_date, evidence_id} and its kept {@code ev_} columns; empty when none matches.
   */
  public static Dataset<Row> first(Dataset<Row> units, UnitType type, Dataset<Row> evidence, Column matches) {
    return pick(units, type, evidence, matches, col(DATE).asc_nulls_last(), col(ID).asc_nulls_last());
  }

  /** As {@link #first}, with the latest matching row (latest date, then greatest id). */
  public static Dataset<Row> latest(Dataset<Row> units, UnitType type, Dataset<Row> evidence, Column matches) {
    return pick(units, type, evidence, matches, col(DATE).desc_nulls_last(), col(ID).desc_nulls_last());
  }

  /**
   * Each unit with how many rows match ({@code evidence_count}, rows counted as rows) and the
   * first of them (earliest date, then smallest id) as {@code evidence_date, evidence_id}.
   */
  public static Dataset<Row> counted(Dataset<Row> units, Dataset<Row> evidence, Column matches) {
    return summarized(units, evidence, matches, count(col(ID)).as("evidence_count"),
            min(struct(col(DATE), col(ID))).as("_first"))
        .withColumn("evidence_date", col("_first." + DATE))
        .withColumn("evidence_id", col("_first." + ID))
        .drop("_first");
  }

  /**
   * Each unit (units without a match kept) with aggregates over its matching rows, e.g.
   * counts or the first/latest row of a kind ({@code min/max(struct(ev_date, ev_id, …))}).
   */
  public static Dataset<Row> summarized(Dataset<Row> units, Dataset<Row> evidence, Column matches,
                                        Column first, Column... more) {
    Column[] unitColumns = java.util.Arrays.stream(units.columns()).map(units::col).toArray(Column[]::new);
    return units.join(evidence, matches, "left").groupBy(unitColumns).agg(first, more);
  }

  /**
   * The units that have a matching row, each with the earliest matching date as
   * {@code dateColumn}; units without one are left out (a deciding day found in the rows).
   */
  public static Dataset<Row> earliestDate(Dataset<Row> units, Dataset<Row> evidence, Column matches,
                                          String dateColumn) {
    Column[] unitColumns = java.util.Arrays.stream(units.columns()).map(units::col).toArray(Column[]::new);
    return units.join(evidence, matches)
        .groupBy(unitColumns)
        .agg(min(col(DATE)).as(dateColumn));
  }

  /** Each unit with the one matching row that sorts first by {@code order}. */
  public static Dataset<Row> pick(Dataset<Row> units, UnitType type, Dataset<Row> evidence, Column matches,
                                  Column... order) {
    Column[] key = type.key().stream().map(units::col).toArray(Column[]::new);
    Dataset<Row> joined = units.join(evidence, matches, "left")
        .withColumn("_rank", row_number().over(Window.partitionBy(key).orderBy(order)))
        .where(col("_rank").equalTo(1));
    List<Column> columns = new ArrayList<>();
    for (String c : units.columns()) {
      columns.add(units.col(c));
    }
    for (String c : evidence.columns()) {
      switch (c) {
        case ENROLLMENT, CHILD -> { }
        case DATE -> columns.add(col(DATE).as("evidence_date"));
        case ID -> columns.add(col(ID).as("evidence_id"));
        default -> columns.add(col(c));
      }
    }
    return joined.select(columns.toArray(Column[]::new));
  }
}
