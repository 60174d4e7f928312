package hv.measures;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every rule the night runs on a family, in code order: the 19 benchmarks and the 4 rate card outcomes. */
public final class Measures {

  public static final List<Measure> BENCHMARKS = List.of(
      new Pm01PretermBirth(),
      new Pm02Breastfeeding(),
      new Pm03DepressionScreening(),
      new Pm04WellChildVisit(),
      new Pm05PostpartumCare(),
      new Pm06TobaccoCessationReferral(),
      new Pm07SafeSleep(),
      new Pm08ChildInjury(),
      new Pm09ChildMaltreatment(),
      new Pm10ParentChildInteraction(),
      new Pm11EarlyLanguageLiteracy(),
      new Pm12DevelopmentalScreening(),
      new Pm13BehavioralConcerns(),
      new Pm14IpvScreening(),
      new Pm15CaregiverEducation(),
      new Pm16ContinuityOfInsurance(),
      new Pm17CompletedDepressionReferral(),
      new Pm18CompletedDevelopmentalReferral(),
      new Pm19IpvReferral());

  /** The Outcomes Rate Card's outcomes (SFY periods, episodes of any caregiver). */
  public static final List<Measure> RATE_CARD = List.of(
      new Rc1PriorityPopulation(),
      new Rc2PrenatalEnrollment(),
      new Rc3EducationTrainingEmployment(),
      new Rc4PrenatalPostpartumCare());

  /** Both, benchmarks first. */
  public static final List<Measure> ALL = Stream.concat(BENCHMARKS.stream(), RATE_CARD.stream()).toList();

  private Measures() {}

  public static Optional<Measure> byCode(String code) {
    return ALL.stream().filter(m -> m.code().equals(code)).findFirst();
  }
}
