package hv.time;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;

import hv.spark.Lineage;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The periods a run computes (measures.md "Period"): every period of the fiscal year kind
 * that ended on or before the as-of date, from the year containing the earliest
 * {@code enrollment_date} held, plus {@code <FY><y>-YTD} of the year containing the as-of
 * date (also on its last day). A small DataFrame {@code (period, period_start,
 * period_end)}, computed once from the data and held in the driver ({@link Lineage#local}),
 * that the measures pair their candidates with so that every period is computed in one pass.
 */
public final class Periods {

  public static final String PERIOD = "period";
  public static final String START = "period_start";
  public static final String END = "period_end";

  private Periods() {}

  public static Dataset<Row> of(FiscalYear kind, Dataset<Row> enrollments, LocalDate asOf) {
    Column asOfDate = lit(Date.valueOf(asOf));
    Column asOfYear = kind.yearOf(asOfDate);
    Dataset<Row> years = enrollments
        .agg(min("enrollment_date").as("earliest"))
        .select(explode(sequence(kind.yearOf(col("earliest")), asOfYear)).as("fy"))
        .withColumn("fy_start", make_date(col("fy").minus(1), lit(kind.startMonth()), lit(1)))
        .withColumn("fy_name", concat(lit(kind.name()), col("fy").cast("string")));

    Column[] spans = kind.spans().stream()
        .map(s -> struct(lit(s.suffix()).as("suffix"), lit(s.fromMonth()).as("from"), lit(s.toMonth()).as("to")))
        .toArray(Column[]::new);
    Dataset<Row> ended = years
        .withColumn("span", explode(array(spans)))
        .select(
            concat(col("fy_name"), col("span.suffix")).as(PERIOD),
            add_months(col("fy_start"), col("span.from")).as(START),
            date_sub(add_months(col("fy_start"), col("span.to")), 1).as(END))
        .where(col(END).leq(asOfDate));
    Dataset<Row> yearToDate = years
        .where(col("fy").equalTo(asOfYear))
        .select(concat(col("fy_name"), lit(FiscalYear.YTD_SUFFIX)).as(PERIOD), col("fy_start").as(START), asOfDate.as(END));
    return Lineage.local(ended.unionByName(yearToDate));
  }
}
