package hv.indicators;

import hv.family.Family;
import hv.family.IntakeReferral;
import hv.time.RunPeriods;
import java.util.ArrayList;
import java.util.List;

/**
 * The service delivery indicators of measures.md as plain-Java rules: those counted on
 * families, those counted on intake referrals, and caseload's slots counted on staff rows
 * ({@link CaseloadUtilization#slots}).
 * Each rule's facts roll up to {@code marts.service_delivery} in one aggregation
 * ({@link hv.marts.evaluation.ServiceDelivery#rollUp}).
 */
public final class Indicators {

  public static final List<FamilyIndicator> OF_FAMILIES = List.of(
      new CaseloadUtilization(),
      new ScreeningToConsent(),
      new ConsentToFirstVisit(),
      new SixMonthRetention(),
      new Dosage(),
      new VisitCompletion(),
      new DataTimeliness());

  public static final List<IntakeIndicator> OF_INTAKE_REFERRALS = List.of(
      new Waitlist(),
      new PriorityPopulationReach());

  private Indicators() {}

  /** Every family indicator's facts of one family. */
  public static List<Fact> of(Family family, RunPeriods periods) {
    List<Fact> facts = new ArrayList<>();
    OF_FAMILIES.forEach(i -> facts.addAll(i.facts(family, periods)));
    return facts;
  }

  /** Every intake indicator's facts of one intake referral. */
  public static List<Fact> of(IntakeReferral referral, RunPeriods periods) {
    List<Fact> facts = new ArrayList<>();
    OF_INTAKE_REFERRALS.forEach(i -> facts.addAll(i.facts(referral, periods)));
    return facts;
  }
}
