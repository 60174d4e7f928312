package hv.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What was written.
 *
 * @param extracts     extract dates, in order (the full extract first)
 * @param rows         extract date → file name → records written (faulty rows included)
 * @param faultsByKind contract-breaking rows injected, by kind (empty when faults = 0)
 */
public record Summary(List<LocalDate> extracts, Map<LocalDate, Map<String, Integer>> rows,
                      Map<FaultKind, Integer> faultsByKind) {

  /** Records of one file summed over all extracts. */
  public long totalRows(String fileName) {
    return rows.values().stream().mapToLong(m -> m.getOrDefault(fileName, 0)).sum();
  }
}
