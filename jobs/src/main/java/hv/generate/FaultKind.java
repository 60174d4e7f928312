package hv.generate;

/** The classes of contract-breaking rows the generator mixes in (extract-contract.md, "Row-level problems"). */
public enum FaultKind {
  /** a required field left empty */
  MISSING_REQUIRED,
  /** a date that does not exist, such as 2026-02-30 */
  BAD_DATE,
  /** a number outside its column's range */
  OUT_OF_RANGE,
  /** a code not in its column's list */
  UNKNOWN_CODE,
  /** an id with characters ids may not have */
  MALFORMED_ID,
  /** two dates of one row in an impossible order (exit before enrollment, end before hire, ...) */
  DATE_ORDER,
  /** an event dated after the extract date */
  FUTURE_DATE,
  /** a value that looks like an e-mail address, phone number or social security number */
  IDENTIFIER_VALUE,
  /** one key twice in a file with different contents */
  CONFLICTING_DUPLICATE,
  /** a row sent twice, byte for byte (not a fault: a duplicate to skip) */
  EXACT_DUPLICATE,
  /** a reference to a parent record that never arrives */
  ORPHAN,
  /** a visit whose enrollment only arrives in the next extract */
  LATE_PARENT,
  /** an assessment value outside its item's list */
  ASSESSMENT_VALUE
}
