package hv.generate;

import java.time.LocalDate;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the program sites, their contracts and their staff. The number of programs grows
 * with the state's enrollment volume (about 40 at 3,000 families a year, never fewer than 5),
 * and each site is staffed for the caseload it is expected to carry.
 */
final class ProgramBuilder {

  private static final String[][] TOWNS = {
      {"Bridgeport", "Stamford", "Norwalk", "Danbury", "Stratford", "Fairfield", "Greenwich", "Shelton"},
      {"New Haven", "Meriden", "West Haven", "Milford", "Hamden", "Wallingford", "Ansonia", "East Haven"},
      {"Norwich", "New London", "Willimantic", "Groton", "Putnam", "Danielson", "Killingly", "Plainfield"},
      {"Hartford", "New Britain", "Bristol", "Manchester", "Enfield", "East Hartford", "Middletown", "Vernon"},
      {"Waterbury", "Torrington", "Naugatuck", "Winsted", "New Milford", "Thomaston", "Watertown", "Litchfield"}};
  private static final String[] MODEL_NAMES = {"Child First", "Early Head Start", "Healthy Families",
      "Nurse-Family Partnership", "Parents as Teachers"};
  private static final String[] AGENCY_KINDS = {"Family Services", "Community Health Center", "Visiting Nurse Association",
      "Youth and Family Center", "Child Development Network", "Family Resource Center"};
  private static final Model[] MODELS = Model.values();
  private static final double[] MODEL_WEIGHTS = {0.15, 0.15, 0.25, 0.15, 0.30};
  /** Average months a family stays, to staff each site for its expected caseload. */
  private static final double MEAN_STAY_MONTHS = 16;

  private final GenerateOptions options;
  private final Dice dice;
  private final Ids ids;

  ProgramBuilder(GenerateOptions options, Dice dice, Ids ids) {
    this.options = options;
    this.dice = dice;
    this.ids = ids;
  }

  static int programCount(int caregiversPerYear) {
    return Math.max(5, (int) Math.round(40 * Math.sqrt(caregiversPerYear / 3000.0)));
  }

  List<Program> build(Consumer<SourceRecord> out) {
    int count = programCount(options.caregiversPerYear());
    List<Program> programs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      programs.add(newProgram(i));
    }
    double totalWeight = programs.stream().mapToDouble(p -> p.weight).sum();
    int i = 0;
    while (i < count) {
      int size = Math.min(count - i, dice.chance(0.25) ? dice.between(2, 3) : 1);
      writeContract(programs.subList(i, i + size), totalWeight, out);
      i += size;
    }
    for (Program p : programs) {
      staff(p, p.weight / totalWeight * options.caregiversPerYear(), out);
    }
    return programs;
  }

  private Program newProgram(int i) {
    Model model = i < MODELS.length ? MODELS[i] : dice.pick(MODELS, MODEL_WEIGHTS);
    int region = i % 5 + 1;
    String town = TOWNS[region - 1][(i / 5) % TOWNS[region - 1].length];
    double effect = dice.normal(0, 0.35);
    double need = Math.min(1, Math.max(0, dice.normal(0.5, 0.25)));
    // A few sites are fixed so every dataset has something for the comparison to find:
    // a high-need site that does well, a clearly strong one and a clearly weak one.
    if (i == 0) {
      need = 1.0;
      effect = 0.35;
    } else if (i == 1) {
      effect = 0.9;
    } else if (i == 2) {
      effect = -0.9;
    }
    Program.Community community = region == 4 || region == 2
        ? dice.pick(Program.Community.values(), 0.35, 0.35, 0.1, 0.2)
        : dice.pick(Program.Community.values(), 0.15, 0.2, 0.4, 0.25);
    if (i == 0) {
      community = Program.Community.MOSTLY_BLACK;
    }
    double weight = Math.exp(dice.normal(0, 0.45)) * (model == Model.NFP ? 1.4 : 1.0);
    return new Program(i, ids.next("P"), model, region, town, effect, need, community, weight);
  }

  private void writeContract(List<Program> members, double totalWeight, Consumer<SourceRecord> out) {
    Program lead = members.get(0);
    String agency = lead.town + " " + dice.pick(List.of(AGENCY_KINDS));
    LocalDate start = LocalDate.of(options.from().getYear() - dice.between(1, 3), 7, 1);
    LocalDate end = LocalDate.of(options.to().getYear() + dice.between(1, 3), 6, 30);
    String contractNumber = String.format("%02dOECHVS%02d%s", start.getYear() % 100, lead.index + 1, initials(agency));
    for (Program p : members) {
      double slots = p.weight / totalWeight * options.caregiversPerYear() * MEAN_STAY_MONTHS / 12;
      long value = Math.round(slots * dice.between(7_500, 10_500) / 100.0) * 100;
      Row row = Table.PROGRAMS.row()
          .set("program_id", p.id)
          .set("program_name", p.town + " " + MODEL_NAMES[p.model.ordinal()])
          .set("contractor_id", "K" + (lead.index + 101))
          .set("contract_number", contractNumber)
          .set("is_lead", p == lead)
          .set("model", p.model.name())
          .set("region", p.region)
          .set("contract_start", start)
          .set("contract_end", end)
          .set("contract_value", value + ".00");
      out.accept(SourceRecord.create(row, dice.timeOn(start.minusDays(dice.between(5, 40)))));
    }
  }

  private static String initials(String name) {
    StringBuilder s = new StringBuilder();
    for (String word : name.split(" ")) {
      s.append(Character.toUpperCase(word.charAt(0)));
    }
    return (s + "XXX").substring(0, 3);
  }

  /** Home visitor positions for the expected caseload, each filled by a succession of hires; a supervisor per ~6 visitors; one manager. */
  private void staff(Program p, double enrollmentsPerYear, Consumer<SourceRecord> out) {
    double caseload = enrollmentsPerYear * MEAN_STAY_MONTHS / 12;
    double fteNeeded = caseload / (p.model.slotsPerFte * 0.9);
    double filled = 0;
    int positions = 0;
    while (filled < fteNeeded || positions == 0) {
      double fte = dice.pick(new Double[] {1.0, 0.8, 0.5}, 0.78, 0.12, 0.10);
      for (Program.Visitor v : succession(p, "HOME_VISITOR", fte, out)) {
        p.visitors.add(v);
      }
      filled += fte;
      positions++;
    }
    for (int s = 0; s < Math.max(1, Math.round(positions / 6.0)); s++) {
      succession(p, "SUPERVISOR", 1.0, out);
    }
    succession(p, "MANAGER", dice.chance(0.8) ? 1.0 : 0.5, out);
  }

  /** The people who hold one position over time: someone hired before the data starts, then replacements after each departure. */
  private List<Program.Visitor> succession(Program p, String role, double fte, Consumer<SourceRecord> out) {
    List<Program.Visitor> people = new ArrayList<>();
    LocalDate hired = options.from().minusDays(dice.between(30, 3000));
    while (!hired.isAfter(options.to().plusDays(30))) {
      long tenureDays = Math.round(-Math.log(1 - dice.uniform()) * 365 * (role.equals("HOME_VISITOR") ? 3.5 : 6));
      LocalDate end = hired.plusDays(Math.max(60, tenureDays));
      LocalDate ended = end.isAfter(options.to().plusDays(60)) ? null : end;
      if (ended != null && ended.isBefore(options.from().minusYears(1))) {
        hired = ended.plusDays(dice.between(14, 75)); // left long before the data starts: not in the extracts
        continue;
      }
      String id = ids.next("S");
      Row row = Table.STAFF.row()
          .set("staff_id", id)
          .set("program_id", p.id)
          .set("role", role)
          .set("fte", String.format(Locale.ROOT, "%.3f", fte))
          .set("hire_date", hired);
      // Hires are entered a little before the first day; departures when notice is given.
      SourceRecord record = SourceRecord.create(row, dice.timeOn(hired.minusDays(dice.between(0, 14))));
      if (ended != null) {
        record.update(dice.timeOn(ended.minusDays(dice.between(0, 14))), r -> r.set("end_date", ended));
      }
      out.accept(record);
      people.add(new Program.Visitor(id, hired, ended));
      if (ended == null) {
        break;
      }
      hired = ended.plusDays(dice.between(14, 75));
    }
    return people;
  }
}
