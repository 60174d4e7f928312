package hv.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulates one household that a program enrolls: the mother's primary episode, and sometimes a
 * father or other relative enrolling alongside her, a dual enrollment in a second program, or a
 * re-enrollment after she left. Also the program's referrals around that time that never enrolled.
 */
final class HouseholdSimulator {

  private static final double PARTNER_ENROLLS = 0.08;
  private static final double DUAL_ENROLLMENT = 0.004;
  private static final double RE_ENROLLS = 0.06;
  private static final double REFERRALS_NOT_ENROLLED = 0.75;

  private final List<Program> programs;
  private final FamilyBuilder families;
  private final EpisodeSimulator episodes;
  private final LocalDate horizon;

  HouseholdSimulator(List<Program> programs, FamilyBuilder families, LocalDate horizon) {
    this.programs = programs;
    this.families = families;
    this.episodes = new EpisodeSimulator(horizon);
    this.horizon = horizon;
  }

  void simulate(Program program, LocalDate start, Sink sink) {
    Dice dice = sink.dice;
    Caregiver mother = families.mother(program, start, dice);
    Circumstances at = families.circumstances(program, mother, start, dice);
    sink.add(SourceRecord.create(mother.row(), dice.timeOn(start.plusDays(dice.between(0, 1)))));
    Episode primary = enroll(program, mother, at, true, start, sink);

    if (dice.chance(PARTNER_ENROLLS)) {
      LocalDate joins = Dice.weekday(start.plusDays(dice.between(0, 60)));
      if (primary.enrolledOn(joins) && (primary.exit == null || joins.isBefore(primary.exit))) {
        Caregiver partner = families.partner(program, mother, joins, dice);
        sink.add(SourceRecord.create(partner.row(), dice.timeOn(joins)));
        Circumstances partnerAt = families.circumstances(program, partner, joins, dice);
        EpisodeSimulator.Exit withMother = primary.exit == null ? null : new EpisodeSimulator.Exit(primary.exit, primary.exitReason);
        episodes.simulate(plan(program, partner, partnerAt, false, joins, primary, withMother, false), sink);
      }
    }
    if (dice.chance(DUAL_ENROLLMENT)) {
      LocalDate second = Dice.weekday(start.plusDays(dice.between(30, 120)));
      Program other = otherProgram(program, dice);
      if (primary.enrolledOn(second) && other != null) {
        EpisodeSimulator.Exit resolved = new EpisodeSimulator.Exit(second.plusDays(dice.between(30, 150)),
            dice.chance(0.6) ? "TRANSFERRED" : "DECLINED_FURTHER");
        Circumstances now = families.circumstances(other, mother, second, dice);
        Episode dual = episodes.simulate(plan(other, mother, now, true, second, primary, resolved, true), sink);
        new IntakeSimulator(sink).enrolled(dual);
      }
    }
    if (primary.exit != null && List.of("DISENGAGED", "MOVED", "DECLINED_FURTHER").contains(primary.exitReason)
        && dice.chance(RE_ENROLLS)) {
      LocalDate again = Dice.weekday(primary.exit.plusDays(dice.between(90, 400)));
      if (!again.isAfter(horizon)) {
        Program where = dice.chance(0.7) ? program : programs.stream()
            .filter(p -> p.region == program.region && p.model != Model.NFP).findFirst().orElse(program);
        Circumstances now = families.circumstances(where, mother, again, dice);
        enroll(where, mother, now, true, again, sink);
      }
    }
    IntakeSimulator intake = new IntakeSimulator(sink);
    for (int i = dice.poisson(REFERRALS_NOT_ENROLLED); i > 0; i--) {
      intake.notEnrolled(program, start, horizon);
    }
  }

  /** A new primary episode of the mother: pregnant or with a child of the model's ages. */
  private Episode enroll(Program program, Caregiver mother, Circumstances at, boolean primary, LocalDate start, Sink sink) {
    Dice dice = sink.dice;
    Model model = program.model;
    boolean pregnant = dice.chance(model.prenatalShare);
    Integer weeks = null;
    Episode.Birth index;
    if (pregnant) {
      int enrolledAt = model == Model.NFP ? dice.between(8, 28)
          : dice.chance(0.18) ? dice.between(32, 38) : dice.between(6, 31);
      weeks = dice.chance(0.03) ? null : enrolledAt;
      index = birth(at, program, Math.min(41, enrolledAt + 1), start.plusDays(-7L * enrolledAt), dice);
    } else {
      LocalDate born = start.minusMonths(dice.between(model.minChildMonths, model.maxChildMonths)).minusDays(dice.between(0, 27));
      index = birth(at, program, 22, born.minusWeeks(40), dice);
      index = new Episode.Birth(born, index.gestationalWeeks(), index.grams(), index.sex());
    }
    List<Episode.Birth> siblings = new ArrayList<>();
    if (dice.chance(0.25)) {
      LocalDate older = index.date().minusMonths(dice.between(18, 60));
      if (older.isAfter(start.minusYears(6))) {
        siblings.add(new Episode.Birth(older, dice.between(36, 41), dice.between(2500, 4100), dice.chance(0.5) ? "F" : "M"));
      }
    }
    Episode e = episodes.simulate(new EpisodeSimulator.Plan(program, mother, at, primary, start, pregnant, weeks, index,
        siblings, null, true), sink);
    new IntakeSimulator(sink).enrolled(e);
    return e;
  }

  /** The partner's or a dual episode shares the household's pregnancy and children. */
  private static EpisodeSimulator.Plan plan(Program p, Caregiver c, Circumstances at, boolean primary, LocalDate start,
                                            Episode household, EpisodeSimulator.Exit cap, boolean reportsChildHealth) {
    boolean pregnant = household.indexBirth.date().isAfter(start);
    Integer weeks = pregnant && household.gestationalWeeks != null
        ? household.gestationalWeeks + (int) ((start.toEpochDay() - household.start.toEpochDay()) / 7) : null;
    List<Episode.Birth> siblings = household.kids.stream().filter(k -> !k.index()).map(Episode.Kid::birth)
        .filter(b -> b.date().isBefore(start)).toList();
    return new EpisodeSimulator.Plan(p, c, at, primary, start, pregnant, weeks, household.indexBirth, siblings, cap,
        reportsChildHealth);
  }

  private Program otherProgram(Program program, Dice dice) {
    List<Program> nearby = programs.stream().filter(p -> p != program && p.region == program.region).toList();
    return nearby.isEmpty() ? null : dice.pick(nearby);
  }

  /**
   * Gestational age and weight at birth. About 11% preterm, more in families with more risks;
   * {@code minWeeks} keeps the birth after a prenatal enrollment; {@code conception} dates it.
   */
  private static Episode.Birth birth(Circumstances at, Program p, int minWeeks, LocalDate conception, Dice dice) {
    int weeks = dice.odds(0.105, -0.5 * at.riskShift() - 0.2 * p.effect)
        ? dice.pick(new Integer[] {dice.between(34, 36), dice.between(28, 33), dice.between(23, 27)}, 0.72, 0.23, 0.05)
        : dice.pick(new Integer[] {37, 38, 39, 40, 41}, 0.12, 0.25, 0.33, 0.22, 0.08);
    weeks = Math.max(weeks, minWeeks);
    int grams = (int) Math.max(400, Math.min(5200, Math.round(
        (weeks >= 34 ? 3350 + 170 * (weeks - 39) : 2500 - 230 * (34 - weeks)) + dice.normal(0, 380))));
    LocalDate date = conception.plusDays(7L * weeks + dice.between(0, 6));
    return new Episode.Birth(date, dice.chance(0.02) ? null : weeks, dice.chance(0.03) ? null : grams,
        dice.pick(new String[] {"F", "M", null}, 0.49, 0.5, 0.01));
  }
}
