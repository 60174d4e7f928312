package hv.family;

/**
 * The core tables a family holds, and how a row of each finds its family (the caregiver who
 * owns it): a caregiver or enrollment by its caregiver_id; a child or visit through its
 * episode; a screening, referral, event or answer through its child when it has a child_id
 * (a child's rows are those carrying its id), else through its episode (a caregiver row); an
 * intake referral through the episode it names (one naming none belongs to no family).
 * Rows of a unit's other family can never count for it, so the caregiver is a sufficient key.
 */
public enum FamilyTable {
  CAREGIVERS("caregivers", Owner.CAREGIVER),
  ENROLLMENTS("enrollments", Owner.CAREGIVER),
  CHILDREN("children", Owner.EPISODE),
  HOME_VISITS("home_visits", Owner.EPISODE),
  SCREENINGS("screenings", Owner.CHILD_OR_EPISODE),
  SERVICE_REFERRALS("service_referrals", Owner.CHILD_OR_EPISODE),
  HEALTH_EVENTS("health_events", Owner.CHILD_OR_EPISODE),
  ASSESSMENTS("assessments", Owner.CHILD_OR_EPISODE),
  INTAKE_REFERRALS("intake_referrals", Owner.EPISODE);

  /** Whose row it is. */
  public enum Owner { CAREGIVER, EPISODE, CHILD_OR_EPISODE }

  /** Prefix of an owner key naming an episode (enrollment_id) or a child (child_id). */
  public static final String EPISODE_KEY = "episode:";
  public static final String CHILD_KEY = "child:";

  private final String table;
  private final Owner owner;

  FamilyTable(String table, Owner owner) {
    this.table = table;
    this.owner = owner;
  }

  /** The core table's name. */
  public String table() {
    return table;
  }

  public Owner owner() {
    return owner;
  }
}
