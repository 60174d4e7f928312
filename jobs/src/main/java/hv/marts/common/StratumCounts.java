package hv.marts.common;

import hv.measures.EpisodeStrata;
import hv.measures.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What {@link Rollup} rolls up, summed in plain Java where the units are made (a partition of
 * the family pass): per period, code, program and stratum ({@code ALL}/{@code ALL}, and each
 * dimension of the unit's {@link EpisodeStrata} with its level), the numerator summed over the
 * units in the denominator, the units in the denominator and the missing units. Counts add
 * exactly, so any split of the units sums to the same figures.
 */
public final class StratumCounts {

  /** A row of counts: the result key and n, d, m. */
  public static final StructType SCHEMA = new StructType()
      .add("period", DataTypes.StringType)
      .add("measure_code", DataTypes.StringType)
      .add("program_id", DataTypes.StringType)
      .add("stratum", DataTypes.StringType)
      .add("stratum_value", DataTypes.StringType)
      .add("n", DataTypes.LongType)
      .add("d", DataTypes.LongType)
      .add("m", DataTypes.LongType);

  /** What a unit is counted under before its strata are spread: its episode's strata whole. */
  private record Key(String period, String code, String programId, EpisodeStrata strata) {
    @Override
    public int hashCode() {
      return KeyHash.of(period, code, programId, strata == null ? null : KeyHash.of(strata.values().toArray()));
    }
  }

  /** A result key of {@link #SCHEMA}. */
  private record ResultKey(String period, String code, String programId, String stratum, String value) {
    @Override
    public int hashCode() {
      return KeyHash.of(period, code, programId, stratum, value);
    }
  }

  private final Map<Key, long[]> counts = new HashMap<>();

  /**
   * Counts a unit under stratum ALL and its episode's level of each dimension; a unit neither
   * in the denominator nor missing counts nowhere.
   *
   * @param strata its episode's strata; null when the episode is not known (every level then UNKNOWN)
   */
  public void add(Unit u, EpisodeStrata strata) {
    if (!u.inDenominator() && !u.missing()) {
      return;
    }
    long[] c = counts.computeIfAbsent(new Key(u.period(), u.measureCode(), u.programId(), strata), k -> new long[3]);
    if (u.inDenominator()) {
      c[0] += u.numerator();
      c[1]++;
    }
    if (u.missing()) {
      c[2]++;
    }
  }

  /** The counts spread to stratum ALL and each dimension's level, as rows of {@link #SCHEMA}. */
  public List<Row> rows() {
    Map<ResultKey, long[]> spread = new HashMap<>();
    counts.forEach((k, c) -> {
      add(spread, new ResultKey(k.period(), k.code(), k.programId(), Rollup.ALL, Rollup.ALL), c);
      for (int i = 0; i < EpisodeStrata.DIMENSIONS.size(); i++) {
        String level = k.strata() == null ? EpisodeStrata.UNKNOWN : k.strata().values().get(i);
        add(spread, new ResultKey(k.period(), k.code(), k.programId(), EpisodeStrata.DIMENSIONS.get(i), level), c);
      }
    });
    List<Row> rows = new ArrayList<>(spread.size());
    spread.forEach((k, c) -> rows.add(RowFactory.create(k.period(), k.code(), k.programId(), k.stratum(), k.value(),
        c[0], c[1], c[2])));
    return rows;
  }

  private static void add(Map<ResultKey, long[]> spread, ResultKey key, long[] counts) {
    long[] sum = spread.computeIfAbsent(key, k -> new long[3]);
    for (int i = 0; i < 3; i++) {
      sum[i] += counts[i];
    }
  }
}
