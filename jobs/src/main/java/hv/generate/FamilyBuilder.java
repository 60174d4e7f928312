package hv.generate;

import java.time.LocalDate;

/**
 * Draws who a program's families are: race and ethnicity from the community it serves, and
 * age, income, insurance, housing and child welfare history from how high-need it is.
 */
final class FamilyBuilder {

  private static final String[] GROUPS = {"BLACK", "WHITE", "PUERTO_RICAN", "OTHER_HISPANIC", "ASIAN", "AIAN", "MULTI", "UNKNOWN"};

  private final Ids ids;

  FamilyBuilder(Ids ids) {
    this.ids = ids;
  }

  private static double[] groupWeights(Program.Community c) {
    return switch (c) {
      case MOSTLY_BLACK -> new double[] {0.62, 0.12, 0.14, 0.04, 0.02, 0.005, 0.03, 0.025};
      case MOSTLY_PUERTO_RICAN -> new double[] {0.15, 0.11, 0.55, 0.12, 0.01, 0.005, 0.025, 0.03};
      case MOSTLY_WHITE -> new double[] {0.08, 0.70, 0.08, 0.06, 0.03, 0.01, 0.02, 0.02};
      case MIXED -> new double[] {0.26, 0.34, 0.20, 0.08, 0.05, 0.01, 0.035, 0.025};
    };
  }

  Caregiver mother(Program p, LocalDate enrollment, Dice dice) {
    double under20 = 0.04 + 0.14 * p.need + (p.model == Model.NFP ? 0.08 : 0);
    int age = dice.chance(under20) ? dice.between(15, 19) : Math.min(46, 20 + (int) Math.abs(dice.normal(0, 7.5)));
    return person(p, "MOTHER", "F", age, enrollment, dice);
  }

  /** A father, or another relative such as a grandmother, who enrolls alongside the mother. */
  Caregiver partner(Program p, Caregiver mother, LocalDate enrollment, Dice dice) {
    boolean father = dice.chance(0.8);
    int age = father ? Math.max(16, mother.ageOn(enrollment) + dice.between(-1, 7)) : dice.between(38, 62);
    return person(p, father ? "FATHER" : "OTHER", father ? "M" : dice.chance(0.9) ? "F" : "M", age, enrollment, dice);
  }

  private Caregiver person(Program p, String role, String sex, int age, LocalDate enrollment, Dice dice) {
    String group = dice.pick(GROUPS, groupWeights(p.community));
    String race;
    String hispanic = "N";
    String origin = null;
    String language = dice.chance(0.02) ? null : "ENGLISH";
    switch (group) {
      case "PUERTO_RICAN", "OTHER_HISPANIC" -> {
        race = dice.pick(new String[] {"WHITE", "OTHER", "BLACK", null}, 0.35, 0.25, 0.1, 0.3);
        hispanic = "Y";
        origin = group.equals("PUERTO_RICAN") ? "PUERTO_RICAN"
            : dice.pick(new String[] {"MEXICAN", "CUBAN", "OTHER_HISPANIC", null}, 0.4, 0.1, 0.4, 0.1);
        if (dice.chance(group.equals("PUERTO_RICAN") ? 0.35 : 0.55)) {
          language = "SPANISH";
        }
      }
      case "ASIAN" -> {
        race = dice.chance(0.1) ? "NHPI" : "ASIAN";
        if (dice.chance(0.4)) {
          language = "OTHER";
        }
      }
      case "AIAN" -> race = dice.chance(0.4) ? "AIAN;WHITE" : "AIAN";
      case "MULTI" -> race = dice.pick(new String[] {"BLACK;WHITE", "ASIAN;WHITE", "BLACK;OTHER", "AIAN;BLACK"}, 5, 2, 2, 1);
      case "UNKNOWN" -> {
        race = null;
        hispanic = dice.chance(0.5) ? null : "N";
      }
      default -> race = group;
    }
    return new Caregiver(ids.next("CG"), role, sex, race, hispanic, origin, language, age, enrollment);
  }

  Circumstances circumstances(Program p, Caregiver c, LocalDate enrollment, Dice dice) {
    double need = p.need;
    int age = c.ageOn(enrollment);
    Integer income = dice.chance(0.06) ? null
        : dice.chance(0.35 + 0.4 * need) ? (dice.chance(0.15) ? 0 : dice.between(5, 100))
        : dice.chance(0.6) ? dice.between(101, 200) : dice.between(201, 450);
    boolean aboveTwice = income != null && income > 200;
    String insurance = dice.chance(0.02) ? null
        : dice.chance((0.68 + 0.3 * need) * (aboveTwice ? 0.35 : 1)) ? "MEDICAID"
        : dice.pick(new String[] {"PRIVATE", "NONE", "TRICARE", "OTHER"}, 0.7, 0.12 + 0.2 * need, 0.04, 0.08);
    String education;
    Boolean inSchool;
    if (age < 20) {
      education = dice.chance(0.75) ? "LT_HS" : "HS_GED";
      inSchool = dice.chance(education.equals("LT_HS") ? 0.6 : 0.2);
    } else {
      education = dice.pick(new String[] {"LT_HS", "HS_GED", "SOME_COLLEGE", "DEGREE"},
          0.12 + 0.2 * need, 0.4, 0.25, 0.23 - 0.15 * need);
      inSchool = dice.chance(0.1);
    }
    if (dice.chance(0.03)) {
      education = null;
      inSchool = null;
    }
    Integer hours = dice.chance(0.05) ? null
        : dice.chance(0.5 - 0.25 * need - (age < 20 ? 0.15 : 0)) ? dice.pick(new Integer[] {12, 16, 20, 25, 30, 35, 40}, 1, 1, 2, 1, 2, 1, 3)
        : 0;
    String housing = dice.chance(0.03) ? null
        : dice.pick(new String[] {"STABLE", "UNSTABLE", "HOMELESS"}, 0.92 - 0.19 * need, 0.06 + 0.14 * need, 0.02 + 0.05 * need);
    Boolean tobacco = dice.chance(0.03) ? null : dice.chance(0.1 + 0.13 * need);
    double welfare = (0.05 + 0.2 * need) * (p.model == Model.CF ? 2 : 1);
    Boolean childWelfare = dice.chance(0.04) ? null : dice.chance(welfare);
    return new Circumstances(age, education, inSchool, hours, income, insurance, housing, tobacco, childWelfare);
  }
}
