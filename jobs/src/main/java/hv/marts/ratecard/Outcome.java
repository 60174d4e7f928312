package hv.marts.ratecard;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One rate card outcome: its unit rows (one per period and episode considered) for every SFY
 * period at once, in the schema of {@link hv.marts.common.Units} (unit type PC: an episode,
 * here of any caregiver). Pure DataFrame code over {@link RateCardInputs}.
 */
public interface Outcome {

  /** {@code RC1} … {@code RC4}. */
  String code();

  Dataset<Row> units(RateCardInputs in);
}
