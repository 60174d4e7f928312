package hv.marts.benchmarks;

import hv.marts.benchmarks.measures.Pm01PretermBirth;
import hv.marts.benchmarks.measures.Pm02Breastfeeding;
import hv.marts.benchmarks.measures.Pm03DepressionScreening;
import hv.marts.benchmarks.measures.Pm04WellChildVisit;
import hv.marts.benchmarks.measures.Pm05PostpartumCare;
import hv.marts.benchmarks.measures.Pm06TobaccoCessationReferral;
import hv.marts.benchmarks.measures.Pm07SafeSleep;
import hv.marts.benchmarks.measures.Pm08ChildInjury;
import hv.marts.benchmarks.measures.Pm09ChildMaltreatment;
import hv.marts.benchmarks.measures.Pm10ParentChildInteraction;
import hv.marts.benchmarks.measures.Pm11EarlyLanguageLiteracy;
import hv.marts.benchmarks.measures.Pm12DevelopmentalScreening;
import hv.marts.benchmarks.measures.Pm13BehavioralConcerns;
import hv.marts.benchmarks.measures.Pm14IpvScreening;
import hv.marts.benchmarks.measures.Pm15CaregiverEducation;
import hv.marts.benchmarks.measures.Pm16ContinuityOfInsurance;
import hv.marts.benchmarks.measures.Pm17CompletedDepressionReferral;
import hv.marts.benchmarks.measures.Pm18CompletedDevelopmentalReferral;
import hv.marts.benchmarks.measures.Pm19IpvReferral;
import java.util.List;
import java.util.Optional;

/** The measures a run computes, in code order. */
public final class BenchmarkMeasures {

  public static final List<Measure> ALL = List.of(
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
      new Pm19IpvReferral()
  );

  private BenchmarkMeasures() {}

  public static Optional<Measure> byCode(String code) {
    return ALL.stream().filter(m -> m.code().equals(code)).findFirst();
  }
}
