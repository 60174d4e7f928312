package hv.time;

import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.udf;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The periods a run computes ({@link Period#ofRun}) as a small DataFrame {@code (period,
 * period_start, period_end)} held in the driver, that the roll-ups give a row for every period
 * and code even without units; and the columns that take
 * period names apart, by {@link PeriodName} (as functions over the names, not regular
 * expressions of their own).
 */
public final class Periods {

  public static final String PERIOD = "period";
  public static final String START = "period_start";
  public static final String END = "period_end";

  public static final StructType SCHEMA = new StructType()
      .add(PERIOD, DataTypes.StringType).add(START, DataTypes.DateType).add(END, DataTypes.DateType);

  /** The fields of {@link #nameParts}. */
  public static final String KIND = "kind";
  public static final String FISCAL_YEAR = "fiscal_year";
  public static final String PART = "part";

  private static final StructType NAME_PARTS = new StructType()
      .add(KIND, DataTypes.StringType).add(FISCAL_YEAR, DataTypes.StringType).add(PART, DataTypes.StringType);

  private static final UserDefinedFunction NAME_PARTS_OF = udf((UDF1<String, Row>) name -> {
    PeriodName n = PeriodName.parse(name);
    return RowFactory.create(n.kind().name(), n.fiscalYear(), n.part());
  }, NAME_PARTS);

  private static final UserDefinedFunction YEAR_EARLIER = udf(
      (UDF1<String, String>) name -> PeriodName.parse(name).yearEarlier().toString(), DataTypes.StringType);

  private Periods() {}

  /**
   * A period name's parts ({@link PeriodName}) as a struct: {@code kind} ({@code SFY}),
   * {@code fiscal_year} ({@code SFY2026}), {@code part} ({@code H1}; empty for the whole year).
   */
  public static Column nameParts(Column period) {
    return NAME_PARTS_OF.apply(period);
  }

  /** The name of the same period a year earlier ({@link PeriodName#yearEarlier}). */
  public static Column yearEarlier(Column period) {
    return YEAR_EARLIER.apply(period);
  }

  /** The earliest enrollment_date of the rows, where a run's first year starts (one Spark job). */
  public static LocalDate earliestEnrollment(Dataset<Row> enrollments) {
    Object earliest = enrollments.agg(min("enrollment_date")).first().get(0);
    return earliest == null ? null : earliest instanceof Date d ? d.toLocalDate() : (LocalDate) earliest;
  }

  public static Dataset<Row> of(SparkSession spark, List<Period> periods) {
    List<Row> rows = periods.stream()
        .map(p -> RowFactory.create(p.name(), Date.valueOf(p.start()), Date.valueOf(p.end())))
        .toList();
    return spark.createDataFrame(rows, SCHEMA);
  }
}
