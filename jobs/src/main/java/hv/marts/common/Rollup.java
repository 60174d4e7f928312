package hv.marts.common;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import hv.measures.EpisodeStrata;
import hv.time.Periods;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Unit rows → published results, for every period, code, level ({@code PROGRAM} = program_id,
 * {@code CONTRACT} = contract_number of the program, {@code STATE} = {@code ALL}) and stratum
 * ({@code ALL}/{@code ALL} or a dimension of {@link EpisodeStrata} with its value). Every program
 * and contract (and the state) gets a stratum-ALL row for every period and code, also with
 * denominator 0 (rate and interval empty then); stratum rows exist only where a unit counted.
 *
 * <p>Units come in counted per program and stratum ({@link StratumCounts}). Results go out as
 * {@code period, level, entity_id, stratum, stratum_value, <code column>, <numerator>,
 * <denominator>, missing, rate, ci_low, ci_high}, with the names of {@link Labels}.
 *
 * @param codes       every code to publish (rows exist for these even without units)
 * @param countCodes  codes whose numerator counts events per unit: Poisson interval
 *                    ({@link Intervals#poissonRate}); all others are yes/no: Wilson
 */
public record Rollup(Labels labels, List<String> codes, Set<String> countCodes) {

  /** Column names of a results table. */
  public record Labels(String code, String numerator, String denominator) {
    public static final Labels BENCHMARK = new Labels("measure_code", "numerator", "denominator");
    public static final Labels RATECARD = new Labels("outcome_code", "achieved", "eligible");
  }

  public static final String ALL = "ALL";

  /**
   * @param counts   {@link StratumCounts} rows (several per key when summed in parts)
   * @param programs program_id, contract_number (every program published)
   */
  public Dataset<Row> results(Dataset<Row> counts, Dataset<Row> periods, Dataset<Row> programs) {
    Dataset<Row> entities = programs.select(col("program_id"), col("contract_number"));
    Column[] key = resultKey().stream().map(c -> col(c)).toArray(Column[]::new);
    // the zero rows join the counted rows in one aggregation: every scaffold key survives, with 0 if nothing counted
    Dataset<Row> summed = spread(counts, entities)
        .unionByName(scaffold(periods, entities).withColumn("n", lit(0L)).withColumn("d", lit(0L)).withColumn("m", lit(0L)))
        .groupBy(key)
        .agg(sum("n").as("n"), sum("d").as("d"), sum("m").as("m"));
    Column interval = when(col(labels.code()).isin(countCodes.toArray()), Intervals.poissonRate(col("n"), col("d")))
        .otherwise(Intervals.wilson(col("n"), col("d")));
    return summed.withColumn("_ci", interval).select(
        col(Periods.PERIOD), col("level"), col("entity_id"), col("stratum"), col("stratum_value"),
        col(labels.code()),
        col("n").as(labels.numerator()), col("d").as(labels.denominator()), col("m").as("missing"),
        when(col("d").gt(0), col("n").cast("double").divide(col("d").cast("double"))).as("rate"),
        col("_ci.low").as("ci_low"), col("_ci.high").as("ci_high"));
  }

  /** What identifies a result row. */
  private List<String> resultKey() {
    return List.of(Periods.PERIOD, "level", "entity_id", "stratum", "stratum_value", labels.code());
  }

  /** Each program's counts spread to the program, its contract and the state. */
  private Dataset<Row> spread(Dataset<Row> counts, Dataset<Row> entities) {
    Column levels = explode(array(
        pair("level", "PROGRAM", col("program_id")),
        pair("level", "CONTRACT", col("contract_number")),
        pair("level", "STATE", lit(ALL))));
    return counts
        .join(broadcast(entities), "program_id")
        .withColumn("_level", levels)
        .select(col(Periods.PERIOD), col("_level.level").as("level"), col("_level.value").as("entity_id"),
            col("stratum"), col("stratum_value"), col("measure_code").as(labels.code()), col("n"), col("d"), col("m"));
  }

  /** Stratum ALL rows for every period, code, program, contract and the state. */
  private Dataset<Row> scaffold(Dataset<Row> periods, Dataset<Row> entities) {
    Dataset<Row> levels = entities.select(lit("PROGRAM").as("level"), col("program_id").as("entity_id"))
        .union(entities.select(lit("CONTRACT").as("level"), col("contract_number").as("entity_id")))
        .union(entities.sparkSession().range(1).select(lit("STATE").as("level"), lit(ALL).as("entity_id")))
        .distinct();
    Column[] codeLiterals = codes.stream().map(c -> lit(c)).toArray(Column[]::new);
    return periods.select(col(Periods.PERIOD))
        .withColumn(labels.code(), explode(array(codeLiterals)))
        .crossJoin(levels)
        .withColumn("stratum", lit(ALL))
        .withColumn("stratum_value", lit(ALL));
  }

  private static Column pair(String kind, String name, Column value) {
    return struct(lit(name).as(kind), value.cast("string").as("value"));
  }
}
