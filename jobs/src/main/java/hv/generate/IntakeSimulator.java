package hv.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Referrals a program receives: the one behind each enrollment (pending, then enrolled) and
 * those that never enrolled (declined, waitlisted, referred elsewhere, unreachable).
 */
final class IntakeSimulator {

  private static final String[] SOURCES = {"DCF", "HEALTH_CARE", "WIC", "SELF", "COMMUNITY", "CENTRAL_INTAKE", "OTHER"};
  private static final String[] NOT_ENROLLED = {"DECLINED", "UNABLE_TO_CONTACT", "REFERRED_ELSEWHERE", "WAITLISTED"};

  private final Sink sink;
  private final Dice dice;

  IntakeSimulator(Sink sink) {
    this.sink = sink;
    this.dice = sink.dice;
  }

  void enrolled(Episode e) {
    if (e.referral == null) {
      return;
    }
    List<String> flags = new ArrayList<>();
    addIf(flags, e.pregnant, "PRENATAL");
    addIf(flags, e.at.age() < 20, "UNDER_20");
    addIf(flags, e.caregiver.race() != null && e.caregiver.race().contains("BLACK"), "BLACK");
    addIf(flags, "PUERTO_RICAN".equals(e.caregiver.hispanicOrigin()), "PUERTO_RICAN");
    addIf(flags, e.caregiver.race() != null && e.caregiver.race().contains("AIAN"), "AIAN");
    addIf(flags, e.at.lowIncome(), "LOW_INCOME");
    addIf(flags, Boolean.TRUE.equals(e.at.childWelfare()), "CHILD_WELFARE");
    Row row = Table.INTAKE_REFERRALS.row()
        .set("intake_id", sink.ids.next("I"))
        .set("program_id", e.program.id)
        .set("referral_date", e.referral)
        .set("referral_source", source(e.program.model))
        .set("outcome", "PENDING")
        .set("priority_flags", flags.isEmpty() ? null : String.join(";", flags));
    SourceRecord record = sink.add(SourceRecord.create(row, dice.timeOn(e.referral.plusDays(dice.between(0, 2)))));
    boolean waited = dice.chance(0.1);
    record.update(dice.timeOn(e.screened), r -> r.set("screened_date", e.screened).set("outcome", waited ? "WAITLISTED" : "PENDING"));
    record.update(e.createdAt + dice.between(60, 7200), r -> r.set("outcome", "ENROLLED").set("enrollment_id", e.id));
  }

  /** A referral that did not lead to an enrollment (no person ids: nobody consented). */
  void notEnrolled(Program p, LocalDate around, LocalDate horizon) {
    LocalDate referred = around.minusDays(dice.between(0, 40));
    boolean reached = dice.chance(0.8);
    LocalDate screened = reached ? referred.plusDays(dice.lognormalDays(5, 0.8)) : null;
    String outcome = reached ? dice.pick(NOT_ENROLLED, 0.4, 0, 0.3, 0.3) : "UNABLE_TO_CONTACT";
    LocalDate decided = (reached ? screened : referred).plusDays(dice.between(1, 25));
    List<String> flags = new ArrayList<>();
    addIf(flags, dice.chance(p.model.prenatalShare), "PRENATAL");
    addIf(flags, dice.chance(0.05 + 0.15 * p.need), "UNDER_20");
    addIf(flags, dice.chance(p.community == Program.Community.MOSTLY_BLACK ? 0.6 : 0.2), "BLACK");
    addIf(flags, dice.chance(p.community == Program.Community.MOSTLY_PUERTO_RICAN ? 0.5 : 0.12), "PUERTO_RICAN");
    addIf(flags, dice.chance(0.4 + 0.4 * p.need), "LOW_INCOME");
    addIf(flags, dice.chance(0.05 + 0.2 * p.need), "CHILD_WELFARE");
    Row row = Table.INTAKE_REFERRALS.row()
        .set("intake_id", sink.ids.next("I"))
        .set("program_id", p.id)
        .set("referral_date", referred)
        .set("referral_source", source(p.model))
        .set("outcome", "PENDING")
        .set("priority_flags", flags.isEmpty() ? null : String.join(";", flags));
    SourceRecord record = sink.add(SourceRecord.create(row, dice.timeOn(referred.plusDays(dice.between(0, 3)))));
    if (!decided.isAfter(horizon)) {
      record.update(dice.timeOn(decided), r -> r.set("screened_date", screened).set("outcome", outcome));
    }
  }

  private String source(Model model) {
    return switch (model) {
      case NFP -> dice.pick(SOURCES, 0.03, 0.4, 0.2, 0.07, 0.1, 0.17, 0.03);
      case CF -> dice.pick(SOURCES, 0.35, 0.2, 0.02, 0.05, 0.15, 0.2, 0.03);
      default -> dice.pick(SOURCES, 0.1, 0.2, 0.15, 0.12, 0.15, 0.25, 0.03);
    };
  }

  private static void addIf(List<String> flags, boolean condition, String flag) {
    if (condition) {
      flags.add(flag);
    }
  }
}
