package hv.measures;

import java.util.List;
import java.util.Optional;

/** The measures ported to the family pass so far, in code order: the 19 benchmarks (the rate card still runs as DataFrame code). */
public final class Measures {

  public static final List<Measure> PORTED = List.of(
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

  private Measures() {}

  public static Optional<Measure> byCode(String code) {
    return PORTED.stream().filter(m -> m.code().equals(code)).findFirst();
  }
}
