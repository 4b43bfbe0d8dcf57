package org.okrengine.forecast;

import java.util.List;
import org.okrengine.model.CheckIn;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;

/**
 * Whether a key result is a few-level (ordinal) one: declared by its metric's {@code levels}, or inferred from a
 * bounded scale of at most five whole levels (the metric's {@code min} and {@code max} declared, baseline, target and
 * every check-in value whole numbers within them, at most four steps from baseline to target). Stateless.
 */
final class Ordinal {
  /** The most steps from baseline to target of an inferred few-level key result. */
  static final int MAX_STEPS = 4;

  private Ordinal() {}

  static boolean of(KeyResult kr) {
    Metric m = kr.metric();
    if (m.isOrdinal()) {
      return true;
    }
    if (m.min() == null || m.max() == null || m.baseline() == null) {
      return false;
    }
    double lo = m.min();
    double hi = m.max();
    if (!(whole(lo) && whole(hi) && hi - lo <= MAX_STEPS && whole(m.baseline()) && whole(m.target()))) {
      return false;
    }
    List<CheckIn> all = kr.checkIns();
    for (CheckIn c : all) {
      if (!whole(c.value()) || c.value() < lo || c.value() > hi) {
        return false;
      }
    }
    return true;
  }

  /**
   * The only values a few-level key result takes: its metric's declared {@code levels}, or, inferred ({@link #of}),
   * every whole number from {@code min} to {@code max}; null for any other key result.
   */
  static double[] levels(KeyResult kr) {
    Metric m = kr.metric();
    if (m.levels() != null) {
      return m.levels().stream().mapToDouble(Double::doubleValue).toArray();
    }
    if (!of(kr)) {
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
