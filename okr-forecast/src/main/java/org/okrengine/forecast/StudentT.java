package org.okrengine.forecast;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Tabulated Student-t distribution functions for the forecasting hot path: no distribution object per forecast.
 * Immutable and thread-safe.
 */
final class StudentT {
  /*
   * Degrees of freedom are half-integers df = k / 2 for k = 1 .. MAX_HALVES (0.5, 1, 1.5, ..., 128); larger df use
   * the last row, whose CDF differs from the normal's by less than 2e-3. The CDF is tabulated on u = z / (1 + |z|)
   * in [0, 1) (the other half by symmetry) at GRID + 1 points and interpolated linearly: u maps the whole real line
   * onto a bounded interval, so the heavy tails of small df are covered as well as the centre. Interpolation error is
   * below 2e-5 (checked against commons-statistics in StudentTTest).
   */
  static final int MAX_HALVES = 256;
  private static final int GRID = 512;
  /** The index of {@link #quantiles}' standard normal quantile. */
  static final int NORMAL = 0;

  private static final class Tables {
    /** Row k (k / 2 degrees of freedom) at [k * (GRID + 1), (k + 1) * (GRID + 1)): one array, one look-up. */
    static final double[] CDF = new double[(MAX_HALVES + 1) * (GRID + 1)];

    static {
      for (int k = 1; k <= MAX_HALVES; k++) {
        TDistribution t = TDistribution.of(k / 2.0);
        int at = k * (GRID + 1);
        for (int i = 0; i < GRID; i++) {
          double u = i / (double) GRID;
          CDF[at + i] = t.cumulativeProbability(u / (1 - u));
        }
        CDF[at + GRID] = 1.0;
      }
    }
  }

  private StudentT() {}

  /** The table row index for {@code df} (rounded to the nearest half, clamped to the table). */
  static int row(double df) {
    long k = Math.round(2 * df);
    return (int) Math.max(1, Math.min(MAX_HALVES, k));
  }

  /** P(T <= z) for the Student-t of table row {@code row}. */
  static double cdf(double z, int row) {
    return cdf(z, 1.0, row);
  }

  /**
   * P(T <= d / scale) for the Student-t of table row {@code row}, scale positive: one division, u = |d| / (|d| +
   * scale), instead of two on the forecast's critical path.
   */
  static double cdf(double d, double scale, int row) {
    return cdfAt(position(d, scale), d >= 0, row);
  }

  /** Where |d| / scale falls in the table, scale positive (the one division of {@link #cdf(double, double, int)}). */
  static double position(double d, double scale) {
    double a = Math.abs(d);
    return a / (a + scale) * GRID;
  }

  /** P(T <= d / scale) from {@link #position} and the sign of d. */
  static double cdfAt(double pos, boolean nonNegative, int row) {
    double upper = upperAt(pos, row);
    return nonNegative ? upper : 1 - upper;
  }

  /** P(T <= |d| / scale), at least 0.5, from {@link #position}. */
  static double upperAt(double pos, int row) {
    double[] tab = Tables.CDF;
    int i = (int) pos;
    if (i >= GRID) {
      return 1.0;
    }
    double f = pos - i;
    int at = row * (GRID + 1) + i;
    return tab[at] + f * (tab[at + 1] - tab[at]);
  }

  /**
   * The z at which the tabulated CDF of table row {@code row} (as {@link #cdf(double, int)} interpolates it) equals
   * {@code level}: its exact inverse, by bisection over the row and the linear piece found (nine steps); infinite at
   * levels 0 and 1, 0 for NaN.
   */
  static double inverse(double level, int row) {
    if (!(level < 0.5 || level > 0.5)) {
      return 0.0; // 0.5 and NaN
    }
    boolean upper = level > 0.5;
    double c = upper ? level : 1 - level;
    if (c >= 1) {
      return upper ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
    double[] tab = Tables.CDF;
    int at = row * (GRID + 1);
    // tab[at] = 0.5 <= c < 1 = tab[at + GRID]: the last i with tab[at + i] <= c
    int lo = 0;
    int hi = GRID;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (tab[at + mid] <= c) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double step = tab[at + lo + 1] - tab[at + lo];
    double u = (lo + (step > 0 ? (c - tab[at + lo]) / step : 0.0)) / GRID;
    double z = u / (1 - u);
    return upper ? z : -z;
  }

  /**
   * The {@code p}-quantile (0 &lt; p &lt; 1) of the Student-t of each table row, index = row; index 0 (no row) holds
   * the standard normal's, for the methods whose interval is normal.
   */
  static double[] quantiles(double p) {
    double[] q = new double[MAX_HALVES + 1];
    q[NORMAL] = NormalDistribution.of(0, 1).inverseCumulativeProbability(p);
    for (int k = 1; k <= MAX_HALVES; k++) {
      q[k] = TDistribution.of(k / 2.0).inverseCumulativeProbability(p);
    }
    return q;
  }

  /** The exact CDF, for tests and the non-hot paths. */
  static double exactCdf(double z, double df) {
    return TDistribution.of(df).cumulativeProbability(z);
  }
}
