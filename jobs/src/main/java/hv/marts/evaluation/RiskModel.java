package hv.marts.evaluation;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import hv.measures.EpisodeRiskFactors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * The risk model of the comparison: per code and period, a logistic regression of the unit
 * result (yes/no) on the one-hot {@link EpisodeRiskFactors}, fitted on all programs' units.
 *
 * <p>How it is fitted (docs/evaluation-decisions.md, "Risk model"): the units are reduced to
 * cells (code, period, factor combination → units, successes; counted per program in the family
 * pass, {@link ComparisonCells}, and summed over programs in Spark), the cells are collected
 * (one Spark job), and each code×period group is fitted in the driver by
 * {@link RiskRegression}. What goes back to Spark is per group, not per cell: its status, and
 * of a fitted group its intercept, coefficients and settled levels, which Spark applies to the
 * cells where they are. At 150,000 caregivers a year the
 * cells sent back from the driver made a task of 163 MiB and the night ran out of memory.
 */
public final class RiskModel {

  /**
   * @param probabilities {@code period, <code>, <factors>, expected_probability}: one row per
   *                      cell of a fitted group
   * @param statuses      {@code period, <code>, model_status, model_units}: one row per group
   *                      that has units
   */
  public record Fit(Dataset<Row> probabilities, Dataset<Row> statuses) {}

  private static final String INTERCEPT = "_intercept";
  private static final String COEFFICIENTS = "_coefficients_";
  private static final String SETTLED = "_without_variation_";

  private RiskModel() {}

  /**
   * @param counted {@code period, <code>}, the {@link EpisodeRiskFactors#NAMES}, {@code units} and
   *                {@code observed} (the yes ones): units in the denominator of yes/no codes
   *                counted per program and factors ({@link ComparisonCells}), in any number of parts
   */
  public static Fit fit(Dataset<Row> counted, String codeColumn) {
    List<String> groupKey = List.of("period", codeColumn);
    List<String> cellKey = new ArrayList<>(groupKey);
    cellKey.addAll(EpisodeRiskFactors.NAMES);
    Dataset<Row> cells = counted.groupBy(columns(cellKey))
        .agg(sum("units").as("units"), sum("observed").as("successes"));

    // groups in the order of their key, each fitted on its cells in the order of their levels: the same bits every night
    Map<List<String>, List<RiskRegression.Cell>> groups = new TreeMap<>(
        Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
    int factorsFrom = groupKey.size();
    for (Row r : cells.collectAsList()) {
      List<String> levels = new ArrayList<>();
      for (int f = 0; f < EpisodeRiskFactors.NAMES.size(); f++) {
        levels.add(r.getString(factorsFrom + f));
      }
      groups.computeIfAbsent(List.of(r.getString(0), r.getString(1)), k -> new ArrayList<>())
          .add(new RiskRegression.Cell(levels, r.getLong(cellKey.size()), r.getLong(cellKey.size() + 1)));
    }
    List<Row> statuses = new ArrayList<>();
    List<Row> models = new ArrayList<>();
    groups.forEach((group, groupCells) -> {
      RiskRegression model = RiskRegression.fit(groupCells);
      statuses.add(RowFactory.create(group.get(0), group.get(1), model.status().name(), model.units()));
      if (model.status() == RiskRegression.Status.FITTED) {
        models.add(modelRow(group, model));
      }
    });

    SparkSession spark = counted.sparkSession();
    StructType statusSchema = new StructType().add("period", DataTypes.StringType)
        .add(codeColumn, DataTypes.StringType).add("model_status", DataTypes.StringType)
        .add("model_units", DataTypes.LongType);
    Dataset<Row> probabilities = cells
        .join(broadcast(distributed(spark, models, modelSchema(codeColumn))), groupKey.toArray(String[]::new))
        .select(columns(cellKey, expectedProbability().as("expected_probability")));
    return new Fit(probabilities, distributed(spark, statuses, statusSchema));
  }

  /** {@link RiskRegression#expectedProbability}, term by term, over a cell joined with its group's model row. */
  private static Column expectedProbability() {
    Column settled = lit(false);
    Column eta = col(INTERCEPT);
    for (String factor : EpisodeRiskFactors.NAMES) {
      settled = settled.or(array_contains(col(SETTLED + factor), col(factor)));
      eta = eta.plus(element_at(col(COEFFICIENTS + factor), col(factor)));
    }
    return when(settled, col("successes").cast("double").divide(col("units")))
        .otherwise(lit(1.0).divide(lit(1.0).plus(exp(negate(eta)))));
  }

  private static Row modelRow(List<String> group, RiskRegression model) {
    List<Object> values = new ArrayList<>(group);
    values.add(model.intercept());
    for (int f = 0; f < EpisodeRiskFactors.NAMES.size(); f++) {
      values.add(JavaConverters.mapAsScalaMap(model.coefficients().get(f)));
      values.add(JavaConverters.asScalaBuffer(new ArrayList<>(model.levelsWithoutVariation().get(f))));
    }
    return RowFactory.create(values.toArray());
  }

  private static StructType modelSchema(String codeColumn) {
    StructType schema = new StructType().add("period", DataTypes.StringType).add(codeColumn, DataTypes.StringType)
        .add(INTERCEPT, DataTypes.DoubleType);
    for (String factor : EpisodeRiskFactors.NAMES) {
      schema = schema.add(COEFFICIENTS + factor, DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
          .add(SETTLED + factor, DataTypes.createArrayType(DataTypes.StringType));
    }
    return schema;
  }

  /**
   * Rows from the driver as a distributed collection: Spark's analyzer walks a local relation's
   * rows at each of its rules, each time a later query of them is planned (docs/scale-decisions.md).
   */
  private static Dataset<Row> distributed(SparkSession spark, List<Row> rows, StructType schema) {
    return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows), schema);
  }

  private static Column[] columns(List<String> names, Column... more) {
    List<Column> all = new ArrayList<>(names.stream().map(n -> col(n)).toList());
    all.addAll(List.of(more));
    return all.toArray(Column[]::new);
  }
}
