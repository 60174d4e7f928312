package hv.generate;

/**
 * A caregiver's situation at enrollment (null = not recorded). The risk factors among them
 * really shift the odds of outcomes, which is what risk adjustment is meant to find.
 */
record Circumstances(int age, String education, Boolean inSchool, Integer employmentHours, Integer incomePctFpl,
                     String insurance, String housing, Boolean tobacco, Boolean childWelfare) {

  /** Typical sum of the risk weights below, so an average family has no shift. */
  private static final double AVERAGE_RISK = 0.63;

  /** Log-odds shift of good outcomes: negative for families with more risk factors. */
  double riskShift() {
    double risk = 0;
    risk += age < 20 ? 0.45 : 0;
    risk += "MEDICAID".equals(insurance) || "NONE".equals(insurance) ? 0.35 : 0;
    risk += incomePctFpl != null && incomePctFpl <= 100 ? 0.3 : 0;
    risk += Boolean.TRUE.equals(childWelfare) ? 0.4 : 0;
    risk += "UNSTABLE".equals(housing) || "HOMELESS".equals(housing) ? 0.5 : 0;
    return AVERAGE_RISK - risk;
  }

  boolean lowIncome() {
    return incomePctFpl != null && incomePctFpl <= 200;
  }
}
