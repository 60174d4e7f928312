package hv.indicators;

import hv.settings.Settings;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Family slots of a fully trained 1.0 FTE home visitor per program model (policy manual,
 * "OEC Caseload Requirements"), from the settings {@code caseload.slots.<MODEL>} (conf/hv.properties).
 */
public record CaseloadSlots(Map<String, Double> byModel) implements Serializable {

  public static CaseloadSlots configured() {
    Map<String, Double> slots = new TreeMap<>();
    Settings.current().startingWith("caseload.slots.")
        .forEach((model, value) -> slots.put(model, Double.parseDouble(value)));
    return new CaseloadSlots(slots);
  }

  /** The slots of a model; empty for an unconfigured (or empty) model. */
  public Double of(String model) {
    return model == null ? null : byModel.get(model);
  }
}
