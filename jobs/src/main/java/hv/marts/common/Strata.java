package hv.marts.common;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_remove;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;

import hv.measures.EpisodeStrata;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The family characteristics every rate is broken down by (measures.md "Strata"), one row
 * per episode: {@code enrollment_id} and one column per dimension, named as in the tables.
 * Child and visit units take their episode's strata. The same rules in plain Java, over one
 * episode: {@link EpisodeStrata}, which this is to be replaced by.
 */
public final class Strata {

  public static final List<String> DIMENSIONS = EpisodeStrata.DIMENSIONS;
  public static final String UNKNOWN = EpisodeStrata.UNKNOWN;

  private Strata() {}

  /** From {@link Episodes#of}: the caregiver's race and origin as currently recorded, the rest at enrollment. */
  public static Dataset<Row> of(Dataset<Row> episodes) {
    return episodes.select(col("enrollment_id"),
        race().as("race"), ethnicity().as("ethnicity"), ageGroup().as("age_group"),
        insurance().as("insurance"), income().as("income"), childWelfare().as("child_welfare"));
  }

  /** Race codes are a set: none → UNKNOWN, two or more different → MULTIRACIAL. */
  private static Column race() {
    Column codes = array_remove(array_distinct(split(col("race"), ";")), "");
    return when(col("race").isNull().or(size(codes).equalTo(0)), lit(UNKNOWN))
        .when(size(codes).gt(1), lit("MULTIRACIAL"))
        .otherwise(element_at(codes, 1));
  }

  /** PUERTO_RICAN by origin (as in RC1), else by the hispanic flag. */
  private static Column ethnicity() {
    return when(col("hispanic_origin").equalTo("PUERTO_RICAN"), lit("PUERTO_RICAN"))
        .when(col("hispanic").equalTo(true), lit("OTHER_HISPANIC"))
        .when(col("hispanic").equalTo(false), lit("NOT_HISPANIC"))
        .otherwise(lit(UNKNOWN));
  }

  private static Column ageGroup() {
    Column age = col("age_at_enrollment");
    return when(age.lt(20), lit("UNDER_20"))
        .when(age.leq(24), lit("20_24"))
        .when(age.leq(34), lit("25_34"))
        .when(age.geq(35), lit("35_PLUS"))
        .otherwise(lit(UNKNOWN));
  }

  private static Column insurance() {
    Column code = col("insurance_at_enrollment");
    return when(code.isin("MEDICAID", "PRIVATE", "NONE"), code)
        .when(code.isin("TRICARE", "OTHER"), lit("OTHER"))
        .otherwise(lit(UNKNOWN));
  }

  private static Column income() {
    Column pct = col("income_pct_fpl");
    return when(pct.leq(100), lit("AT_OR_BELOW_100_FPL"))
        .when(pct.leq(200), lit("101_200_FPL"))
        .when(pct.gt(200), lit("ABOVE_200_FPL"))
        .otherwise(lit(UNKNOWN));
  }

  private static Column childWelfare() {
    Column flag = col("child_welfare_involvement");
    return when(flag.equalTo(true), lit("Y")).when(flag.equalTo(false), lit("N")).otherwise(lit(UNKNOWN));
  }
}
