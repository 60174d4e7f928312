package hv.time;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The periods of one run, held in plain Java: the FFY periods of the benchmarks and the SFY
 * periods of the rate card (measures.md "Period"), from the earliest {@code enrollment_date}
 * held and the as-of date.
 */
public record RunPeriods(LocalDate asOf, List<Period> federal, List<Period> state) implements Serializable {

  public static RunPeriods of(LocalDate earliestEnrollment, LocalDate asOf) {
    return new RunPeriods(asOf, Period.ofRun(FiscalYear.FFY, earliestEnrollment, asOf),
        Period.ofRun(FiscalYear.SFY, earliestEnrollment, asOf));
  }
}
