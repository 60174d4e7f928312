package hv.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One enrollment episode being simulated: who, where, when, and the children in it. */
final class Episode {

  /** A birth as the family lived it; each episode the child is part of gets its own child row. */
  record Birth(LocalDate date, Integer gestationalWeeks, Integer grams, String sex) {
    boolean preterm() {
      return gestationalWeeks != null && gestationalWeeks < 37;
    }
  }

  record Kid(String id, Birth birth, boolean index, LocalDate enrolled) {}

  final Program program;
  final Caregiver caregiver;
  final Circumstances at;
  final String id;
  final boolean primary;
  final LocalDate start;
  /** Intake steps before the first visit; null when the family came without a recorded referral. */
  LocalDate referral;
  LocalDate screened;
  LocalDate consent;
  final boolean pregnant;
  final Integer gestationalWeeks;
  final Birth indexBirth;
  /** The last day events are simulated: the horizon (last extract date) or the exit. */
  LocalDate lastDay;
  LocalDate exit;
  String exitReason;
  long createdAt;
  long exitEnteredAt;
  final List<Kid> kids = new ArrayList<>();
  /** How engaged this family is, on the log-odds scale of completing visits and staying. */
  final double engagement;

  Episode(Program program, Caregiver caregiver, Circumstances at, String id, boolean primary, LocalDate start,
          boolean pregnant, Integer gestationalWeeks, Birth indexBirth, LocalDate horizon, double engagement) {
    this.program = program;
    this.caregiver = caregiver;
    this.at = at;
    this.id = id;
    this.primary = primary;
    this.start = start;
    this.pregnant = pregnant;
    this.gestationalWeeks = gestationalWeeks;
    this.indexBirth = indexBirth;
    this.lastDay = horizon;
    this.engagement = engagement;
  }

  /** Log-odds shift of a good outcome: the program's true effect (weighted) plus the family's risk. */
  double shift(double programWeight) {
    return programWeight * program.effect + at.riskShift();
  }

  boolean enrolledOn(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(lastDay);
  }

  /** The delivery this episode saw: the index child born on or after enrollment. */
  LocalDate delivery() {
    return pregnant && indexBirth != null && !indexBirth.date().isBefore(start) && !indexBirth.date().isAfter(lastDay)
        ? indexBirth.date() : null;
  }

  Kid indexKid() {
    return kids.stream().filter(Kid::index).findFirst().orElse(null);
  }

  boolean isMother() {
    return caregiver.role().equals("MOTHER");
  }
}
