package hv.marts.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.marts.evaluation.RiskRegression.Cell;
import hv.marts.evaluation.RiskRegression.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The risk model's fit of one group, without Spark, against what a maximum likelihood fit
 * must give: a saturated model's probabilities are the cells' own rates; a logistic model
 * with an intercept and one-hot factors fits every level's expected count to its observed
 * count (its score equations, which only the maximum satisfies); and the statuses.
 */
class RiskRegressionTest {

  private static Cell cell(long units, long successes, String... levels) {
    return new Cell(List.of(levels), units, successes);
  }

  @Test
  void oneFactorIsSaturatedSoEachCellsProbabilityIsItsRate() {
    List<Cell> cells = List.of(cell(40, 10, "A"), cell(50, 30, "B"), cell(20, 5, "C"), cell(17, 16, "D"));
    RiskRegression model = RiskRegression.fit(cells);
    assertEquals(Status.FITTED, model.status());
    assertEquals(127, model.units());
    for (Cell c : cells) {
      assertEquals((double) c.successes() / c.units(), model.expectedProbability(c), 1e-12, c.toString());
    }
  }

  @Test
  void twoFactorsFitEveryLevelsExpectedToItsObserved() {
    List<Cell> cells = simulated(new Random(7), 3, 4, 40);
    RiskRegression model = RiskRegression.fit(cells);
    assertEquals(Status.FITTED, model.status());
    assertScoreEquations(model, cells);
    // not saturated (3 + 4 − 1 parameters for 12 cells): the probabilities are not the rates
    assertTrue(cells.stream().anyMatch(c -> Math.abs(model.expectedProbability(c) - c.rate()) > 1e-3));
  }

  @Test
  void tooFewUnitsBelowThirty() {
    assertEquals(Status.TOO_FEW_UNITS, RiskRegression.fit(List.of(cell(14, 7, "A"), cell(15, 3, "B"))).status());
    RiskRegression thirty = RiskRegression.fit(List.of(cell(15, 7, "A"), cell(15, 3, "B")));
    assertEquals(Status.FITTED, thirty.status());
    assertEquals(30, thirty.units());
  }

  @Test
  void noVariationWhenEveryUnitIsNoOrEveryUnitIsYes() {
    assertEquals(Status.NO_VARIATION, RiskRegression.fit(List.of(cell(20, 0, "A"), cell(20, 0, "B"))).status());
    assertEquals(Status.NO_VARIATION, RiskRegression.fit(List.of(cell(20, 20, "A"), cell(20, 20, "B"))).status());
  }

  /**
   * Race X has no yes: its cells are settled at 0. Without them, HOMELESS is all yes (its only
   * no were X's): settled at 1 in a second pass. What is left (race W, STABLE and UNSTABLE) is
   * saturated: the cells' rates.
   */
  @Test
  void levelsWithoutVariationAreSettledAtTheirRateRepeatedly() {
    Cell xHomeless = cell(5, 0, "X", "HOMELESS");
    Cell xStable = cell(10, 0, "X", "STABLE");
    Cell wHomeless = cell(10, 10, "W", "HOMELESS");
    Cell wStable = cell(40, 15, "W", "STABLE");
    Cell wUnstable = cell(30, 20, "W", "UNSTABLE");
    RiskRegression model = RiskRegression.fit(List.of(xHomeless, xStable, wHomeless, wStable, wUnstable));
    assertEquals(Status.FITTED, model.status());
    assertEquals(List.of(Set.of("X"), Set.of("HOMELESS")), model.levelsWithoutVariation());
    assertEquals(0.0, model.expectedProbability(xHomeless));
    assertEquals(0.0, model.expectedProbability(xStable));
    assertEquals(1.0, model.expectedProbability(wHomeless));
    assertEquals(15.0 / 40, model.expectedProbability(wStable), 1e-12);
    assertEquals(20.0 / 30, model.expectedProbability(wUnstable), 1e-12);
  }

  /** Insurance OTHER occurs only with race N and N only with OTHER: two identical columns, one left out. */
  @Test
  void aliasedLevelsFitAsOne() {
    List<Cell> cells = new ArrayList<>(simulated(new Random(11), 2, 2, 60));
    cells.add(cell(25, 9, "N", "OTHER"));
    RiskRegression model = RiskRegression.fit(cells);
    assertEquals(Status.FITTED, model.status());
    assertScoreEquations(model, cells);
    // the aliased cell is the only one of its levels: its probability is its rate
    assertEquals(9.0 / 25, model.expectedProbability(cells.get(cells.size() - 1)), 1e-9);
  }

  /**
   * a1·b1 all yes and a2·b2 all no, the other two cells half: no level is without variation,
   * but the maximum is only approached (a1·b1 → 1, a2·b2 → 0, the others at their rates) as
   * the coefficients run off. The fit goes that way and Σ expected = Σ observed holds.
   */
  @Test
  void separationByTwoFactorsApproachesItsLimit() {
    List<Cell> cells = List.of(cell(10, 10, "a1", "b1"), cell(10, 5, "a1", "b2"), cell(10, 5, "a2", "b1"),
        cell(10, 0, "a2", "b2"));
    RiskRegression model = RiskRegression.fit(cells);
    assertEquals(Status.FITTED, model.status());
    double[] limit = {1, 0.5, 0.5, 0};
    for (int i = 0; i < cells.size(); i++) {
      assertEquals(limit[i], model.expectedProbability(cells.get(i)), 1e-6, cells.get(i).toString());
    }
  }

  /**
   * Yes exactly when two of three factors are 1: every level has yes and no, but the cells are
   * separated completely (η = a + b + c − 1.5 times anything). The coefficients run to hundreds,
   * opposite ways; the cells' probabilities go to their rates, 0 or 1, and the fit is reported.
   */
  @Test
  void completeSeparationByThreeFactorsApproachesTheRates() {
    List<Cell> cells = new ArrayList<>();
    for (int combination = 0; combination < 8; combination++) {
      int ones = Integer.bitCount(combination);
      cells.add(cell(5 + combination, ones >= 2 ? 5 + combination : 0,
          "a" + (combination & 1), "b" + (combination >> 1 & 1), "c" + (combination >> 2 & 1)));
    }
    RiskRegression model = RiskRegression.fit(cells);
    assertEquals(Status.FITTED, model.status());
    assertEquals(List.of(Set.of(), Set.of(), Set.of()), model.levelsWithoutVariation());
    for (Cell c : cells) {
      assertEquals(c.rate(), model.expectedProbability(c), 1e-6, c.toString());
    }
  }

  @Test
  void theSameCellsInAnyOrderGiveTheSameBits() {
    List<Cell> cells = new ArrayList<>(simulated(new Random(3), 4, 3, 25));
    RiskRegression model = RiskRegression.fit(cells);
    Collections.shuffle(cells, new Random(1));
    RiskRegression shuffled = RiskRegression.fit(cells);
    for (Cell c : cells) {
      assertEquals(model.expectedProbability(c), shuffled.expectedProbability(c), 0.0, c.toString());
    }
  }

  /** Cells of two factors (a levels × b levels), units per cell about n, from an additive logit. */
  private static List<Cell> simulated(Random random, int a, int b, int n) {
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < a; i++) {
      for (int j = 0; j < b; j++) {
        int units = n / 2 + random.nextInt(n);
        double p = 1 / (1 + Math.exp(-(-0.3 + 0.5 * i - 0.4 * j)));
        int successes = 0;
        for (int u = 0; u < units; u++) {
          successes += random.nextDouble() < p ? 1 : 0;
        }
        cells.add(cell(units, successes, "a" + i, "b" + j));
      }
    }
    return cells;
  }

  /** Per factor level: Σ units × probability = Σ successes. */
  private static void assertScoreEquations(RiskRegression model, List<Cell> cells) {
    int factors = cells.get(0).levels().size();
    for (int f = 0; f < factors; f++) {
      TreeMap<String, double[]> sums = new TreeMap<>();
      for (Cell c : cells) {
        double[] s = sums.computeIfAbsent(c.levels().get(f), x -> new double[2]);
        s[0] += c.units() * model.expectedProbability(c);
        s[1] += c.successes();
      }
      sums.forEach((level, s) -> assertEquals(s[1], s[0], 1e-9, "level " + level + ": Σ expected = Σ observed"));
    }
  }
}
