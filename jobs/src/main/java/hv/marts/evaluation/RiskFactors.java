package hv.marts.evaluation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import hv.marts.common.Strata;
import hv.measures.EpisodeRiskFactors;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The family characteristics the comparison adjusts for (measures.md "Cross-provider
 * comparison"): the six {@link Strata} dimensions plus pregnant at enrollment and housing,
 * one row per episode ({@code enrollment_id} and one text column per factor, never empty:
 * an unknown value is its own level {@code UNKNOWN}). The same in plain Java, over one episode:
 * {@link EpisodeRiskFactors}, which this is to be replaced by.
 */
public final class RiskFactors {

  public static final List<String> NAMES = EpisodeRiskFactors.NAMES;

  private RiskFactors() {}

  /** From {@link hv.marts.common.Episodes#of}. */
  public static Dataset<Row> of(Dataset<Row> episodes) {
    Dataset<Row> extra = episodes.select(col("enrollment_id"),
        when(col("pregnant_at_enrollment"), lit("Y")).when(col("pregnant_at_enrollment").equalTo(false), lit("N"))
            .otherwise(lit(Strata.UNKNOWN)).as("pregnant_at_enrollment"),
        coalesce(col("housing_at_enrollment"), lit(Strata.UNKNOWN)).as("housing"));
    return Strata.of(episodes).join(extra, "enrollment_id");
  }
}
