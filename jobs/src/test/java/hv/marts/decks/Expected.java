package hv.marts.decks;

/**
 * A case's result in one period, summed over its units: how many are in the denominator,
 * their numerator, how many are missing. Written {@code out} (nothing counted),
 * {@code missing} (one missing unit), {@code in:K} (one unit in the denominator with
 * numerator K), or {@code den=a,num=b,miss=c} for several units.
 */
public record Expected(long denominator, long numerator, long missing) {

  public static final Expected OUT = new Expected(0, 0, 0);

  public static Expected parse(String text) {
    String t = text.trim();
    if (t.equals("out")) {
      return OUT;
    }
    if (t.equals("missing")) {
      return new Expected(0, 0, 1);
    }
    if (t.startsWith("in:")) {
      return new Expected(1, Long.parseLong(t.substring(3)), 0);
    }
    long den = 0, num = 0, miss = 0;
    for (String part : t.split(",")) {
      String[] kv = part.split("=");
      if (kv.length != 2) {
        throw new IllegalArgumentException("bad expectation '" + text + "'");
      }
      long v = Long.parseLong(kv[1].trim());
      switch (kv[0].trim()) {
        case "den" -> den = v;
        case "num" -> num = v;
        case "miss" -> miss = v;
        default -> throw new IllegalArgumentException("bad expectation '" + text + "'");
      }
    }
    return new Expected(den, num, miss);
  }

  @Override
  public String toString() {
    return "den=" + denominator + ",num=" + numerator + ",miss=" + missing;
  }
}
