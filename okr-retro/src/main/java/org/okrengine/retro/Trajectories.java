package org.okrengine.retro;

import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Plan;

/** Classifies a key result's trajectory relative to its plan; see {@link TrajectoryShape} for the rules. */
final class Trajectories {
  static final double FLAT = 0.1;
  static final double REGRESS_BELOW = -0.1;
  static final double REGRESS_FROM_BEST = 0.3;
  static final double LATE_BEHIND = 0.2;
  static final double LATE_GAIN = 0.3;
  static final double EARLY_MIN = 0.2;
  static final double EARLY_BEHIND = 0.1;
  static final double STALL_GAIN = 0.1;

  private Trajectories() {}

  /**
   * The shape of key result {@code kr}, whose check-ins' times and values are those of {@code f}'s columns from
   * {@code f.from[i]}; {@code xs} and {@code ps} are scratch of at least its check-ins plus 2.
   */
  static TrajectoryShape classify(KeyResult kr, CycleFacts f, int i, double[] xs, double[] ps) {
    Metric metric = kr.metric();
    Direction d = metric.direction();
    int first = f.from[i];
    int end = f.from[i + 1];
    if (d.isMaintain() || d == Direction.ACHIEVE || first == end) {
      return TrajectoryShape.UNCLASSIFIED;
    }
    Span span = f.span;
    int m = 0;
    xs[m] = 0;
    ps[m++] = 0;
    double max = Double.NEGATIVE_INFINITY;
    double maxAbs = 0;
    for (int c = first; c < end; c++) {
      double x = span.fraction(f.atSeconds[c], f.atNanos[c]);
      double p = metric.progress(f.values[c]);
      if (x == 0 && m == 1) {
        m = 0; // a check-in at the start replaces the baseline point
      }
      xs[m] = x;
      ps[m++] = p;
      max = Math.max(max, p);
      maxAbs = Math.max(maxAbs, Math.abs(p));
    }
    if (kr.result() != null) {
      double p = metric.progress(kr.result().finalValue());
      if (xs[m - 1] >= 1) {
        m--;
      }
      xs[m] = 1;
      ps[m++] = p;
      max = Math.max(max, p);
      maxAbs = Math.max(maxAbs, Math.abs(p));
    }
    double endProgress = ps[m - 1];
    if (maxAbs < FLAT) {
      return TrajectoryShape.FLAT;
    }
    if (endProgress < REGRESS_BELOW || endProgress <= max - REGRESS_FROM_BEST) {
      return TrajectoryShape.REGRESSING;
    }
    Cycle cycle = f.cycle;
    double at75 = at(xs, ps, m, 0.75);
    // the plan last: it is the dearest test, needed only when the others pass
    if (endProgress - at75 >= LATE_GAIN && at75 <= plan(kr, cycle, 0.75) - LATE_BEHIND) {
      return TrajectoryShape.BACK_LOADED;
    }
    double at50 = at(xs, ps, m, 0.5);
    if (at50 >= EARLY_MIN && endProgress - at50 < STALL_GAIN && endProgress < 1
        && at50 >= plan(kr, cycle, 0.5) - EARLY_BEHIND) {
      return TrajectoryShape.FRONT_LOADED_STALLED;
    }
    return TrajectoryShape.STEADY;
  }

  /** The progress the plan expects at fraction {@code x}: the shape's share of the way, or the plan's points. */
  private static double plan(KeyResult kr, Cycle cycle, double x) {
    if (kr.plan() instanceof Plan.Shaped shaped) {
      Metric m = kr.metric();
      return m.progress(m.baseline() + (m.target() - m.baseline()) * shaped.shape().fraction(x));
    }
    return kr.expectedProgress(cycle, cycle.instantAtFraction(x));
  }

  /** Progress at {@code x}, linear between points, held after the last. */
  static double at(double[] xs, double[] ps, int m, double x) {
    for (int i = 0; i < m; i++) {
      if (xs[i] >= x) {
        if (i == 0 || xs[i] == xs[i - 1]) {
          return ps[i];
        }
        return ps[i - 1] + (ps[i] - ps[i - 1]) * (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
      }
    }
    return ps[m - 1];
  }
}
