package hv.marts.evaluation;

import hv.indicators.ExactTotal;
import hv.indicators.Fact;
import hv.indicators.Fact.Kind;
import hv.marts.common.KeyHash;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Service delivery facts as they leave a part of the rows (a partition of the family pass): the
 * facts of a ratio or a count summed per frame, program and indicator, each value taken to
 * {@value ExactTotal#SCALE} places and added exactly, as {@link hv.marts.common.ExactSum} adds
 * them in Spark, so that the parts' sums add up to the sum of the facts to the bit; a median's
 * facts one by one, since a median does not add up.
 */
public final class FactSums {

  private record Key(String periodOrDate, String frame, LocalDate frameStart, LocalDate frameEnd, String programId,
                     String indicator, Kind kind) {
    @Override
    public int hashCode() {
      return KeyHash.of(periodOrDate, frame, frameStart, frameEnd, programId, indicator, kind);
    }
  }

  private final Map<Key, BigDecimal[]> sums = new HashMap<>();
  private final List<Row> medians = new ArrayList<>();

  public void add(Fact f) {
    if (f.kind() == Kind.MEDIAN) {
      medians.add(row(f));
      return;
    }
    BigDecimal[] sum = sums.computeIfAbsent(new Key(f.periodOrDate(), f.frame(), f.frameStart(), f.frameEnd(),
        f.programId(), f.indicator(), f.kind()), k -> new BigDecimal[2]);
    sum[0] = plus(sum[0], f.num());
    sum[1] = plus(sum[1], f.den());
  }

  /** The sums and the median facts, as rows of {@link ServiceDelivery#FACTS}. */
  public List<Row> rows() {
    List<Row> rows = new ArrayList<>(medians);
    sums.forEach((k, sum) -> rows.add(RowFactory.create(k.periodOrDate(), k.frame(), date(k.frameStart()),
        date(k.frameEnd()), k.programId(), k.indicator(), k.kind().name(), sum[0], sum[1], null)));
    return rows;
  }

  /** One fact as a row of {@link ServiceDelivery#FACTS}. */
  public static Row row(Fact f) {
    return RowFactory.create(f.periodOrDate(), f.frame(), date(f.frameStart()), date(f.frameEnd()), f.programId(),
        f.indicator(), f.kind().name(), decimal(f.num()), decimal(f.den()), f.days());
  }

  /** An empty part adds nothing; the sum of nothing is empty (as Spark's sum). */
  private static BigDecimal plus(BigDecimal sum, Double value) {
    if (value == null) {
      return sum;
    }
    return sum == null ? decimal(value) : sum.add(decimal(value));
  }

  private static BigDecimal decimal(Double value) {
    return value == null ? null : ExactTotal.decimal(value);
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
