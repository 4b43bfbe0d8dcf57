package org.okrengine.retro;

import java.util.List;
import org.okrengine.model.CheckIn;
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

  private static final int BUFFER = 64;
  private static final ThreadLocal<double[]> XS = ThreadLocal.withInitial(() -> new double[BUFFER]);
  private static final ThreadLocal<double[]> PS = ThreadLocal.withInitial(() -> new double[BUFFER]);

  private Trajectories() {}

  static TrajectoryShape classify(KeyResult kr, Cycle cycle, Span span) {
    Metric metric = kr.metric();
    Direction d = metric.direction();
    List<CheckIn> checkIns = kr.checkIns();
    if (d.isMaintain() || d == Direction.ACHIEVE || checkIns.isEmpty()) {
      return TrajectoryShape.UNCLASSIFIED;
    }
    int n = checkIns.size() + 2;
    double[] xs = n <= BUFFER ? XS.get() : new double[n];
    double[] ps = n <= BUFFER ? PS.get() : new double[n];
    int m = 0;
    xs[m] = 0;
    ps[m++] = 0;
    double max = Double.NEGATIVE_INFINITY;
    double maxAbs = 0;
    for (int i = 0; i < checkIns.size(); i++) {
      CheckIn c = checkIns.get(i);
      double x = span.fraction(c.at());
      double p = metric.progress(c.value());
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
    double end = ps[m - 1];
    if (maxAbs < FLAT) {
      return TrajectoryShape.FLAT;
    }
    if (end < REGRESS_BELOW || end <= max - REGRESS_FROM_BEST) {
      return TrajectoryShape.REGRESSING;
    }
    double at75 = at(xs, ps, m, 0.75);
    if (at75 <= plan(kr, cycle, 0.75) - LATE_BEHIND && end - at75 >= LATE_GAIN) {
      return TrajectoryShape.BACK_LOADED;
    }
    double at50 = at(xs, ps, m, 0.5);
    if (at50 >= EARLY_MIN && at50 >= plan(kr, cycle, 0.5) - EARLY_BEHIND && end - at50 < STALL_GAIN && end < 1) {
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
