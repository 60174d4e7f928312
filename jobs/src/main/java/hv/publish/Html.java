package hv.publish;

import java.util.Locale;

/** Text and number formatting of report.html: every text goes through {@link #esc}, every count through {@link #count}. */
final class Html {

  private Html() {}

  /** Escapes text for element content and quoted attribute values. */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A published count, marked so that a reader (and the report's test) can tell counts from other numbers. */
  static String count(long n) {
    return "<span class=\"count\">" + String.format(Locale.ROOT, "%,d", n) + "</span>";
  }

  /** The same count inside SVG text. */
  static String svgCount(long n) {
    return "<tspan class=\"count\">" + String.format(Locale.ROOT, "%,d", n) + "</tspan>";
  }

  /** A rate as a percentage, or for a rate per unit (PM08) as a plain number. */
  static String rate(double value, boolean perUnit) {
    double rate = Math.abs(value) < 1e-9 ? 0 : value; // no "-0.0%" from an interval's rounding
    return perUnit ? String.format(Locale.ROOT, "%.3f", rate) : String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  /** An SVG coordinate. */
  static String xy(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
