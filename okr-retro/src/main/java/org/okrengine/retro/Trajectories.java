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

  /** Scratch for {@link #classify}: a key result's points, grown as needed. Mutable; not thread-safe. */
  static final class Points {
    /** The points' fractions of the cycle, NaN where not computed yet. */
    double[] xs = new double[64];
    /** The points' values; the baseline point's is unused (its progress is 0). */
    double[] vs = new double[64];
    /** The check-in (index into the facts' columns) of each point, -1 for the baseline and the result. */
    int[] cs = new int[64];

    /** Makes room for {@code n} points. */
    void ensure(int n) {
      if (n > xs.length) {
        xs = new double[n * 2];
        vs = new double[n * 2];
        cs = new int[n * 2];
      }
    }
  }

  /** The shape of key result {@code i} of {@code f} ({@code kr}), with scratch of its own. */
  static TrajectoryShape classify(KeyResult kr, CycleFacts f, int i) {
    Points points = new Points();
    points.ensure(f.from[i + 1] - f.from[i] + 2);
    return classify(kr, f, i, points);
  }

  /**
   * The shape of key result {@code kr}, whose check-ins' times and values are those of {@code f}'s columns from
   * {@code f.from[i]}; {@code points} holds at least its check-ins plus 2.
   */
  static TrajectoryShape classify(KeyResult kr, CycleFacts f, int i, Points points) {
    /*
     * The same numbers as computing every point's fraction of the cycle and progress, with fewer divisions:
     * - A reach metric's progress (v/2 - b/2) / (t/2 - b/2) is, in floating point, a monotone function of the value
     *   (each rounded operation is), so the largest progress and the largest |progress| over the points are those of
     *   the least and the greatest value; progress is computed only for those two, the last point and the points the
     *   shape is read at.
     * - A check-in's fraction is computed only where it is needed: where it could be the first at or past 0.5, 0.75
     *   or 1 (and the one before that). Whole seconds tell the rest: a check-in at or before the start is at 0, and
     *   one whose seconds plus 1 from the start are at most the threshold's share of the cycle less 1 second is below
     *   the threshold, by far more than a rounding.
     */
    Metric metric = kr.metric();
    Direction d = metric.direction();
    int first = f.from[i];
    int end = f.from[i + 1];
    if (d.isMaintain() || d == Direction.ACHIEVE || first == end) {
      return TrajectoryShape.UNCLASSIFIED;
    }
    double[] xs = points.xs;
    double[] vs = points.vs;
    int[] cs = points.cs;
    Span span = f.span;
    int m = 1;
    xs[0] = 0;
    cs[0] = -1; // the baseline point: progress 0
    boolean base = true;
    double least = Double.POSITIVE_INFINITY;
    double greatest = Double.NEGATIVE_INFINITY;
    double[] values = f.values;
    long[] atSeconds = f.atSeconds;
    int[] atNanos = f.atNanos;
    long startSec = span.startSec;
    // a check-in whose seconds from the start plus 1 are at most these is surely below half, three quarters, the end
    double half = 0.5 * span.length - 1;
    double threeQuarters = 0.75 * span.length - 1;
    double whole = span.length - 1;
    // the first points that are not surely below them (every point before is), -1 until met
    int fromHalf = -1;
    int fromThreeQuarters = -1;
    int fromEnd = -1;
    for (int c = first; c < end; c++) {
      long s = atSeconds[c];
      boolean atStart = s < startSec || (s == startSec && atNanos[c] == 0); // exactly when its fraction is 0
      double v = values[c];
      if (atStart && m == 1) {
        m = 0; // a check-in at the start replaces the baseline point
        base = false;
      }
      double seconds = s - startSec + 1;
      if (fromEnd < 0 && seconds > half) {
        fromHalf = fromHalf < 0 ? m : fromHalf;
        fromThreeQuarters = fromThreeQuarters < 0 && seconds > threeQuarters ? m : fromThreeQuarters;
        fromEnd = seconds > whole ? m : -1;
      }
      xs[m] = atStart ? 0 : Double.NaN;
      cs[m] = c;
      vs[m++] = v;
      least = Math.min(least, v);
      greatest = Math.max(greatest, v);
    }
    if (kr.result() != null) {
      double v = kr.result().finalValue();
      if (fromEnd >= 0 && x(f, points, m - 1) >= 1) {
        m--; // the last check-in (at or past the end: checked only when not surely before it)
      }
      xs[m] = 1;
      cs[m] = -1;
      vs[m] = v;
      // the result's point is at 1: not below any of them
      fromHalf = fromHalf < 0 || fromHalf > m ? m : fromHalf;
      fromThreeQuarters = fromThreeQuarters < 0 || fromThreeQuarters > m ? m : fromThreeQuarters;
      m++;
      least = Math.min(least, v);
      greatest = Math.max(greatest, v);
    } else {
      fromHalf = fromHalf < 0 ? m : fromHalf;
      fromThreeQuarters = fromThreeQuarters < 0 ? m : fromThreeQuarters;
    }
    double pLeast = metric.progress(least);
    double pGreatest = metric.progress(greatest);
    double max = Math.max(pLeast, pGreatest);
    double maxAbs = Math.max(Math.abs(pLeast), Math.abs(pGreatest));
    double endProgress = metric.progress(vs[m - 1]);
    if (maxAbs < FLAT) {
      return TrajectoryShape.FLAT;
    }
    if (endProgress < REGRESS_BELOW || endProgress <= max - REGRESS_FROM_BEST) {
      return TrajectoryShape.REGRESSING;
    }
    Cycle cycle = f.cycle;
    double at75 = at(metric, base, f, points, fromThreeQuarters, m, 0.75);
    // the plan last: it is the dearest test, needed only when the others pass
    if (endProgress - at75 >= LATE_GAIN && at75 <= plan(kr, cycle, 0.75) - LATE_BEHIND) {
      return TrajectoryShape.BACK_LOADED;
    }
    double at50 = at(metric, base, f, points, fromHalf, m, 0.5);
    if (at50 >= EARLY_MIN && endProgress - at50 < STALL_GAIN && endProgress < 1
        && at50 >= plan(kr, cycle, 0.5) - EARLY_BEHIND) {
      // no check-in in the second half is silence, not a stall: its progress there is not known
      return silentAtEnd(kr, f, first, end) ? TrajectoryShape.UNCLASSIFIED : TrajectoryShape.FRONT_LOADED_STALLED;
    }
    return TrajectoryShape.STEADY;
  }

  /**
   * Whether key result {@code kr} (check-ins {@code first} to {@code end - 1} of {@code f}'s columns) fell silent
   * before the cycle's end: it has no result, and its last check-in is more than the stale limit before the end. The
   * limit is the status rule's: twice its usual gap (the median gap between its check-ins, with three or more; else
   * the cycle's agreed {@code checkInEveryDays}), at least {@value #SILENT_DAYS} days, at most half the cycle (never
   * below {@value #SILENT_DAYS}).
   */
  static boolean silentAtEnd(KeyResult kr, CycleFacts f, int first, int end) {
    if (kr.result() != null || first == end) {
      return false;
    }
    long[] at = java.util.Arrays.copyOfRange(f.atSeconds, first, end);
    java.util.Arrays.sort(at);
    int n = at.length;
    double usual;
    if (n >= 3) {
      double[] gaps = new double[n - 1];
      for (int c = 1; c < n; c++) {
        gaps[c - 1] = (at[c] - at[c - 1]) / Cycle.SECONDS_PER_DAY;
      }
      java.util.Arrays.sort(gaps);
      int h = gaps.length / 2;
      usual = gaps.length % 2 == 1 ? gaps[h] : (gaps[h - 1] + gaps[h]) / 2;
    } else {
      Double agreed = f.cycle.checkInEveryDays();
      usual = agreed == null ? 0 : agreed;
    }
    double limitDays = Math.max(SILENT_DAYS, Math.min(2 * usual, f.span.length / Cycle.SECONDS_PER_DAY / 2));
    return (f.span.endSec - at[n - 1]) / Cycle.SECONDS_PER_DAY > limitDays;
  }

  /** The fewest days of silence before the end that make a key result {@link #silentAtEnd silent}: the stale rule's. */
  static final int SILENT_DAYS = 14;

  /** The fraction of the cycle of point {@code j}, computed on first need. */
  private static double x(CycleFacts f, Points points, int j) {
    double x = points.xs[j];
    if (Double.isNaN(x)) {
      int c = points.cs[j];
      x = f.span.fraction(f.atSeconds[c], f.atNanos[c]);
      points.xs[j] = x;
    }
    return x;
  }

  /** The progress of point {@code j}: 0 for the baseline point (point 0 when {@code base}), else its value's. */
  private static double progress(Metric metric, boolean base, double[] vs, int j) {
    return j == 0 && base ? 0 : metric.progress(vs[j]);
  }

  /**
   * As {@link #at(double[], double[], int, double)}, the points' fractions and progress computed as needed; the
   * points before {@code from} are surely below {@code x}.
   */
  private static double at(Metric metric, boolean base, CycleFacts f, Points points, int from, int m, double x) {
    double[] vs = points.vs;
    for (int j = from; j < m; j++) {
      double xj = x(f, points, j);
      if (xj >= x) {
        double p = progress(metric, base, vs, j);
        if (j == 0) {
          return p;
        }
        double before = x(f, points, j - 1);
        if (xj == before) {
          return p;
        }
        double pBefore = progress(metric, base, vs, j - 1);
        return pBefore + (p - pBefore) * (x - before) / (xj - before);
      }
    }
    return progress(metric, base, vs, m - 1);
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
