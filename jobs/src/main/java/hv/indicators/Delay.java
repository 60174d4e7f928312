package hv.indicators;

import hv.time.Frame;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A delay in days between two dates of an episode, as two indicators: its median, and the share within 14 days. */
final class Delay {

  private static final int TIMELY_DAYS = 14;

  private Delay() {}

  /** One delay {@code from → to} in frame f: under {@code <name>_median_days} and {@code <name>_within_14_days}. */
  static List<Fact> facts(Frame f, String programId, String name, LocalDate from, LocalDate to) {
    int days = (int) ChronoUnit.DAYS.between(from, to);
    return List.of(Fact.median(f, programId, name + "_median_days", days),
        Fact.share(f, programId, name + "_within_14_days", days <= TIMELY_DAYS));
  }
}
