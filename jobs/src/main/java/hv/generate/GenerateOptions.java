package hv.generate;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What {@code bin/hv generate} asks for.
 *
 * @param out               inbox folder; one sub-folder per extract date is written under it
 * @param caregiversPerYear new primary enrollments a year, statewide
 * @param from              first day enrollments may start
 * @param to                date of the last extract
 * @param nightly           incremental extracts after the full one (the full one is dated {@code to - nightly})
 * @param faults            rate (0–1) of contract-breaking rows mixed into each file
 * @param refusal           how the last extract is broken so that ingest refuses it as a whole
 */
public record GenerateOptions(Path out, int caregiversPerYear, long seed, LocalDate from, LocalDate to,
                              int nightly, double faults, Refusal refusal) {

  public enum Refusal { NONE, MANIFEST_MISMATCH, IDENTIFIER_COLUMN, MISSING_REQUIRED_COLUMN, MISSING_FILE }

  public GenerateOptions {
    if (caregiversPerYear < 1) {
      throw new IllegalArgumentException("caregiversPerYear must be at least 1");
    }
    if (!from.isBefore(to.minusDays(nightly))) {
      throw new IllegalArgumentException("from must lie before the full extract date " + to.minusDays(nightly));
    }
    if (nightly < 0 || faults < 0 || faults > 1) {
      throw new IllegalArgumentException("nightly must be >= 0 and faults within 0..1");
    }
  }

  public static GenerateOptions defaults(Path out) {
    LocalDate to = LocalDate.of(2026, 11, 28);
    return new GenerateOptions(out, 3000, 42, to.minusYears(3), to, 7, 0, Refusal.NONE);
  }

  public GenerateOptions withCaregiversPerYear(int n) {
    return new GenerateOptions(out, n, seed, from, to, nightly, faults, refusal);
  }

  public GenerateOptions withSeed(long s) {
    return new GenerateOptions(out, caregiversPerYear, s, from, to, nightly, faults, refusal);
  }

  public GenerateOptions withOut(Path o) {
    return new GenerateOptions(o, caregiversPerYear, seed, from, to, nightly, faults, refusal);
  }

  public GenerateOptions withFaults(double rate, Refusal r) {
    return new GenerateOptions(out, caregiversPerYear, seed, from, to, nightly, rate, r);
  }

  /** Date of the first, full extract. */
  public LocalDate fullExtractDate() {
    return to.minusDays(nightly);
  }
}
