package hv.marts.evaluation;

import hv.marts.common.KeyHash;
import hv.measures.EpisodeRiskFactors;
import hv.measures.MeasureFacts;
import hv.measures.MeasureFacts.MeasureSet;
import hv.measures.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the comparison is computed from ({@link ProviderComparison}), counted in plain Java where
 * the units are made (a partition of the family pass): per period, compared code, program and
 * combination of the episode's {@link EpisodeRiskFactors}, the units in the denominator and how
 * many of them achieved (a numerator above 0). Counts add exactly, so any split of the units
 * sums to the same cells.
 */
public final class ComparisonCells {

  /** Every benchmark with a yes/no unit (all but the count measures) and every rate card outcome. */
  public static final Set<String> CODES = comparedCodes();

  /** A row of cells: the cell's key, its units and how many achieved. */
  public static final StructType SCHEMA = schema();

  private record Key(String period, String code, String programId, EpisodeRiskFactors factors) {
    @Override
    public int hashCode() {
      return KeyHash.of(period, code, programId, KeyHash.of(factors.values().toArray()));
    }
  }

  private final Map<Key, long[]> cells = new HashMap<>();

  /**
   * Counts a unit of a compared code that is in the denominator.
   *
   * @param factors its episode's risk factors; null when the episode is not known (the unit is not counted)
   */
  public void add(Unit u, EpisodeRiskFactors factors) {
    if (!u.inDenominator() || factors == null || !CODES.contains(u.measureCode())) {
      return;
    }
    long[] c = cells.computeIfAbsent(new Key(u.period(), u.measureCode(), u.programId(), factors), k -> new long[2]);
    c[0]++;
    if (u.numerator() > 0) {
      c[1]++;
    }
  }

  /** The cells as rows of {@link #SCHEMA}. */
  public List<Row> rows() {
    List<Row> rows = new ArrayList<>(cells.size());
    cells.forEach((k, c) -> {
      List<Object> values = new ArrayList<>(List.of(k.period(), k.code(), k.programId()));
      values.addAll(k.factors().values());
      values.add(c[0]);
      values.add(c[1]);
      rows.add(RowFactory.create(values.toArray()));
    });
    return rows;
  }

  private static Set<String> comparedCodes() {
    Set<String> codes = new TreeSet<>(MeasureFacts.codes(MeasureSet.BENCHMARK));
    codes.removeAll(MeasureFacts.countCodes());
    codes.addAll(MeasureFacts.codes(MeasureSet.RATE_CARD));
    return Set.copyOf(codes);
  }

  private static StructType schema() {
    StructType schema = new StructType().add("period", DataTypes.StringType)
        .add(ProviderComparison.CODE, DataTypes.StringType).add("program_id", DataTypes.StringType);
    for (String name : EpisodeRiskFactors.NAMES) {
      schema = schema.add(name, DataTypes.StringType);
    }
    return schema.add("units", DataTypes.LongType).add("observed", DataTypes.LongType);
  }
}
