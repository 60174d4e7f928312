package hv.marts.common;

import java.util.Objects;

/**
 * A hash code for the keys that sum a partition's rows in plain Java. A record's own hash adds
 * its parts' hashes times 31, as a string's hash adds its characters, so keys of ids and codes
 * that differ in their digits share hashes: of a 3,000/yr night's 170,367 result keys, 79,124
 * distinct record hashes (docs/scale-decisions.md, session 19). Each part's hash is multiplied
 * by a large odd constant instead (170,360 distinct).
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
