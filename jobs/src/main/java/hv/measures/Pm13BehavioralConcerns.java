package hv.measures;

import hv.family.Child;
import hv.family.Episode;
import hv.family.Family;
import hv.family.HomeVisit;
import hv.time.Period;
import hv.time.RunPeriods;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * PM13 Behavioral concerns. Unit: home visit.
 *
 * <ul>
 *   <li>Denominator: {@code COMPLETED} visits dated in P, on a day the episode was enrolled,
 *       of episodes whose index child was born on or before the visit date.
 *   <li>Numerator: {@code child_concerns_asked = Y}.
 *   <li>Missing: {@code child_concerns_asked} empty.
 * </ul>
 * Emitted but outside the denominator: visits of PC episodes dated in P that are not
 * completed, fall on a day not enrolled, or precede the index child's birth (or the episode
 * has no index child). The unit carries the episode's index child; no window, no evidence.
 */
public final class Pm13BehavioralConcerns implements Measure {

  public static final String CODE = "PM13";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Episode e : family.primaryCaregiverEpisodes()) {
      LocalDate birth = e.indexChild().map(Child::birthDate).orElse(null);
      for (HomeVisit v : e.visits()) {
        LocalDate day = v.visitDate();
        boolean completed = "COMPLETED".equals(v.status());
        boolean enrolled = e.enrolled().contains(day);
        // no index child: not born by the visit date
        boolean childBorn = birth != null && day != null && !birth.isAfter(day);
        boolean eligible = completed && enrolled && childBorn;
        Boolean asked = v.childConcernsAsked();
        for (Period p : periods.federal()) {
          if (p.days().contains(day)) {
            units.add(Unit.of(p, CODE, e, v)
                .inDenominator(eligible)
                .missing(eligible && asked == null)
                .achieved(Boolean.TRUE.equals(asked))
                // an empty status is neither completed nor "not completed": the next reason shows
                .note(v.status() != null && !completed ? "visit not completed"
                    : !enrolled ? "visit on a day the episode was not enrolled"
                    : !childBorn ? "index child not born by the visit date"
                    : asked == null ? "child concerns question not recorded"
                    : asked ? "caregiver asked about concerns with the child"
                    : "caregiver not asked about concerns with the child"));
          }
        }
      }
    }
    return units;
  }
}
