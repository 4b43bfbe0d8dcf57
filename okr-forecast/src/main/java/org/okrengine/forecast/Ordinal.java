package org.okrengine.forecast;

import org.okrengine.model.Metric;

/**
 * Whether a key result is a few-level (ordinal) one: declared by its metric's {@code levels}, or inferred from a
 * bounded scale of at most five whole levels (the metric's {@code min} and {@code max} declared, baseline, target and
 * every check-in value seen so far whole numbers within them, at most four steps from baseline to target). Stateless.
 */
final class Ordinal {
  /** The most steps from baseline to target of an inferred few-level key result. */
  static final int MAX_STEPS = 4;

  private Ordinal() {}

  /**
   * Whether a key result of metric {@code m} is a few-level one by its metric and the values {@code values[0 .. n -
   * 1]}: the check-ins seen at the forecast instant, never later ones (a forecast, a replay's day or a fit's origin
   * sees no check-in after it).
   */
  static boolean of(Metric m, double[] values, int n) {
    return of(m, values, 0, n);
  }

  /** {@link #of(Metric, double[], int)} over the values {@code values[from .. from + n - 1]}. */
  static boolean of(Metric m, double[] values, int from, int n) {
    if (m.isOrdinal()) {
      return true;
    }
    return scale(m) && wholeWithin(m, values, from, n) == n;
  }

  /**
   * How many of {@code values[0 .. n - 1]}, from the first, are whole numbers within the metric's bounds (stops at the
   * first that is not); 0 when the metric declares no such scale ({@link #scale}).
   */
  static int wholeWithin(Metric m, double[] values, int n) {
    return wholeWithin(m, values, 0, n);
  }

  private static int wholeWithin(Metric m, double[] values, int from, int n) {
    if (!scale(m)) {
      return 0;
    }
    int k = 0;
    while (k < n && whole(values[from + k]) && values[from + k] >= m.min() && values[from + k] <= m.max()) {
      k++;
    }
    return k;
  }

  /**
   * Whether the metric alone admits an inferred scale: min and max whole, at most MAX_STEPS apart, whole baseline and
   * target.
   */
  static boolean scale(Metric m) {
    if (m.min() == null || m.max() == null || m.baseline() == null) {
      return false;
    }
    double lo = m.min();
    double hi = m.max();
    return whole(lo) && whole(hi) && hi - lo <= MAX_STEPS && whole(m.baseline()) && whole(m.target());
  }

  /**
   * The only values a few-level key result takes: its metric's declared {@code levels}, or, inferred ({@link #of}),
   * every whole number from {@code min} to {@code max}; null for any other key result. By its metric and the values
   * {@code values[0 .. n - 1]} seen so far.
   */
  static double[] levels(Metric m, double[] values, int n) {
    if (m.levels() != null) {
      return m.levels().stream().mapToDouble(Double::doubleValue).toArray();
    }
    if (!of(m, values, n)) {
      return null;
    }
    int lo = (int) Math.rint(m.min());
    int hi = (int) Math.rint(m.max());
    double[] out = new double[hi - lo + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = lo + i;
    }
    return out;
  }

  private static boolean whole(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9;
  }
}
