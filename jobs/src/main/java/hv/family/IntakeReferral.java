package hv.family;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * An intake_referrals row: a referral received by a program, enrolled or not. One that carries
 * an enrollment_id belongs to that episode's family; the others belong to no family.
 */
public record IntakeReferral(String intakeId, String programId, LocalDate referralDate, String referralSource,
                             LocalDate screenedDate, String outcome, String enrollmentId, String priorityFlags) {

  /** At least one priority flag: {@code priority_flags} names a code (';'-separated, empty parts ignored). */
  public boolean hasPriorityFlag() {
    return priorityFlags != null && Arrays.stream(priorityFlags.split(";")).anyMatch(flag -> !flag.isEmpty());
  }
}
