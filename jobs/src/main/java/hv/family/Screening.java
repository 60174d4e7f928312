package hv.family;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A screenings row: a caregiver row (no child_id) or a child's row. */
public record Screening(String screeningId, String enrollmentId, String childId, String domain, String tool,
                        LocalDate screeningDate, BigDecimal score, String result) implements CountableRow {

  /** Valid screening of the domain: {@code domain} matches, {@code tool ≠ NOT_VALIDATED}, {@code result ≠ INCOMPLETE}. */
  public boolean isValid(String ofDomain) {
    return ofDomain.equals(domain) && !"NOT_VALIDATED".equals(tool) && !"INCOMPLETE".equals(result);
  }

  /** A valid screening of the domain with {@code result = POSITIVE}. */
  public boolean isPositive(String ofDomain) {
    return isValid(ofDomain) && "POSITIVE".equals(result);
  }

  @Override
  public LocalDate date() {
    return screeningDate;
  }

  @Override
  public String id() {
    return screeningId;
  }
}
