package hv.quality;

import hv.family.Family;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The data quality checks of measures.md and docs/evaluation-decisions.md as plain-Java rules:
 * those over one family (dual enrollment per caregiver, disengagement per episode, late entry
 * per visit) and the quarantine's ({@link Quarantined}, per ops.quarantine row).
 */
public final class Checks {

  public static final List<FamilyCheck> OF_FAMILIES = List.of(
      new DualEnrollment(),
      new DisengagementOverdue(),
      new LateDataEntry());

  private Checks() {}

  /** Every family check's items of one family. */
  public static List<Item> of(Family family, LocalDate asOf) {
    List<Item> items = new ArrayList<>();
    OF_FAMILIES.forEach(c -> items.addAll(c.items(family, asOf)));
    return items;
  }
}
