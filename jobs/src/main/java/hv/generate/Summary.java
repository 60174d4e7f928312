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
}
