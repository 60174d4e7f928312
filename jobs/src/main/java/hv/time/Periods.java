package hv.time;

import static org.apache.spark.sql.functions.min;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The periods a run computes ({@link Period#ofRun}) as a small DataFrame {@code (period,
 * period_start, period_end)} held in the driver, that the DataFrame measures pair their
 * candidates with so that every period is computed in one pass.
 */
public final class Periods {

  public static final String PERIOD = "period";
  public static final String START = "period_start";
  public static final String END = "period_end";

  public static final StructType SCHEMA = new StructType()
      .add(PERIOD, DataTypes.StringType).add(START, DataTypes.DateType).add(END, DataTypes.DateType);

  private Periods() {}

  /** The run's periods of one kind, from the earliest {@code enrollment_date} of the rows (one Spark job). */
  public static Dataset<Row> of(FiscalYear kind, Dataset<Row> enrollments, LocalDate asOf) {
    return of(enrollments.sparkSession(), Period.ofRun(kind, earliestEnrollment(enrollments), asOf));
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
