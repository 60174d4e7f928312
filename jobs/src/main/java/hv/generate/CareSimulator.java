package hv.generate;

import java.time.LocalDate;

/**
 * Screenings and observations (depression, intimate partner violence, development,
 * social-emotional, parent–child interaction) and the service referrals they lead to.
 * How timely screening is and how often referred services start depend on the program's
 * true effect and on the family's risks.
 */
final class CareSimulator {

  private static final int[] ASQ_MONTHS = {2, 4, 6, 9, 12, 18, 24, 30, 36, 48};
  private static final int[] ASQSE_MONTHS = {6, 12, 18, 24, 30, 36};

  private final Sink sink;
  private final Dice dice;

  CareSimulator(Sink sink) {
    this.sink = sink;
    this.dice = sink.dice;
  }

  void simulate(Episode e) {
    depression(e);
    partnerViolence(e);
    Episode.Kid kid = e.indexKid();
    if (kid != null) {
      development(e, kid);
      interaction(e, kid);
    }
    if (Boolean.TRUE.equals(e.at.tobacco()) && dice.odds(0.72, e.shift(1.0))) {
      LocalDate day = e.start.plusDays(dice.between(0, 80));
      referral(e, null, "TOBACCO_CESSATION", day, dice.chance(0.35) ? day.plusDays(dice.lognormalDays(14, 0.6)) : null);
    }
    if (dice.chance(0.06)) {
      LocalDate day = e.start.plusDays(dice.between(10, 300));
      referral(e, null, "OTHER", day, dice.chance(0.6) ? day.plusDays(dice.lognormalDays(10, 0.6)) : null);
    }
  }

  /** Within 3 months of enrollment, or of delivery for prenatal enrollees; then about twice a year. */
  private void depression(Episode e) {
    LocalDate windowStart = e.pregnant ? e.delivery() : e.start;
    if (e.pregnant && dice.chance(0.5)) {
      depressionScreen(e, e.start.plusDays(dice.between(0, 30)));
    }
    if (windowStart == null) {
      return;
    }
    LocalDate first = dice.odds(0.86, e.shift(1.0)) ? windowStart.plusDays(dice.between(3, 85))
        : dice.chance(0.5) ? windowStart.plusDays(dice.between(95, 200)) : null;
    if (first == null) {
      return;
    }
    for (LocalDate day = first; day.isBefore(e.lastDay); day = day.plusDays(dice.between(150, 220))) {
      if (day == first || dice.chance(0.55)) {
        depressionScreen(e, day);
      }
    }
  }

  private void depressionScreen(Episode e, LocalDate date) {
    String tool = e.program.model == Model.NFP
        ? dice.pick(new String[] {"EPDS", "PHQ9", "NOT_VALIDATED"}, 0.6, 0.38, 0.02)
        : dice.pick(new String[] {"PHQ9", "EPDS", "PHQ2", "CESD", "NOT_VALIDATED"}, 0.6, 0.2, 0.12, 0.06, 0.02);
    int cutOff = switch (tool) {
      case "EPDS" -> 13;
      case "PHQ2" -> 3;
      case "CESD" -> 16;
      default -> 10;
    };
    int maxScore = switch (tool) {
      case "EPDS" -> 30;
      case "PHQ2" -> 6;
      case "CESD" -> 60;
      default -> 27;
    };
    boolean positive = dice.odds(0.17, -0.5 * e.at.riskShift());
    LocalDate day = screening(e, null, "DEPRESSION", tool, date, positive, cutOff, maxScore);
    if (day != null && positive && !tool.equals("NOT_VALIDATED") && dice.chance(0.85)) {
      LocalDate referred = day.plusDays(dice.chance(0.6) ? 0 : dice.between(1, 10));
      LocalDate served = dice.odds(0.72, 0.8 * e.program.effect + 0.3 * e.at.riskShift())
          ? referred.plusDays(dice.lognormalDays(14, 0.6)) : null;
      referral(e, null, "DEPRESSION_SERVICES", referred, served);
    }
  }

  /** Within 6 months of enrollment, then yearly. */
  private void partnerViolence(Episode e) {
    LocalDate first = dice.odds(0.82, e.shift(1.0)) ? e.start.plusDays(dice.between(7, 175))
        : dice.chance(0.4) ? e.start.plusDays(dice.between(190, 300)) : null;
    for (LocalDate day = first; day != null && day.isBefore(e.lastDay); day = day.plusDays(dice.between(330, 400))) {
      if (day != first && dice.chance(0.5)) {
        continue;
      }
      String tool = dice.pick(new String[] {"HITS", "WAST", "RAT", "NOT_VALIDATED"}, 0.6, 0.25, 0.1, 0.05);
      boolean positive = dice.odds(0.07, -0.5 * e.at.riskShift());
      int cutOff = tool.equals("HITS") ? 11 : 4;
      LocalDate screened = screening(e, null, "IPV", tool, day, positive, cutOff, tool.equals("HITS") ? 20 : 8);
      if (screened != null && positive && dice.odds(0.85, e.program.effect)) {
        LocalDate given = screened.plusDays(dice.chance(0.7) ? 0 : dice.between(1, 10));
        referral(e, null, "IPV_RESOURCES", given, dice.chance(0.3) ? given.plusDays(dice.between(2, 30)) : null);
      }
    }
  }

  /** ASQ-3 at the recommended ages (9, 18, 24/30 months among them), ASQ:SE-2 less often; positive ASQ-3 leads to a referral. */
  private void development(Episode e, Episode.Kid kid) {
    boolean screenedFirstPositive = false;
    for (int months : ASQ_MONTHS) {
      LocalDate due = kid.birth().date().plusMonths(months);
      if (!dice.odds(months == 9 || months == 18 || months == 24 ? 0.8 : 0.6, e.shift(1.0))) {
        continue;
      }
      String tool = dice.pick(new String[] {"ASQ3", "OTHER_VALIDATED", "NOT_VALIDATED"}, 0.93, 0.04, 0.03);
      boolean positive = dice.odds(kid.birth().preterm() ? 0.2 : 0.12, -0.3 * e.at.riskShift());
      LocalDate day = screening(e, kid, "DEVELOPMENT", tool, due.plusDays(dice.between(-15, 20)), positive, -1, 300);
      if (day != null && positive && !tool.equals("NOT_VALIDATED") && !screenedFirstPositive) {
        screenedFirstPositive = true;
        developmentalReferral(e, kid, day);
      }
    }
    for (int months : ASQSE_MONTHS) {
      if (dice.chance(0.55)) {
        LocalDate day = kid.birth().date().plusMonths(months).plusDays(dice.between(-15, 20));
        screening(e, kid, "SOCIAL_EMOTIONAL", "ASQSE2", day, dice.chance(0.08), 60, 200);
      }
    }
  }

  private void developmentalReferral(Episode e, Episode.Kid kid, LocalDate screened) {
    boolean served = dice.odds(0.75, 0.8 * e.shift(1.0));
    String service = dice.pick(new String[] {"HOME_VISITOR_DEVELOPMENTAL_SUPPORT", "EARLY_INTERVENTION", "DEVELOPMENTAL_OTHER", ""},
        0.35, 0.4, 0.12, 0.13);
    switch (service) {
      case "HOME_VISITOR_DEVELOPMENTAL_SUPPORT" ->
          referral(e, kid, service, screened, served ? screened.plusDays(dice.between(0, 40)) : null);
      case "EARLY_INTERVENTION" -> {
        LocalDate referred = screened.plusDays(dice.between(0, 14));
        referral(e, kid, service, referred, served ? referred.plusDays(dice.lognormalDays(30, 0.45)) : null);
      }
      case "DEVELOPMENTAL_OTHER" -> {
        LocalDate referred = screened.plusDays(dice.between(0, 20));
        referral(e, kid, service, referred, served ? referred.plusDays(dice.lognormalDays(20, 0.5)) : null);
      }
      default -> { }
    }
  }

  /** Parent–child interaction observed a few months after the child joins, then about twice a year. */
  private void interaction(Episode e, Episode.Kid kid) {
    for (LocalDate day = kid.enrolled().plusDays(dice.between(60, 150)); day.isBefore(e.lastDay);
         day = day.plusDays(dice.between(150, 200))) {
      if (dice.odds(0.8, e.shift(1.0))) {
        String tool = dice.pick(new String[] {e.program.model.interactionTool, "HOME", "OTHER_VALIDATED", "NOT_VALIDATED"},
            0.85, 0.05, 0.05, 0.05);
        screening(e, dice.chance(0.7) ? kid : null, "PARENT_CHILD_INTERACTION", tool, day, dice.chance(0.12), -1, 60);
      }
    }
  }

  /**
   * A screening dated on a weekday while the person is enrolled; returns its date, or null when
   * the episode had ended by then.
   * @param cutOff score at or above which the result is positive; -1 when a low score is the concern
   */
  private LocalDate screening(Episode e, Episode.Kid kid, String domain, String tool, LocalDate date,
                              boolean positive, int cutOff, int maxScore) {
    LocalDate day = Dice.weekday(date);
    if (!e.enrolledOn(day) || kid != null && day.isBefore(kid.enrolled())) {
      return null;
    }
    boolean incomplete = dice.chance(0.03);
    String result = incomplete ? "INCOMPLETE" : positive ? "POSITIVE" : "NEGATIVE";
    String score = null;
    if (!incomplete && !tool.equals("NOT_VALIDATED")) {
      int threshold = cutOff < 0 ? maxScore / 2 : cutOff;
      boolean high = cutOff < 0 ? !positive : positive;
      score = Integer.toString(high ? dice.between(threshold, maxScore) : dice.between(0, threshold - 1));
    }
    Row row = Table.SCREENINGS.row()
        .set("enrollment_id", e.id)
        .set("child_id", kid == null ? null : kid.id())
        .set("domain", domain)
        .set("tool", tool)
        .set("screening_date", day)
        .set("score", score)
        .set("result", result);
    sink.event(e, row, "SC", day);
    return day;
  }

  /** A referral is entered when made, and updated when the first service is known. */
  private void referral(Episode e, Episode.Kid kid, String service, LocalDate referred, LocalDate served) {
    if (!e.enrolledOn(referred)) {
      return;
    }
    Row row = Table.SERVICE_REFERRALS.row()
        .set("enrollment_id", e.id)
        .set("child_id", kid == null ? null : kid.id())
        .set("service", service)
        .set("referral_date", referred);
    SourceRecord record = sink.event(e, row, "R", referred);
    if (served != null && !served.isAfter(e.lastDay)) {
      record.update(sink.enteredFor(e, served), r -> r.set("first_service_date", served));
    }
  }
}
