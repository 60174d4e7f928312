package hv.family;

import hv.time.Span;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A staff row: a staff member of a program (no family's row). */
public record Staff(String staffId, String programId, String role, BigDecimal fte, LocalDate hireDate,
                    LocalDate endDate) {

  /** The days employed: {@code [hire_date, end_date]}, open while employed. */
  public Span employed() {
    return Span.of(hireDate, endDate);
  }
}
