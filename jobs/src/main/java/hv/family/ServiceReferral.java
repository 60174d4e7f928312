package hv.family;

import java.time.LocalDate;

/** A service_referrals row: a caregiver row (no child_id) or a child's row. */
public record ServiceReferral(String referralId, String enrollmentId, String childId, String service,
                              LocalDate referralDate, LocalDate firstServiceDate) implements CountableRow {

  @Override
  public LocalDate date() {
    return referralDate;
  }

  @Override
  public String id() {
    return referralId;
  }
}
