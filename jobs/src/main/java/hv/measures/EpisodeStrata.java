package hv.measures;

import hv.family.Caregiver;
import hv.family.Enrollment;
import hv.family.Episode;
import java.util.Arrays;
import java.util.List;

/**
 * The family characteristics every rate is broken down by (measures.md "Strata") of one
 * episode, in plain Java: the caregiver's race and origin as currently recorded, the rest at
 * enrollment. Child and visit units take their episode's strata. The level texts are those of
 * the tables; an unknown value is its own level {@value #UNKNOWN}.
 */
public record EpisodeStrata(String race, String ethnicity, String ageGroup, String insurance, String income,
                            String childWelfare) {

  /** The dimensions, named as in the tables, in the order of {@link #values}. */
  public static final List<String> DIMENSIONS =
      List.of("race", "ethnicity", "age_group", "insurance", "income", "child_welfare");
  public static final String UNKNOWN = "UNKNOWN";

  public static EpisodeStrata of(Episode e) {
    Caregiver c = e.caregiver();
    Enrollment en = e.enrollment();
    return new EpisodeStrata(race(c.race()), ethnicity(c.hispanicOrigin(), c.hispanic()),
        ageGroup(en.ageAtEnrollment()), insurance(en.insuranceAtEnrollment()), income(en.incomePctFpl()),
        yesNo(en.childWelfareInvolvement()));
  }

  /** The levels in the order of {@link #DIMENSIONS}. */
  public List<String> values() {
    return List.of(race, ethnicity, ageGroup, insurance, income, childWelfare);
  }

  /** Race codes are a set (';'-separated): none → UNKNOWN, two or more different → MULTIRACIAL. */
  static String race(String codes) {
    List<String> distinct = codes == null ? List.of()
        : Arrays.stream(codes.split(";", -1)).filter(code -> !code.isEmpty()).distinct().toList();
    return distinct.isEmpty() ? UNKNOWN : distinct.size() > 1 ? "MULTIRACIAL" : distinct.get(0);
  }

  /** PUERTO_RICAN by origin (as in RC1), else by the hispanic flag. */
  static String ethnicity(String hispanicOrigin, Boolean hispanic) {
    if ("PUERTO_RICAN".equals(hispanicOrigin)) {
      return "PUERTO_RICAN";
    }
    return hispanic == null ? UNKNOWN : hispanic ? "OTHER_HISPANIC" : "NOT_HISPANIC";
  }

  static String ageGroup(Integer age) {
    if (age == null) {
      return UNKNOWN;
    }
    return age < 20 ? "UNDER_20" : age <= 24 ? "20_24" : age <= 34 ? "25_34" : "35_PLUS";
  }

  static String insurance(String code) {
    if (code == null) {
      return UNKNOWN;
    }
    return switch (code) {
      case "MEDICAID", "PRIVATE", "NONE" -> code;
      case "TRICARE", "OTHER" -> "OTHER";
      default -> UNKNOWN;
    };
  }

  static String income(Integer pctFpl) {
    if (pctFpl == null) {
      return UNKNOWN;
    }
    return pctFpl <= 100 ? "AT_OR_BELOW_100_FPL" : pctFpl <= 200 ? "101_200_FPL" : "ABOVE_200_FPL";
  }

  static String yesNo(Boolean flag) {
    return flag == null ? UNKNOWN : flag ? "Y" : "N";
  }
}
