package hv.marts.evaluation;

import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import hv.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;

/**
 * Family slots of a fully trained 1.0 FTE home visitor per program model (policy manual,
 * "OEC Caseload Requirements"), from the settings {@code caseload.slots.<MODEL>} (conf/hv.properties).
 */
public record CaseloadSlots(Map<String, Double> byModel) {

  public static CaseloadSlots configured() {
    Map<String, Double> slots = new TreeMap<>();
    Settings.current().startingWith("caseload.slots.").forEach((model, value) -> slots.put(model, Double.parseDouble(value)));
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
