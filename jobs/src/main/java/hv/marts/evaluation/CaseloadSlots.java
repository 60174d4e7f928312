package hv.marts.evaluation;

import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.spark.sql.Column;

/**
 * Family slots of a fully trained 1.0 FTE home visitor per program model (policy manual,
 * "OEC Caseload Requirements"), from {@code caseload.slots.<MODEL>} in conf/hv.properties.
 */
public record CaseloadSlots(Map<String, Double> byModel) {

  private static final String PREFIX = "caseload.slots.";

  public static CaseloadSlots configured() {
    Properties p = new Properties();
    try (InputStream in = CaseloadSlots.class.getClassLoader().getResourceAsStream("conf/hv.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Double> slots = new TreeMap<>();
    p.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
        .forEach(k -> slots.put(k.substring(PREFIX.length()), Double.parseDouble(p.getProperty(k))));
    return new CaseloadSlots(slots);
  }

  /** The slots of a model column as a Spark expression (empty for an unconfigured model). */
  public Column of(Column model) {
    List<Column> entries = new ArrayList<>();
    byModel.forEach((m, s) -> {
      entries.add(lit(m));
      entries.add(lit(s));
    });
    return element_at(map(entries.toArray(Column[]::new)), model);
  }
}
