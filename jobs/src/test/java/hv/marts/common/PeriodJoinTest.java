package hv.marts.common;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hv.TestSpark;
import hv.time.Periods;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PeriodJoinTest {

  private static final StructType PERIODS = new StructType().add(Periods.PERIOD, DataTypes.StringType)
      .add(Periods.START, DataTypes.DateType).add(Periods.END, DataTypes.DateType);

  private static Row period(String name, String start, String end, Object... more) {
    Object[] values = Arrays.copyOf(new Object[] {name, Date.valueOf(start), Date.valueOf(end)}, 3 + more.length);
    System.arraycopy(more, 0, values, 3, more.length);
    return RowFactory.create(values);
  }

  /** e1 visited on the first day of Q1, e2 on its last day, e3 on the first day after it. */
  private static Dataset<Row> visits() {
    StructType schema = new StructType().add("enrollment_id", DataTypes.StringType).add("day", DataTypes.DateType);
    return TestSpark.session().createDataFrame(List.of(
        RowFactory.create("e1", Date.valueOf("2024-10-01")),
        RowFactory.create("e2", Date.valueOf("2024-12-31")),
        RowFactory.create("e3", Date.valueOf("2025-01-01"))), schema);
  }

  private static List<String> pairs(Dataset<Row> periods) {
    return PeriodJoin.dayIn(periods, visits(), col("day"))
        .select(col("enrollment_id"), col(Periods.PERIOD)).orderBy("enrollment_id", Periods.PERIOD)
        .collectAsList().stream().map(r -> r.getString(0) + " " + r.getString(1)).toList();
  }

  @Test
  void eachCandidateIsPairedWithEveryPeriodHoldingItsDayFromTheFirstToTheLastDay() {
    Dataset<Row> periods = TestSpark.session().createDataFrame(List.of(
        period("FFY2025-Q1", "2024-10-01", "2024-12-31"),
        period("FFY2025", "2024-10-01", "2025-09-30")), PERIODS);
    assertEquals(List.of("e1 FFY2025", "e1 FFY2025-Q1", "e2 FFY2025", "e2 FFY2025-Q1", "e3 FFY2025"), pairs(periods));
  }

  @Test
  void aPeriodComputedForSomeEpisodesPairsOnlyTheirCandidates() {
    StructType marked = PERIODS.add(PeriodJoin.ONLY_EPISODES, DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> periods = TestSpark.session().createDataFrame(List.of(
        period("FFY2025-Q1", "2024-10-01", "2024-12-31", List.of("e2")),
        period("FFY2025", "2024-10-01", "2025-09-30", (Object) null)), marked);
    Dataset<Row> paired = PeriodJoin.dayIn(periods, visits(), col("day"));
    assertEquals(List.of("e1 FFY2025", "e2 FFY2025", "e2 FFY2025-Q1", "e3 FFY2025"), pairs(periods));
    assertEquals(List.of("enrollment_id", "day", Periods.PERIOD, Periods.START, Periods.END),
        Arrays.asList(paired.columns()), "the marker is not a column of the pairs");
  }

  @Test
  void periodsComputedForDifferentEpisodesEachPairTheirOwn() {
    StructType marked = PERIODS.add(PeriodJoin.ONLY_EPISODES, DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> periods = TestSpark.session().createDataFrame(List.of(
        period("FFY2025-Q1", "2024-10-01", "2024-12-31", List.of("e2")),
        period("FFY2025", "2024-10-01", "2025-09-30", List.of("e1"))), marked);
    assertEquals(List.of("e1 FFY2025", "e2 FFY2025-Q1"), pairs(periods));
  }
}
