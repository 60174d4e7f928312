package hv.generate;

/**
 * The five evidence-based models and what differs between them in practice: caseload per
 * home visitor, whom they enroll, how long families stay and how often they are visited.
 */
enum Model {
  //   slots prenatal  child age at enrollment (months)  complete at  cadence: {months since enrollment, visits/month}  minutes  interaction tool
  CF(12, 0.05, 6, 60, Completion.ENROLLMENT_MONTHS, 10, new int[][] {{0, 4}, {6, 2}}, 60, "PICCOLO"),
  EHS(12, 0.30, 0, 30, Completion.CHILD_AGE_MONTHS, 36, new int[][] {{0, 4}}, 90, "PICCOLO"),
  HFA(12, 0.50, 0, 3, Completion.CHILD_AGE_MONTHS, 42, new int[][] {{0, 4}, {6, 2}, {18, 1}}, 60, "KIPS"),
  NFP(25, 0.96, 0, 1, Completion.CHILD_AGE_MONTHS, 24, new int[][] {{0, 4}, {1, 2}, {18, 1}}, 75, "NCAST"),
  PAT(12, 0.35, 0, 36, Completion.CHILD_AGE_MONTHS, 48, new int[][] {{0, 2}, {12, 1}}, 60, "PICCOLO");

  enum Completion { CHILD_AGE_MONTHS, ENROLLMENT_MONTHS }

  /** Standing family slots of a fully trained 1.0 FTE home visitor (policy manual). */
  final int slotsPerFte;
  final double prenatalShare;
  final int minChildMonths;
  final int maxChildMonths;
  final Completion completion;
  final int completionMonths;
  private final int[][] cadence;
  final int visitMinutes;
  final String interactionTool;

  Model(int slotsPerFte, double prenatalShare, int minChildMonths, int maxChildMonths, Completion completion,
        int completionMonths, int[][] cadence, int visitMinutes, String interactionTool) {
    this.slotsPerFte = slotsPerFte;
    this.prenatalShare = prenatalShare;
    this.minChildMonths = minChildMonths;
    this.maxChildMonths = maxChildMonths;
    this.completion = completion;
    this.completionMonths = completionMonths;
    this.cadence = cadence;
    this.visitMinutes = visitMinutes;
    this.interactionTool = interactionTool;
  }

  /** Planned visits a month after {@code monthsEnrolled} full months: weekly early on, less often later. */
  int visitsPerMonth(int monthsEnrolled) {
    int perMonth = cadence[0][1];
    for (int[] step : cadence) {
      if (monthsEnrolled >= step[0]) {
        perMonth = step[1];
      }
    }
    return perMonth;
  }

  /** Months since enrollment at which the planned visit frequency changes. */
  int[] cadenceChanges() {
    int[] months = new int[cadence.length - 1];
    for (int i = 1; i < cadence.length; i++) {
      months[i - 1] = cadence[i][0];
    }
    return months;
  }
}
