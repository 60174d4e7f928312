package hv.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A funded program site with its hidden truths: how well it really does and whom it serves. */
final class Program {

  /** The race/ethnicity make-up of the community a program serves. */
  enum Community { MOSTLY_BLACK, MOSTLY_PUERTO_RICAN, MOSTLY_WHITE, MIXED }

  /** A home visitor's employment span; {@code end} is null while employed. */
  record Visitor(String staffId, LocalDate hired, LocalDate end) {
    boolean employedOn(LocalDate day) {
      return !hired.isAfter(day) && (end == null || !end.isBefore(day));
    }
  }

  final int index;
  final String id;
  final Model model;
  final int region;
  final String town;
  /** True performance as a log-odds shift on every outcome the program influences. */
  final double effect;
  /** 0 = families with few risks, 1 = a high-need population. */
  final double need;
  final Community community;
  /** Relative share of the state's enrollments. */
  final double weight;
  final List<Visitor> visitors = new ArrayList<>();

  Program(int index, String id, Model model, int region, String town, double effect, double need,
          Community community, double weight) {
    this.index = index;
    this.id = id;
    this.model = model;
    this.region = region;
    this.town = town;
    this.effect = effect;
    this.need = need;
    this.community = community;
    this.weight = weight;
  }

  /** A home visitor employed on {@code day}; the longest-serving ones hold most families. */
  Visitor visitorOn(LocalDate day, Dice dice) {
    List<Visitor> employed = visitors.stream().filter(v -> v.employedOn(day)).toList();
    if (employed.isEmpty()) {
      return visitors.get(visitors.size() - 1);
    }
    return dice.pick(employed);
  }
}
