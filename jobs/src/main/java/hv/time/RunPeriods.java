package hv.time;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The periods of one run, held in plain Java: the FFY periods of the benchmarks, the SFY
 * periods of the rate card (measures.md "Period") and the frames of the service delivery
 * indicators (month-ends and the SFY periods), from the earliest {@code enrollment_date} held
 * and the as-of date.
 */
public record RunPeriods(LocalDate asOf, List<Period> federal, List<Period> state, List<Frame> frames)
    implements Serializable {

  public static RunPeriods of(LocalDate earliestEnrollment, LocalDate asOf) {
    List<Period> state = Period.ofRun(FiscalYear.SFY, earliestEnrollment, asOf);
    return new RunPeriods(asOf, Period.ofRun(FiscalYear.FFY, earliestEnrollment, asOf), state,
        Frame.ofRun(earliestEnrollment, asOf, state));
  }
}
