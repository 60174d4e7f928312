package hv.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** How two frames of the same columns differ as multisets of rows, counted in one Spark job. */
public final class RowDifference {

  private RowDifference() {}

  /** @return rows only in x, rows only in y (a row twice in x and once in y counts once for x) */
  public static long[] count(Dataset<Row> x, Dataset<Row> y) {
    Row counts = x.exceptAll(y).select(lit(1L).as("only_x"), lit(0L).as("only_y"))
        .unionByName(y.exceptAll(x).select(lit(0L).as("only_x"), lit(1L).as("only_y")))
        .agg(coalesce(sum("only_x"), lit(0L)), coalesce(sum("only_y"), lit(0L)))
        .first();
    return new long[] {counts.getLong(0), counts.getLong(1)};
  }
}
