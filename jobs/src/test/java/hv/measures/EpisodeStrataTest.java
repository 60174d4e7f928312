package hv.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hv.family.Caregiver;
import hv.family.Enrollment;
import hv.family.Episode;
import hv.family.Family;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strata and risk factors of an episode (measures.md "Strata"), one case per boundary of each rule. */
class EpisodeStrataTest {

  private static Episode episode(String race, Boolean hispanic, String origin, Integer age, String insurance,
                                 Integer pctFpl, Boolean childWelfare, boolean pregnant, String housing) {
    Caregiver caregiver = new Caregiver("G1", "F", "MOTHER", race, hispanic, origin, "EN");
    Enrollment enrollment = new Enrollment("E1", "G1", "P1", "S1", true, null, null, LocalDate.parse("2025-10-01"),
        null, null, age, pregnant, null, null, null, null, pctFpl, insurance, housing, null, childWelfare, null);
    return Family.of(caregiver, List.of(enrollment), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of())
        .episodes().get(0);
  }

  private static EpisodeStrata strata(String race, Boolean hispanic, String origin, Integer age, String insurance,
                                      Integer pctFpl, Boolean childWelfare) {
    return EpisodeStrata.of(episode(race, hispanic, origin, age, insurance, pctFpl, childWelfare, false, null));
  }

  @Test
  void raceIsASetOfCodes() {
    assertEquals("WHITE", EpisodeStrata.race("WHITE"));
    assertEquals("WHITE", EpisodeStrata.race("WHITE;WHITE"), "the same code twice is one race");
    assertEquals("WHITE", EpisodeStrata.race(";WHITE;"), "empty codes are not races");
    assertEquals("MULTIRACIAL", EpisodeStrata.race("WHITE;BLACK"));
    assertEquals("UNKNOWN", EpisodeStrata.race(null));
    assertEquals("UNKNOWN", EpisodeStrata.race(""));
    assertEquals("UNKNOWN", EpisodeStrata.race(";"));
  }

  @Test
  void ethnicityPuertoRicanByOriginElseByTheFlag() {
    assertEquals("PUERTO_RICAN", EpisodeStrata.ethnicity("PUERTO_RICAN", true));
    assertEquals("PUERTO_RICAN", EpisodeStrata.ethnicity("PUERTO_RICAN", null), "origin before the flag");
    assertEquals("OTHER_HISPANIC", EpisodeStrata.ethnicity("MEXICAN", true));
    assertEquals("OTHER_HISPANIC", EpisodeStrata.ethnicity(null, true));
    assertEquals("NOT_HISPANIC", EpisodeStrata.ethnicity(null, false));
    assertEquals("UNKNOWN", EpisodeStrata.ethnicity(null, null));
  }

  @Test
  void ageGroupsAtTheirBoundaries() {
    assertEquals("UNDER_20", EpisodeStrata.ageGroup(19));
    assertEquals("20_24", EpisodeStrata.ageGroup(20));
    assertEquals("20_24", EpisodeStrata.ageGroup(24));
    assertEquals("25_34", EpisodeStrata.ageGroup(25));
    assertEquals("25_34", EpisodeStrata.ageGroup(34));
    assertEquals("35_PLUS", EpisodeStrata.ageGroup(35));
    assertEquals("UNKNOWN", EpisodeStrata.ageGroup(null));
  }

  @Test
  void insuranceTricareAndOtherAreOther() {
    assertEquals("MEDICAID", EpisodeStrata.insurance("MEDICAID"));
    assertEquals("PRIVATE", EpisodeStrata.insurance("PRIVATE"));
    assertEquals("NONE", EpisodeStrata.insurance("NONE"));
    assertEquals("OTHER", EpisodeStrata.insurance("TRICARE"));
    assertEquals("OTHER", EpisodeStrata.insurance("OTHER"));
    assertEquals("UNKNOWN", EpisodeStrata.insurance(null));
  }

  @Test
  void incomeBandsAtTheirBoundaries() {
    assertEquals("AT_OR_BELOW_100_FPL", EpisodeStrata.income(0));
    assertEquals("AT_OR_BELOW_100_FPL", EpisodeStrata.income(100));
    assertEquals("101_200_FPL", EpisodeStrata.income(101));
    assertEquals("101_200_FPL", EpisodeStrata.income(200));
    assertEquals("ABOVE_200_FPL", EpisodeStrata.income(201));
    assertEquals("UNKNOWN", EpisodeStrata.income(null));
  }

  @Test
  void anEpisodesStrataTakeTheCaregiverAsRecordedAndTheRestAtEnrollment() {
    assertEquals(new EpisodeStrata("MULTIRACIAL", "PUERTO_RICAN", "20_24", "OTHER", "101_200_FPL", "Y"),
        strata("WHITE;ASIAN", true, "PUERTO_RICAN", 24, "TRICARE", 101, true));
    assertEquals(List.of("UNKNOWN", "UNKNOWN", "UNKNOWN", "UNKNOWN", "UNKNOWN", "UNKNOWN"),
        strata(null, null, null, null, null, null, null).values());
    assertEquals(EpisodeStrata.DIMENSIONS.size(), strata(null, null, null, null, null, null, null).values().size());
  }

  @Test
  void riskFactorsAreTheStrataWithPregnancyAndHousing() {
    EpisodeRiskFactors pregnant = EpisodeRiskFactors.of(episode("BLACK", false, null, 19, "MEDICAID", 100, false,
        true, "HOMELESS"));
    assertEquals(List.of("BLACK", "NOT_HISPANIC", "UNDER_20", "MEDICAID", "AT_OR_BELOW_100_FPL", "N", "Y", "HOMELESS"),
        pregnant.values());
    EpisodeRiskFactors unknownHousing = EpisodeRiskFactors.of(episode("BLACK", false, null, 35, "NONE", 201, null,
        false, null));
    assertEquals(List.of("BLACK", "NOT_HISPANIC", "35_PLUS", "NONE", "ABOVE_200_FPL", "UNKNOWN", "N", "UNKNOWN"),
        unknownHousing.values());
    assertEquals(EpisodeRiskFactors.NAMES.size(), unknownHousing.values().size());
  }
}
