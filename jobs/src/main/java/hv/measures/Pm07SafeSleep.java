package hv.measures;

import hv.family.Answer;
import hv.family.Family;
import hv.time.Dates;
import hv.time.Period;
import hv.time.RunPeriods;
import hv.time.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * PM07 Safe sleep. Unit: index child.
 *
 * <ul>
 *   <li>Denominator: index children active in P who are under 1 year old
 *       ({@code d < birth_date + 12 months}) on some day d of P while enrolled; those days
 *       form the window {@code [max(P.start, child_enrollment_date), min(P.end, effective exit,
 *       birth_date + 12 months − 1 day)]}.
 *   <li>Numerator: on the latest day of the window on which all three of
 *       {@code SLEEP_ON_BACK_ALWAYS}, {@code BED_SHARING}, {@code SOFT_BEDDING} were answered
 *       for the child: {@code SLEEP_ON_BACK_ALWAYS = Y}, {@code BED_SHARING = N},
 *       {@code SOFT_BEDDING = N}.
 *   <li>Missing: no such day in the window.
 * </ul>
 * Evidence: that day and the three answers' ids ({@code ;}-joined). Should a child's item carry
 * standing answers of two episodes on one day, the greatest assessment_id decides.
 */
public final class Pm07SafeSleep implements Measure {

  public static final String CODE = "PM07";
  static final List<String> ITEMS = List.of("SLEEP_ON_BACK_ALWAYS", "BED_SHARING", "SOFT_BEDDING");
  private static final List<String> SAFE = List.of("Y", "N", "N");

  @Override
  public String code() {
    return CODE;
  }

  /** A day on which all three items were answered for the child: the answers in {@link #ITEMS} order. */
  private record AnsweredDay(LocalDate day, List<Answer> answers) {
    boolean safe() {
      for (int i = 0; i < ITEMS.size(); i++) {
        if (!SAFE.get(i).equals(answers.get(i).value())) {
          return false;
        }
      }
      return true;
    }

    String ids() {
      return answers.stream().map(Answer::assessmentId).collect(Collectors.joining(";"));
    }
  }

  @Override
  public List<Unit> units(Family family, RunPeriods periods) {
    List<Unit> units = new ArrayList<>();
    for (IndexChild child : IndexChild.of(family)) {
      TreeMap<LocalDate, AnsweredDay> answeredDays = answeredDays(child.rows().answers());
      LocalDate lastDayUnderOne = Dates.plusMonths(child.child().birthDate(), 12).minusDays(1);
      for (Period p : periods.federal()) {
        Span window = child.enrolled().clip(p.days()).endingBy(lastDayUnderOne);
        if (window.isEmpty()) {
          continue;
        }
        Optional<AnsweredDay> latest = Optional.ofNullable(answeredDays.floorEntry(window.end()))
            .map(Map.Entry::getValue).filter(d -> window.contains(d.day()));
        boolean safe = latest.map(AnsweredDay::safe).orElse(false);
        Unit unit = child.unit(p, CODE)
            .window(window)
            .missing(latest.isEmpty())
            .achieved(safe)
            .note(latest.isEmpty() ? "no day with all three sleep items answered while under 1 and enrolled"
                : safe ? "latest fully answered day: back, no bed sharing, no soft bedding"
                : "latest fully answered day: not all three safe");
        units.add(latest.map(d -> unit.evidence(d.day(), d.ids())).orElse(unit));
      }
    }
    return units;
  }

  /** The days with all three items answered, by day; of an item's answers that day, the greatest assessment_id. */
  private static TreeMap<LocalDate, AnsweredDay> answeredDays(List<Answer> answers) {
    Map<LocalDate, Map<String, Answer>> byDay = new TreeMap<>();
    for (Answer a : answers) {
      if (ITEMS.contains(a.item())) {
        byDay.computeIfAbsent(a.assessmentDate(), d -> new TreeMap<>())
            .merge(a.item(), a, (x, y) -> Comparator.comparing(Answer::assessmentId).compare(x, y) >= 0 ? x : y);
      }
    }
    TreeMap<LocalDate, AnsweredDay> days = new TreeMap<>();
    byDay.forEach((day, items) -> {
      if (items.keySet().containsAll(ITEMS)) {
        days.put(day, new AnsweredDay(day, ITEMS.stream().map(items::get).toList()));
      }
    });
    return days;
  }
}
