package hv.measures;

import hv.family.Answer;
import hv.family.Family;
import hv.time.Period;
import hv.time.RunPeriods;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PM11 Early language and literacy. Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children active in P.
 *   <li>Numerator: the latest {@code READ_TELL_SING_DAYS} answer for the child dated in P on
 *       a day it was enrolled is 7.
 *   <li>Missing: no {@code READ_TELL_SING_DAYS} answer for the child dated in P on a day it
 *       was enrolled.
 * </ul>
 * Evidence: that latest answer (latest date, then greatest assessment_id).
 */
public final class Pm11EarlyLanguageLiteracy implements Measure {

  public static final String CODE = "PM11";
  public static final int EVERY_DAY_OF_THE_WEEK = 7;

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (Period p : periods.federal()) {
      for (IndexChildInPeriod child : IndexChildInPeriod.of(family, p)) {
        Optional<Answer> latest = Rules.latest(child.rows().answers().stream()
            .filter(a -> a.item().equals("READ_TELL_SING_DAYS") && child.window().contains(a.assessmentDate())));
        boolean everyDay = latest.map(a -> Rules.isNumber(a.value(), EVERY_DAY_OF_THE_WEEK)).orElse(false);
        units.add(child.unit(CODE)
            .missing(latest.isEmpty())
            .achieved(everyDay)
            .evidence(latest.orElse(null))
            .note(latest.isEmpty() ? "no read/tell/sing answer in the period while enrolled"
                : everyDay ? "latest read/tell/sing answer is 7 days" : "latest read/tell/sing answer is under 7 days"));
      }
    }
    return units;
  }
}
