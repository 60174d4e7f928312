package hv.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random draws in the shapes the simulation needs; never wall-clock, so output is reproducible. */
final class Dice {

  private final SplittableRandom random;

  Dice(long seed) {
    this.random = new SplittableRandom(seed);
  }

  private Dice(SplittableRandom random) {
    this.random = random;
  }

  /** An independent stream, so one consumer drawing more or less does not shift another's draws. */
  Dice split() {
    return new Dice(random.split());
  }

  double uniform() {
    return random.nextDouble();
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** A yes/no outcome whose base probability is moved by a shift on the log-odds scale. */
  boolean odds(double baseRate, double logitShift) {
    return chance(shifted(baseRate, logitShift));
  }

  static double shifted(double baseRate, double logitShift) {
    double logit = Math.log(baseRate / (1 - baseRate)) + logitShift;
    return 1 / (1 + Math.exp(-logit));
  }

  /** Inclusive bounds. */
  int between(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  double normal(double mean, double sd) {
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** A positive delay with the given median, right-skewed like real waiting times. */
  int lognormalDays(double median, double spread) {
    return (int) Math.round(median * Math.exp(normal(0, spread)));
  }

  int poisson(double lambda) {
    double limit = Math.exp(-lambda);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= random.nextDouble();
      n++;
    }
    return n;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** One of {@code items}, chosen with the given relative weights. */
  <T> T pick(T[] items, double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < items.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return items[i];
      }
    }
    return items[items.length - 1];
  }

  /** A weekday on or after {@code date}: visits and screenings happen Monday to Friday. */
  static LocalDate weekday(LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    return d == DayOfWeek.SATURDAY ? date.plusDays(2) : d == DayOfWeek.SUNDAY ? date.plusDays(1) : date;
  }

  /** An entry time on {@code date} during working hours (UTC seconds). */
  long timeOn(LocalDate date) {
    return date.toEpochDay() * 86_400L + between(7 * 3600 + 1800, 22 * 3600 + 1800);
  }
}
