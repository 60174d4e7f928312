package hv.raw;

/**
 * A whole extract refused (exit status 3): broken transfer, missing file, bytes that are not
 * UTF-8, a header column named twice or not at all, identifier column, missing required column.
 * The message names the extract, file and column or line, never a value.
 */
public final class ExtractRefused extends RuntimeException {

  private final String extractDate;

  public ExtractRefused(String extractDate, String message) {
    super("extract " + extractDate + " refused: " + message);
    this.extractDate = extractDate;
  }

  public String extractDate() {
    return extractDate;
  }
}
