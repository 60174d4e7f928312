package hv.marts.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RRQRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The risk model of one code and period, in plain Java: a logistic regression of the unit
 * result (yes/no) on one-hot factors with an intercept, unpenalized, fitted by maximum
 * likelihood on the group's cells (one per combination of factor levels that has units: the
 * units' likelihood, from far fewer rows). docs/evaluation-decisions.md, "Risk model".
 *
 * <p>In order: the statuses before a fit ({@link Status#TOO_FEW_UNITS},
 * {@link Status#NO_VARIATION}); levels without variation settled at their rate; the rest fitted
 * by Newton's method (iteratively reweighted least squares) on a full-rank design; then the
 * check Σ expected = Σ observed ({@link Status#NOT_CONVERGED} when it fails). The cells are
 * taken in the order of their levels, and the fit's functions are StrictMath's, so the same
 * cells give the same coefficients, to the bit, in any order and on any machine.
 */
public final class RiskRegression {

  public static final int MIN_UNITS = 30;
  /** Σ expected may differ from Σ observed by this share of Σ observed (at least 1), else not converged. */
  public static final double CONVERGENCE_TOLERANCE = 1e-3;
  /** Newton's steps at most; it takes a handful. */
  public static final int MAX_ITERATIONS = 100;
  /** Newton stops when the log-likelihood still to gain (half the Newton decrement) is below this share of it. */
  static final double GAIN_TOLERANCE = 1e-13;
  /** A design column whose pivot in the rank-revealing QR is below this share of the largest is aliased. */
  static final double ALIASING_TOLERANCE = 1e-9;

  /** Model status of a code and period. */
  public enum Status { FITTED, TOO_FEW_UNITS, NO_VARIATION, NOT_CONVERGED }

  /** The units of one combination of factor levels (in the factors' order) and how many are yes. */
  public record Cell(List<String> levels, long units, long successes) {

    /** The observed rate, as Spark divides: successes as a double over units. */
    public double rate() {
      return (double) successes / units;
    }
  }

  private static final Comparator<List<String>> LEVELS_ORDER = (a, b) -> {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  };

  private final Status status;
  private final long units;
  private final double intercept;
  private final List<Map<String, Double>> coefficients;
  private final List<Set<String>> withoutVariation;

  private RiskRegression(Status status, long units, double intercept, List<Map<String, Double>> coefficients,
                         List<Set<String>> withoutVariation) {
    this.status = status;
    this.units = units;
    this.intercept = intercept;
    this.coefficients = coefficients;
    this.withoutVariation = withoutVariation;
  }

  /** @param cells the group's cells, each combination of levels once, all with the same number of factors */
  public static RiskRegression fit(List<Cell> cells) {
    long units = cells.stream().mapToLong(Cell::units).sum();
    long successes = cells.stream().mapToLong(Cell::successes).sum();
    if (units < MIN_UNITS) {
      return new RiskRegression(Status.TOO_FEW_UNITS, units, Double.NaN, List.of(), List.of());
    }
    if (successes == 0 || successes == units) {
      return new RiskRegression(Status.NO_VARIATION, units, Double.NaN, List.of(), List.of());
    }
    List<Cell> sorted = cells.stream().sorted(Comparator.comparing(Cell::levels, LEVELS_ORDER)).toList();
    int factors = sorted.get(0).levels().size();
    List<Set<String>> withoutVariation = new ArrayList<>();
    for (int f = 0; f < factors; f++) {
      withoutVariation.add(new TreeSet<>());
    }
    List<Cell> active = settle(sorted, withoutVariation);
    Newton newton = new Newton(active, factors);
    newton.run();
    RiskRegression model = new RiskRegression(Status.FITTED, units, newton.intercept, newton.coefficients(),
        withoutVariation);
    double expected = 0;
    for (Cell c : sorted) {
      expected += c.units() * model.expectedProbability(c);
    }
    boolean converged = Math.abs(expected - successes) <= Math.max(1.0, successes) * CONVERGENCE_TOLERANCE;
    return converged ? model : new RiskRegression(Status.NOT_CONVERGED, units, Double.NaN, List.of(), List.of());
  }

  public Status status() {
    return status;
  }

  /** The group's units. */
  public long units() {
    return units;
  }

  /** The intercept of a {@link Status#FITTED} model. */
  public double intercept() {
    return intercept;
  }

  /**
   * Per factor: the coefficient of every level of the fitted cells (0 for the reference level
   * and for a level whose column is aliased with others). Where a combination of levels
   * separates yes from no, some run to hundreds, in opposite directions, while the cells'
   * linear predictors stay moderate.
   */
  public List<Map<String, Double>> coefficients() {
    return coefficients;
  }

  /** Per factor: the levels settled at their rate, found without variation. */
  public List<Set<String>> levelsWithoutVariation() {
    return withoutVariation;
  }

  /**
   * The fitted probability of one of the group's cells, of a {@link Status#FITTED} model: its
   * rate when settled, else 1 / (1 + e^(−η)), η the intercept plus its levels' coefficients in
   * the factors' order. Spark computes the published probabilities term by term the same way
   * ({@link RiskModel}); its generated code calls Math.exp, so this does too.
   */
  public double expectedProbability(Cell c) {
    if (settled(c)) {
      return c.rate();
    }
    double eta = intercept;
    for (int f = 0; f < c.levels().size(); f++) {
      eta += coefficients.get(f).get(c.levels().get(f));
    }
    return 1.0 / (1.0 + Math.exp(-eta));
  }

  private boolean settled(Cell c) {
    for (int f = 0; f < c.levels().size(); f++) {
      if (withoutVariation.get(f).contains(c.levels().get(f))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A factor level without variation (every unit no, or every unit yes: common for a rare
   * outcome such as PM09 in small levels) has no finite estimate — its coefficient runs to ∓∞ —
   * and the likelihood's maximum is reached in the limit where its cells' probability is their
   * own rate (0 or 1) and the other cells are fitted without them. So such cells are settled
   * first, repeatedly (settling some can leave another level without variation), and only the
   * rest is fitted.
   *
   * @return the cells left to fit; the levels found are added to withoutVariation
   */
  private static List<Cell> settle(List<Cell> cells, List<Set<String>> withoutVariation) {
    List<Cell> active = cells;
    while (true) {
      List<Map<String, long[]>> levels = new ArrayList<>();
      for (int f = 0; f < withoutVariation.size(); f++) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Cell c : active) {
          long[] s = sums.computeIfAbsent(c.levels().get(f), x -> new long[2]);
          s[0] += c.successes();
          s[1] += c.units();
        }
        levels.add(sums);
      }
      List<Set<String>> found = new ArrayList<>();
      boolean any = false;
      for (Map<String, long[]> sums : levels) {
        Set<String> none = new TreeSet<>();
        sums.forEach((level, s) -> {
          if (s[0] == 0 || s[0] == s[1]) {
            none.add(level);
          }
        });
        found.add(none);
        any |= !none.isEmpty();
      }
      if (!any) {
        return active;
      }
      List<Cell> varied = new ArrayList<>();
      for (Cell c : active) {
        boolean noVariation = false;
        for (int f = 0; f < found.size(); f++) {
          noVariation |= found.get(f).contains(c.levels().get(f));
        }
        if (!noVariation) {
          varied.add(c);
        }
      }
      for (int f = 0; f < found.size(); f++) {
        withoutVariation.get(f).addAll(found.get(f));
      }
      active = varied;
    }
  }

  /**
   * Newton's method on the cells left to fit. The design is the intercept and, per factor, one
   * column for each level but the first (character order) of the cells; columns that are linear
   * combinations of others (a level that occurs only with a level of another factor, in a small
   * group) are left out, found by a rank-revealing QR of the design. Which columns stay changes
   * the coefficients, not the fitted probabilities, which are all that is published.
   */
  private static final class Newton {

    private final List<Cell> cells;
    /** Per factor: its levels in the cells, in character order (the first is the reference). */
    private final List<List<String>> levels = new ArrayList<>();
    /** Per cell: its level's position per factor. */
    private final int[][] levelOf;
    /** Per cell: the design columns it has a 1 in (of those kept). */
    private final int[][] columnsOf;
    /** Per kept column: its factor (−1: the intercept) and level position. */
    private final int[][] meaning;
    double intercept;
    /** Per factor and level position: the coefficient (0 for the reference and aliased levels). */
    private final double[][] coefficients;

    Newton(List<Cell> cells, int factors) {
      this.cells = cells;
      levelOf = new int[cells.size()][factors];
      coefficients = new double[factors][];
      List<int[]> designColumns = new ArrayList<>();
      designColumns.add(new int[] {-1, 0});
      for (int f = 0; f < factors; f++) {
        int factor = f;
        List<String> values = cells.stream().map(c -> c.levels().get(factor)).distinct().sorted().toList();
        levels.add(values);
        coefficients[f] = new double[values.size()];
        for (int l = 1; l < values.size(); l++) {
          designColumns.add(new int[] {f, l});
        }
        for (int i = 0; i < cells.size(); i++) {
          levelOf[i][f] = values.indexOf(cells.get(i).levels().get(f));
        }
      }
      meaning = keptColumns(designColumns);
      columnsOf = new int[cells.size()][];
      for (int i = 0; i < cells.size(); i++) {
        List<Integer> has = new ArrayList<>();
        for (int j = 0; j < meaning.length; j++) {
          if (hasColumn(i, meaning[j])) {
            has.add(j);
          }
        }
        columnsOf[i] = has.stream().mapToInt(Integer::intValue).toArray();
      }
    }

    private boolean hasColumn(int cell, int[] column) {
      return column[0] < 0 || levelOf[cell][column[0]] == column[1];
    }

    /** The columns of the design that are not linear combinations of others. */
    private int[][] keptColumns(List<int[]> columns) {
      if (cells.isEmpty()) {
        return new int[0][];
      }
      RealMatrix design = new Array2DRowRealMatrix(cells.size(), columns.size());
      for (int i = 0; i < cells.size(); i++) {
        for (int j = 0; j < columns.size(); j++) {
          design.setEntry(i, j, hasColumn(i, columns.get(j)) ? 1 : 0);
        }
      }
      RRQRDecomposition qr = new RRQRDecomposition(design);
      RealMatrix r = qr.getR();
      RealMatrix p = qr.getP();
      double largest = Math.abs(r.getEntry(0, 0));
      TreeSet<Integer> kept = new TreeSet<>();
      // the pivoted diagonal falls: the columns before the first negligible pivot span the design
      for (int k = 0; k < Math.min(cells.size(), columns.size())
          && Math.abs(r.getEntry(k, k)) > ALIASING_TOLERANCE * largest; k++) {
        kept.add(p.getColumnVector(k).getMaxIndex());
      }
      return kept.stream().map(columns::get).toArray(int[][]::new);
    }

    void run() {
      if (cells.isEmpty()) {
        return;
      }
      long units = cells.stream().mapToLong(Cell::units).sum();
      long successes = cells.stream().mapToLong(Cell::successes).sum();
      intercept = StrictMath.log((double) successes / (units - successes));
      double logLikelihood = logLikelihood();
      for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
        RealVector gradient = new ArrayRealVector(meaning.length);
        RealMatrix information = new Array2DRowRealMatrix(meaning.length, meaning.length);
        for (int i = 0; i < cells.size(); i++) {
          Cell c = cells.get(i);
          double p = 1 / (1 + StrictMath.exp(-linearPredictor(i)));
          double residual = c.successes() - c.units() * p;
          double weight = c.units() * p * (1 - p);
          for (int j : columnsOf[i]) {
            gradient.addToEntry(j, residual);
            for (int k : columnsOf[i]) {
              information.addToEntry(j, k, weight);
            }
          }
        }
        RealVector step;
        try {
          step = new CholeskyDecomposition(information, CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, 0)
              .getSolver().solve(gradient);
        } catch (NonPositiveDefiniteMatrixException e) {
          return; // numerically singular: the check Σ expected = Σ observed decides
        }
        double gain = gradient.dotProduct(step) / 2;
        double[] before = parameters();
        if (gain <= GAIN_TOLERANCE * (Math.abs(logLikelihood) + 1)) {
          // at the maximum but for rounding, which a comparison of likelihoods would only see as noise
          setParameters(before, step, 1);
          return;
        }
        // halved while the likelihood falls: far from the maximum a full Newton step may overshoot
        for (double size = 1; ; size /= 2) {
          setParameters(before, step, size);
          double after = logLikelihood();
          if (after >= logLikelihood || size < 1e-10) {
            logLikelihood = after;
            break;
          }
        }
      }
    }

    private double linearPredictor(int cell) {
      double eta = intercept;
      for (int f = 0; f < coefficients.length; f++) {
        eta += coefficients[f][levelOf[cell][f]];
      }
      return eta;
    }

    /** Σ successes·η − units·log(1 + e^η), without overflow. */
    private double logLikelihood() {
      double sum = 0;
      for (int i = 0; i < cells.size(); i++) {
        double eta = linearPredictor(i);
        double softplus = eta > 0 ? eta + StrictMath.log1p(StrictMath.exp(-eta)) : StrictMath.log1p(StrictMath.exp(eta));
        sum += cells.get(i).successes() * eta - cells.get(i).units() * softplus;
      }
      return sum;
    }

    private double[] parameters() {
      double[] values = new double[meaning.length];
      for (int j = 0; j < meaning.length; j++) {
        values[j] = meaning[j][0] < 0 ? intercept : coefficients[meaning[j][0]][meaning[j][1]];
      }
      return values;
    }

    private void setParameters(double[] from, RealVector step, double size) {
      for (int j = 0; j < meaning.length; j++) {
        double value = from[j] + size * step.getEntry(j);
        if (meaning[j][0] < 0) {
          intercept = value;
        } else {
          coefficients[meaning[j][0]][meaning[j][1]] = value;
        }
      }
    }

    List<Map<String, Double>> coefficients() {
      List<Map<String, Double>> byFactor = new ArrayList<>();
      for (int f = 0; f < levels.size(); f++) {
        Map<String, Double> byLevel = new LinkedHashMap<>();
        for (int l = 0; l < levels.get(f).size(); l++) {
          byLevel.put(levels.get(f).get(l), coefficients[f][l]);
        }
        byFactor.add(byLevel);
      }
      return byFactor;
    }
  }
}
