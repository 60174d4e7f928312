package hv.marts.incremental;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A mart table's rows of one night: what is written over which periods, and the whole table
 * as it reads after the write (what later stages of the night take).
 *
 * @param replacedPeriods the periods whose rows the write replaces; null: the whole table
 */
public record PeriodTable(Dataset<Row> written, List<String> replacedPeriods, Dataset<Row> all) {

  /** Rows that replace the whole table. */
  public static PeriodTable whole(Dataset<Row> rows) {
    return new PeriodTable(rows, null, rows);
  }

  /** Delta {@code replaceWhere} of the replaced periods (a period name is an identifier: no quote inside). */
  public String replaceWhere() {
    return replacedPeriods.isEmpty() ? "false" : replacedPeriods.stream().map(p -> "'" + p + "'")
        .collect(Collectors.joining(", ", "period IN (", ")"));
  }
}
