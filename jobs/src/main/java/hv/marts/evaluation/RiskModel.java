package hv.marts.evaluation;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import hv.marts.common.ExactSum;
import hv.spark.Lineage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The risk model of the comparison: per code and period, a logistic regression of the unit
 * result (yes/no) on the one-hot {@link RiskFactors}, fitted on all programs' units.
 *
 * <p>How it is fitted (docs/evaluation-decisions.md, "Risk model"): the units are first
 * reduced to cells (code, period, factor combination → units, successes); a cell becomes two
 * weighted rows (label 1 weighted by successes, label 0 by the rest), which gives exactly
 * the likelihood of the units. All code×period models are then fitted as ONE MLlib model
 * whose features are block-diagonal: every factor level is one-hot encoded within its
 * code×period group, so each group has its own coefficients and the joint likelihood is
 * the sum of the groups' — its maximum is every group's own maximum. One fit instead of
 * hundreds of small ones (each MLlib fit is dozens of Spark jobs).
 *
 * <p>A group is fitted only with at least {@value #MIN_UNITS} units and both outcomes
 * present; after the fit, the MLE property Σ expected = Σ observed (the model has an
 * intercept per group) is checked per group, and a group that misses it by more than
 * {@value #CONVERGENCE_TOLERANCE} of its units is reported as not converged, without numbers.
 */
public final class RiskModel {

  public static final int MIN_UNITS = 30;
  public static final double CONVERGENCE_TOLERANCE = 1e-3;
  public static final int MAX_ITERATIONS = 200;

  /** Model status of a code and period. */
  public enum Status { FITTED, TOO_FEW_UNITS, NO_VARIATION, NOT_CONVERGED }

  /**
   * @param probabilities {@code period, <code>, <factors>, expected_probability}: one row per
   *                      cell of a fitted group
   * @param statuses      {@code period, <code>, model_status, model_units}: one row per group
   *                      that has units
   */
  public record Fit(Dataset<Row> probabilities, Dataset<Row> statuses) {}

  private static final String GROUP = "_group";

  private RiskModel() {}

  /**
   * @param units {@code period, <code>, outcome} (1/0) and the {@link RiskFactors#NAMES}: the
   *              units in the denominator of yes/no codes
   */
  public static Fit fit(Dataset<Row> units, String codeColumn) {
    List<String> groupKey = List.of("period", codeColumn);
    List<String> cellKey = new ArrayList<>(groupKey);
    cellKey.addAll(RiskFactors.NAMES);
    Dataset<Row> cells = units.groupBy(columns(cellKey))
        .agg(count(lit(1)).as("units"), sum("outcome").as("successes"))
        .withColumn(GROUP, concat_ws("|", columns(groupKey)))
        .cache();
    Dataset<Row> groups = cells.groupBy(columns(with(groupKey, GROUP)))
        .agg(sum("units").as("units"), sum("successes").as("successes"));
    Column prefitStatus = when(col("units").lt(MIN_UNITS), lit(Status.TOO_FEW_UNITS.name()))
        .when(col("successes").equalTo(0).or(col("successes").equalTo(col("units"))), lit(Status.NO_VARIATION.name()))
        .otherwise(lit(Status.FITTED.name()));
    Dataset<Row> fittable = cells.join(groups.where(prefitStatus.equalTo(Status.FITTED.name())).select(GROUP),
        GROUP, "left_semi");

    Dataset<Row> predicted = predict(fittable);
    Dataset<Row> converged = predicted.groupBy(GROUP)
        .agg(ExactSum.of(col("units").multiply(col("expected_probability"))).as("expected"), sum("successes").as("observed"))
        .where(abs(col("expected").minus(col("observed")))
            .leq(greatest(lit(1.0), col("observed")).multiply(CONVERGENCE_TOLERANCE)))
        .select(col(GROUP), lit(true).as("_converged"));
    Dataset<Row> probabilities = predicted.join(converged, GROUP, "left_semi")
        .select(columns(with(cellKey, "expected_probability")));
    Column status = when(prefitStatus.equalTo(Status.FITTED.name()).and(col("_converged").isNull()),
        lit(Status.NOT_CONVERGED.name())).otherwise(prefitStatus);
    Dataset<Row> statuses = groups.join(converged, GROUP, "left")
        .select(col("period"), col(codeColumn), status.as("model_status"), col("units").as("model_units"));
    return new Fit(probabilities, statuses);
  }

  /**
   * Each cell's probability under its group's maximum likelihood fit. A factor level without
   * variation in its group (every unit no, or every unit yes: common for a rare outcome such as
   * PM09 in small levels) has no finite estimate — its coefficient runs to ∓∞ — and the
   * likelihood's maximum is reached in the limit where its cells' probability is their own
   * rate (0 or 1) and the other cells are fitted without them. So such cells are settled first,
   * repeatedly (settling some can leave another level without variation), and only the rest
   * is fitted; fitting them as they are, L-BFGS chases the infinite coefficients and stops
   * before the group's Σ expected reaches Σ observed.
   */
  private static Dataset<Row> predict(Dataset<Row> cells) {
    // settled in the driver, where each pass is a loop over the cells instead of a Spark job per
    // factor window; what goes back to Spark is the levels found without variation (per factor
    // and group: bounded by the levels, not the units), not the cells: at 150,000/yr the cells (a
    // row per combination of factor levels that has units) made a task of 163 MiB, and the night
    // ran out of memory
    List<Row> active = cells.collectAsList();
    int[] factors = RiskFactors.NAMES.stream().mapToInt(cells.schema()::fieldIndex).toArray();
    int group = cells.schema().fieldIndex(GROUP);
    int units = cells.schema().fieldIndex("units");
    int successes = cells.schema().fieldIndex("successes");
    // factor (its position in NAMES) → group → its levels without variation
    List<Map<Object, List<Object>>> withoutVariation = new ArrayList<>();
    for (int f = 0; f < factors.length; f++) {
      withoutVariation.add(new HashMap<>());
    }
    while (!active.isEmpty()) {
      Map<List<Object>, long[]> levels = new HashMap<>();
      for (Row cell : active) {
        for (int f = 0; f < factors.length; f++) {
          long[] sums = levels.computeIfAbsent(Arrays.asList(cell.get(group), f, cell.get(factors[f])), x -> new long[2]);
          sums[0] += cell.getLong(successes);
          sums[1] += cell.getLong(units);
        }
      }
      Set<List<Object>> settledLevels = new HashSet<>();
      levels.forEach((level, sums) -> {
        if (sums[0] == 0 || sums[0] == sums[1]) {
          settledLevels.add(level);
          withoutVariation.get((Integer) level.get(1)).computeIfAbsent(level.get(0), x -> new ArrayList<>())
              .add(level.get(2));
        }
      });
      if (settledLevels.isEmpty()) {
        break;
      }
      List<Row> varied = new ArrayList<>();
      for (Row cell : active) {
        boolean noVariation = false;
        for (int f = 0; f < factors.length; f++) {
          noVariation |= settledLevels.contains(Arrays.asList(cell.get(group), f, cell.get(factors[f])));
        }
        if (!noVariation) {
          varied.add(cell);
        }
      }
      active = varied;
    }
    // a cell is settled when one of its levels was found without variation in some pass: each
    // pass settles every active cell of the levels it finds
    Column settled = lit(false);
    for (int f = 0; f < factors.length; f++) {
      List<Column> entries = new ArrayList<>();
      withoutVariation.get(f).forEach((g, values) -> {
        entries.add(lit(g));
        entries.add(array(values.stream().map(v -> lit(v)).toArray(Column[]::new)));
      });
      if (!entries.isEmpty()) {
        Column levelsOfGroup = element_at(map(entries.toArray(Column[]::new)), col(GROUP));
        settled = settled.or(coalesce(array_contains(levelsOfGroup, col(RiskFactors.NAMES.get(f))), lit(false)));
      }
    }
    // cut: the marking is computed once for the settled rates and the fit
    Dataset<Row> all = Lineage.cut(cells.withColumn("_settled", settled));
    Dataset<Row> settledRates = all.where(col("_settled")).drop("_settled")
        .withColumn("expected_probability", col("successes").cast("double").divide(col("units")));
    return active.isEmpty() ? settledRates
        : settledRates.unionByName(Lineage.cut(fitJointly(all.where(not(col("_settled"))).drop("_settled"))));
  }

  /** The joint block-diagonal fit and each cell's probability. */
  private static Dataset<Row> fitJointly(Dataset<Row> cells) {
    List<String> indexed = new ArrayList<>();
    List<String> inputs = new ArrayList<>(RiskFactors.NAMES);
    inputs.add(GROUP);
    for (String name : inputs) {
      indexed.add("_i_" + name);
    }
    StringIndexerModel indexer = new StringIndexer()
        .setInputCols(inputs.toArray(String[]::new)).setOutputCols(indexed.toArray(String[]::new))
        .setStringOrderType("alphabetAsc")
        .fit(cells);
    String[][] labels = indexer.labelsArray();
    Dataset<Row> withIndex = indexer.transform(cells);
    // each factor level within its group: index = group × levels + level
    List<String> blockColumns = new ArrayList<>();
    Column groupIndex = col("_i_" + GROUP);
    for (int k = 0; k < RiskFactors.NAMES.size(); k++) {
      String name = "_b_" + RiskFactors.NAMES.get(k);
      int levels = labels[k].length;
      withIndex = withIndex.withColumn(name, groupIndex.multiply(levels).plus(col(indexed.get(k))));
      blockColumns.add(name);
    }
    List<String> oneHot = blockColumns.stream().map(c -> c + "_v").toList();
    Dataset<Row> encoded = new OneHotEncoder()
        .setInputCols(blockColumns.toArray(String[]::new)).setOutputCols(oneHot.toArray(String[]::new))
        .setDropLast(false)
        .fit(withIndex).transform(withIndex);
    Dataset<Row> features = new VectorAssembler()
        .setInputCols(oneHot.toArray(String[]::new)).setOutputCol("features")
        .transform(encoded);
    // fixed partitions (by group) in a fixed order: the fit's sums (gradient, loss) then add in the
    // same order every night, on either path, so the coefficients and expected counts keep their bits
    Dataset<Row> weighted = features
        .repartition(features.sparkSession().sparkContext().defaultParallelism(), col(GROUP))
        .sortWithinPartitions(columns(with(List.of(GROUP), RiskFactors.NAMES.toArray(String[]::new))))
        .withColumn("_row", explode(array(
            struct(lit(1.0).as("label"), col("successes").cast("double").as("weight")),
            struct(lit(0.0).as("label"), col("units").minus(col("successes")).cast("double").as("weight")))))
        .where(col("_row.weight").gt(0))
        .select(col("features"), col("_row.label").as("label"), col("_row.weight").as("weight"));
    LogisticRegressionModel model = new LogisticRegression()
        .setFamily("binomial").setFitIntercept(true).setRegParam(0.0)
        .setMaxIter(MAX_ITERATIONS).setTol(1e-10).setWeightCol("weight")
        .fit(weighted);
    return model.transform(features)
        .withColumn("expected_probability", functions.vector_to_array(col("probability"), "float64").getItem(1))
        .select(columns(with(List.of(cells.columns()), "expected_probability")));
  }

  private static List<String> with(List<String> names, String... more) {
    List<String> all = new ArrayList<>(names);
    all.addAll(List.of(more));
    return all;
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(n -> col(n)).toArray(Column[]::new);
  }
}
