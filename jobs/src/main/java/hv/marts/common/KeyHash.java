package hv.marts.common;

import java.util.Objects;

/**
 * A hash code for the keys that sum a partition's rows in plain Java. A record's own hash adds
 * its parts' hashes times 31, as a string's hash adds its characters: keys of ids and codes that
 * differ in their digits (P001 with PM04, P032 with PM03) then share a hash so often that the
 * map's buckets become trees searched through (the family pass spent most of its time there).
 * Each part's hash is multiplied by a large odd constant instead, which spreads them.
 */
public final class KeyHash {

  private KeyHash() {}

  public static int of(Object... parts) {
    int h = 0;
    for (Object part : parts) {
      h = (h ^ Objects.hashCode(part)) * 0x9E3779B1;
    }
    return h ^ (h >>> 16);
  }
}
