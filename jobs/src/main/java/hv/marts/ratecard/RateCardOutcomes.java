package hv.marts.ratecard;

import hv.marts.ratecard.outcomes.Rc1PriorityPopulation;
import hv.marts.ratecard.outcomes.Rc2PrenatalEnrollment;
import hv.marts.ratecard.outcomes.Rc3EducationTrainingEmployment;
import hv.marts.ratecard.outcomes.Rc4PrenatalPostpartumCare;
import java.util.List;
import java.util.Optional;

/** The outcomes the state pays for, in code order. */
public final class RateCardOutcomes {

  public static final List<Outcome> ALL = List.of(
      new Rc1PriorityPopulation(),
      new Rc2PrenatalEnrollment(),
      new Rc3EducationTrainingEmployment(),
      new Rc4PrenatalPostpartumCare());

  private RateCardOutcomes() {}

  public static Optional<Outcome> byCode(String code) {
    return ALL.stream().filter(o -> o.code().equals(code)).findFirst();
  }
}
