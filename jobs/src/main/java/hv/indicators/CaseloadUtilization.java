package hv.indicators;

import hv.family.Episode;
import hv.family.Family;
import hv.family.Staff;
import hv.time.Dates;
import hv.time.Frame;
import hv.time.RunPeriods;
import java.util.ArrayList;
import java.util.List;

/**
 * Caseload utilization = PC episodes enrolled on the day / expected slots; expected slots =
 * Σ over {@code HOME_VISITOR} staff employed on the day and hired at least 6 months earlier of
 * {@code fte × slots(model)}. "The day" is the frame's last day. The numerator is counted on
 * families ({@link #facts}), the slots on staff rows ({@link #slots}).
 */
public final class CaseloadUtilization implements FamilyIndicator {

  public static final String NAME = "caseload_utilization";
  private static final int RAMP_UP_MONTHS = 6;

  /** Each PC episode enrolled on the frame's last day: 1 in the numerator. */
  @Override
  public List<Fact> facts(Family family, RunPeriods periods) {
    List<Fact> facts = new ArrayList<>();
    for (Episode e : family.primaryCaregiverEpisodes()) {
      for (Frame f : periods.frames()) {
        if (e.enrolled().contains(f.end())) {
          facts.add(Fact.ratio(f, e.programId(), NAME, 1.0, 0.0));
        }
      }
    }
    return facts;
  }

  /**
   * A home visitor employed on the frame's last day and hired at least 6 months before it:
   * {@code fte × slots(model)} in the denominator (empty for a model without configured slots).
   */
  public static List<Fact> slots(Staff staff, String model, CaseloadSlots slots, RunPeriods periods) {
    List<Fact> facts = new ArrayList<>();
    if (!"HOME_VISITOR".equals(staff.role())) {
      return facts;
    }
    Double perFte = slots.of(model);
    Double staffSlots = staff.fte() == null || perFte == null ? null : staff.fte().doubleValue() * perFte;
    for (Frame f : periods.frames()) {
      boolean rampedUp = !Dates.plusMonths(staff.hireDate(), RAMP_UP_MONTHS).isAfter(f.end());
      if (staff.employed().contains(f.end()) && rampedUp) {
        facts.add(Fact.ratio(f, staff.programId(), NAME, 0.0, staffSlots));
      }
    }
    return facts;
  }
}
