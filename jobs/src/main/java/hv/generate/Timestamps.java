package hv.generate;

import java.time.LocalDate;

/** ISO-8601 UTC timestamps ({@code 2026-11-21T23:04:11Z}) from epoch seconds, without java.time's general formatter (it dominated generation time). */
final class Timestamps {

  private Timestamps() {}

  static String format(long epochSecond) {
    long day = Math.floorDiv(epochSecond, 86_400L);
    int second = (int) Math.floorMod(epochSecond, 86_400L);
    StringBuilder s = new StringBuilder(20).append(LocalDate.ofEpochDay(day)).append('T');
    twoDigits(s, second / 3600).append(':');
    twoDigits(s, second / 60 % 60).append(':');
    return twoDigits(s, second % 60).append('Z').toString();
  }

  private static StringBuilder twoDigits(StringBuilder s, int n) {
    return s.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
  }
}
