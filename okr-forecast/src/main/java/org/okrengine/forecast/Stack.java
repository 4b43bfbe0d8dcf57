package org.okrengine.forecast;

/**
 * The movement-aware method's last stage: a logistic model over a few robust features of a key result at the
 * forecast instant, stacked on the plan-prior trajectory's probability of target, and the bounds that keep the
 * result honest. The features tell apart smooth progress, progress in steps or bursts, a few-level (ordinal) key
 * result and one that has not moved yet; the weights come from history ({@link ForecastModel}). Stateless.
 *
 * <p>Features (progress y: 0 at the baseline, 1 at the target; time x: fraction of the cycle):
 * <ol start="0">
 *   <li>{@code 1}: the intercept;
 *   <li>{@code z}: the log-odds of the trajectory's probability, clamped to [1e-4, 1 - 1e-4] first;
 *   <li>{@code unmoved}: 1 when the latest check-in (or the baseline, without one) has not moved toward the target;
 *   <li>{@code unmoved * x}: how that changes as the cycle runs;
 *   <li>{@code x}: the forecast instant, clamped to [0, 1];
 *   <li>{@code z * x}: how far the trajectory is trusted as the cycle runs;
 *   <li>{@code burst}: 1 - S^2 / (T * sum dy^2/dx) over the increments (S their total, T their time; Cauchy-Schwarz
 *       puts it in [0, 1)): 0 for an even pace, near 1 when the progress came in one step; 0 unless moved, and 0
 *       for a key result that has ever stepped back (a fall inflates the sum of squares, and one that falls back is
 *       not moving in steps toward its target);
 *   <li>{@code burst * z};
 *   <li>{@code confidence}: the latest check-in's confidence minus 0.5, 0 without one;
 *   <li>{@code ordinal}: 1 for a few-level key result, declared or inferred;
 *   <li>{@code unmoved * z}: how far the trajectory is trusted for a key result that has not moved yet (one that
 *       moves in steps shows no progress before its step, and the trajectory reads that as no pace at all);
 *   <li>{@code unmoved * z * x}: how that changes as the cycle runs.
 * </ol>
 *
 * <p>The last two came after the first ten; a model file without them gives them 0 (the method as it was).
 */
final class Stack {
  static final int INTERCEPT = 0;
  static final int Z = 1;
  static final int UNMOVED = 2;
  static final int UNMOVED_X = 3;
  static final int X = 4;
  static final int Z_X = 5;
  static final int BURST = 6;
  static final int BURST_Z = 7;
  static final int CONFIDENCE = 8;
  static final int ORDINAL = 9;
  static final int UNMOVED_Z = 10;
  static final int UNMOVED_Z_X = 11;
  static final int FEATURES = 12;
  /** The features a model file may leave out (0 then): those added after {@code okr-forecast-model/1} first shipped. */
  static final int FIRST_OPTIONAL = UNMOVED_Z;
  /**
   * The index, in the kernel's parameter vector (the weights then this), of the probability that a met target holds
   * ({@link ForecastModel#metHolds()}); a vector of only the weights means 1.
   */
  static final int MET_HOLDS = FEATURES;

  /** The feature names, in order, as the model file writes them. */
  static final String[] NAMES = {"intercept", "logOdds", "unmoved", "unmovedTimesTime", "time", "logOddsTimesTime",
      "burst", "burstTimesLogOdds", "confidence", "ordinal", "unmovedTimesLogOdds",
      "unmovedTimesLogOddsTimesTime"};

  /** The bounds of a probability the evidence has not earned beyond (see {@link #bound}). */
  static final double FLOOR = 0.08;
  static final double CEILING = 0.95;
  /** The cycle fraction left below which the floor falls linearly to 0 for a key result far from its target. */
  static final double LATE = 0.1;
  /** Progress still to go, at least, for a key result to be "far" from its target. */
  static final double FAR = 0.5;
  /** The clamp of the trajectory's probability before the log-odds. */
  static final double P_CLAMP = 1e-4;

  private Stack() {}

  /**
   * {@code v} clamped to [lo, hi] (lo &lt;= hi) as lo + (v - lo)+ - (v - hi)+, the form the kernel's vector loops use
   * (it may differ from v in the last digit within the range).
   */
  static double clamp(double v, double lo, double hi) {
    return lo + Kernel.positivePart(v - lo) - Kernel.positivePart(v - hi);
  }

  /** The log-odds of {@code p}, clamped to [P_CLAMP, 1 - P_CLAMP] first. */
  static double logOdds(double p) {
    double pc = clamp(p, P_CLAMP, 1 - P_CLAMP);
    return Math.log(pc / (1 - pc));
  }

  /**
   * The burstiness of the increments, in [0, 1]: 1 - S^2 / (T sum dy^2/dx), 0 where T sum dy^2/dx is 0 (no increment).
   */
  static double burst(double sumS, double sumSquares, double px) {
    double denominator = sumSquares * px;
    if (!(denominator > 0)) {
      return 0.0;
    }
    return clamp(1 - sumS * sumS / (denominator + Double.MIN_VALUE), 0, 1);
  }

  /**
   * Writes the features of one key result into {@code f[0 .. FEATURES - 1]}.
   *
   * @param p the trajectory's probability of target
   * @param remaining the part of the cycle left at the forecast instant, 0 to 1 (the time feature is 1 - remaining)
   * @param py the progress of the latest check-in (0 without one)
   * @param px the cycle fraction of the latest increment's end (0 without one)
   * @param sumS the increments' total progress
   * @param sumSquares the sum of squared increments over their time
   * @param confidence the latest confidence minus 0.5 (0 without one)
   * @param ordinal 1 for a few-level key result, else 0
   * @param backward how many increments stepped back (away from the target)
   * @param increments how many increments (the time feature is held at one mean gap, {@code px / increments}, after
   *     the latest check-in: {@link #time})
   */
  static void features(double p, double remaining, double py, double px, double sumS, double sumSquares,
      double confidence, double ordinal, double backward, double increments, double[] f) {
    double t = time(remaining, px, increments);
    double z = logOdds(p);
    double unmoved = py > 0 ? 0.0 : 1.0;
    double b = unmoved == 0 & backward == 0 ? burst(sumS, sumSquares, px) : 0.0;
    f[INTERCEPT] = 1;
    f[Z] = z;
    f[UNMOVED] = unmoved;
    f[UNMOVED_X] = unmoved * t;
    f[X] = t;
    f[Z_X] = z * t;
    f[BURST] = b;
    f[BURST_Z] = b * z;
    f[CONFIDENCE] = confidence;
    f[ORDINAL] = ordinal;
    f[UNMOVED_Z] = unmoved * z;
    f[UNMOVED_Z_X] = unmoved * z * t;
  }

  /**
   * The time the stage weighs the trajectory's chance by: the forecast instant ({@code 1 - remaining}), but no later
   * than one usual gap (the increments' mean time, {@code px / increments}) after the latest check-in {@code px}. The
   * trajectory's chance is as of that check-in; a later instant beside it is a combination the forecasts the weights
   * are fitted on seldom show (they are made within a gap of a check-in where check-ins are regular), and an unmoved
   * key result silent for five weeks rose from 12% to 38% with the silence alone. With one increment its gap is its
   * own time from the start (a single check-in past mid-cycle is never held); without any, the instant: silence still
   * raises those (a default gap moves the pooled fit; docs/forecast-model.md).
   */
  static double time(double remaining, double px, double increments) {
    double now = 1 - remaining;
    double latest = px + px / (increments + Double.MIN_VALUE);
    return increments > 0 && latest < now ? latest : now;
  }

  /** The probability that a met target holds, from the kernel's parameter vector (1 without one). */
  static double metHolds(double[] w) {
    return w.length > MET_HOLDS ? w[MET_HOLDS] : 1.0;
  }

  /** The linear predictor (log-odds) of the weights {@code w} on the features {@code f}. */
  static double linear(double[] w, double[] f) {
    double s = 0;
    for (int k = 0; k < FEATURES; k++) {
      s += w[k] * f[k];
    }
    return s;
  }

  /**
   * The stacked probability of one key result, as the kernel's column stage computes it (PlanPriorStages.stack): the logistic
   * of the weights on the features, bounded; where the latest check-in meets the target, the probability that it
   * holds ({@link #metHolds}), 1 once the cycle is over (0 for one short of its target then). For tests and the fit.
   */
  static double probability(double[] w, double p, double remaining, double py, double px, double sumS,
      double sumSquares, double confidence, double ordinal, double backward, double increments) {
    if (py >= 1) {
      return remaining > 0 ? metHolds(w) : 1.0;
    }
    if (!(remaining > 0)) {
      return 0.0; // the cycle is over: the latest check-in, short of the target, is the outcome (Kernel.over)
    }
    double[] f = new double[FEATURES];
    features(p, remaining, py, px, sumS, sumSquares, confidence, ordinal, backward, increments, f);
    return bound(1 / (1 + Math.exp(-linear(w, f))), remaining, py);
  }

  /**
   * Keeps a probability the evidence has not earned within [FLOOR, CEILING]: above the ceiling only once the target
   * is met (handled by the caller), below the floor only late in the cycle for a key result far from its target (the
   * floor falls linearly to 0 over the last {@link #LATE} of the cycle when at least {@link #FAR} of the way is
   * left). NaN gives the floor.
   */
  static double bound(double q, double remaining, double py) {
    double floor = remaining < LATE & 1 - py >= FAR ? FLOOR * remaining * (1 / LATE) : FLOOR;
    return clamp(q, floor, CEILING);
  }
}
