package org.okrengine.forecast;

import static org.okrengine.forecast.Kernel.*;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The kernel's plan-prior method, and the movement-aware method's last stage on it, as short loops over the columns
 * of up to {@link Kernel#CHUNK} key results ({@link Kernel}). Stateless.
 */
final class PlanPriorStages {
  /**
   * The plan-prior method over the first {@code m} key results of {@code c}: each stage a short loop over the
   * columns (the JIT turns them into vector instructions), the steps that look up tables or branch in loops of their
   * own. Snapshot metrics are forecast key result by key result ({@link #prepare}).
   */
  static void bayes(Hyperparameters p, double priorPrec, double[] q, double[] q85, double[] times,
      double[] values, int[] offsets, double[] asOfDays, double[] baselines, int base, Columns c, int m) {
    double[][] col = c.col;
    double[] px = col[LAST_X];
    double[] py = col[LAST_Y];
    double[] sumS = col[SUM_S];
    double[] ss = col[SUM_SQUARES];
    double[] rate = col[RATE];
    // Short loops, one or two results each: the JIT vectorizes a loop only when its body is small.
    // rates: dy ~ N(r dx, s2 dx); s2's posterior has shape a0 + (n - 1) / 2 and scale noisePrior + resid / 2
    double[] increments = col[INCREMENTS];
    double[] shape = col[SHAPE];
    double[] noiseScale = col[NOISE_SCALE];
    double[] s2 = col[NOISE_VARIANCE];
    double noisePrior = p.noisePrior();
    for (int j = 0; j < m; j++) {
      shape[j] = Hyperparameters.NOISE_PRIOR_WEIGHT + 0.5 * positivePart(increments[j] - 1);
    }
    for (int j = 0; j < m; j++) {
      noiseScale[j] = noisePrior + 0.5 * positivePart(ss[j] - sumS[j] * rate[j]);
    }
    for (int j = 0; j < m; j++) {
      s2[j] = noiseScale[j] * (1.0 / shape[j]);
    }
    // given s2's posterior mean, r's posterior: precision 1/spread^2 + T/s2 and mean (optimism/spread^2 + S/s2) /
    // precision, over one shared denominator
    double[] inverse = col[INVERSE];
    double[] postRate = col[POSTERIOR_RATE];
    double[] rateVar = col[RATE_VARIANCE];
    double[] df = col[DF];
    double optimismPrec = p.planOptimism() * priorPrec;
    for (int j = 0; j < m; j++) {
      inverse[j] = 1.0 / (priorPrec * noiseScale[j] + px[j] * shape[j]);
    }
    for (int j = 0; j < m; j++) {
      rateVar[j] = noiseScale[j] * inverse[j];
    }
    for (int j = 0; j < m; j++) {
      postRate[j] = (optimismPrec * noiseScale[j] + sumS[j] * shape[j]) * inverse[j];
    }
    for (int j = 0; j < m; j++) {
      // max(2 shape, MIN_DF) on halves of whole numbers, exactly
      df[j] = MIN_DF + positivePart(2 * shape[j] - MIN_DF);
    }
    // the landing value: Student-t, location y_n + r h, scale sqrt(s2 h + h^2 var(r)), h = x_o - x_n to the outcome x_o
    // (the end, 1, unless the outcome is the last check-in: Kernel.outcomeX)
    double[] mean = col[MEAN];
    double[] scale = col[SCALE];
    double[] position = col[POSITION];
    double[] horizon = col[HORIZON];
    // (px is finite: the scan refuses infinite times)
    if (c.outcomeAtEnd) {
      for (int j = 0; j < m; j++) {
        horizon[j] = positivePart(1.0 - px[j]);
      }
    } else {
      double[] outcomeX = col[OUTCOME_X];
      for (int j = 0; j < m; j++) {
        horizon[j] = positivePart(outcomeX[j] - px[j]);
      }
    }
    for (int j = 0; j < m; j++) {
      mean[j] = py[j] + postRate[j] * horizon[j];
    }
    for (int j = 0; j < m; j++) {
      double h = horizon[j];
      scale[j] = Math.sqrt(s2[j] * h + h * h * rateVar[j]);
    }
    for (int j = 0; j < m; j++) {
      position[j] = StudentT.position(1 - mean[j], scale[j]);
    }
    // the t-table row: 2 df is a whole number here (2 df = max(4 a0 + 2 max(n - 1, 0), 2 MIN_DF), a0 = 1/4 and
    // MIN_DF = 3/2), so StudentT.row(df) is 2 df itself within the table (StudentTTest checks both agree)
    double[] row = col[ROW];
    for (int j = 0; j < m; j++) {
      // min(MAX_HALVES, 2 df) on whole numbers, exactly
      row[j] = StudentT.MAX_HALVES - positivePart(StudentT.MAX_HALVES - 2 * df[j]);
    }
    // the table look-ups: probability of the target, the interval's quantile, the 0.85 quantile for completion
    double[] probability = col[PROBABILITY];
    double[] qRow = col[Q_ROW];
    double[] kk = col[Q85_SQUARED];
    boolean calibrate = !p.identityCalibration();
    // (where the scale is 0 the probability is set below)
    for (int j = 0; j < m; j++) {
      int r = (int) row[j];
      // P(T > (1 - mean) / scale): 1 - upper where the mean is at most 1, upper where it is above, as
      // 0.5 - s (upper - 0.5) with s = +1 or -1 (every step exact: upper is in [0.5, 1]), without a branch on a
      // condition that is a coin toss from one key result to the next
      probability[j] = 0.5 - Math.copySign(1.0, 1 - mean[j]) * (StudentT.upperAt(position[j], r) - 0.5);
      qRow[j] = q[r];
      double k = q85[r];
      kk[j] = k * k;
    }
    // the interval (a point where the scale is 0, below), its ends in the metric's order: the half width turned by
    // the direction (in place of the quantiles), exactly
    double[] low = col[LOW];
    double[] high = col[HIGH];
    double[] direction = col[DIRECTION];
    for (int j = 0; j < m; j++) {
      qRow[j] = qRow[j] * scale[j] * direction[j];
    }
    for (int j = 0; j < m; j++) {
      low[j] = mean[j] - qRow[j];
    }
    for (int j = 0; j < m; j++) {
      high[j] = mean[j] + qRow[j];
    }
    // completion: the location crosses 1 at P50 (the t is symmetric); P85 solves r d - g = q85 sqrt(s2 d + var(r)
    // d^2) for the horizon d, a quadratic; g = 1 - y_n
    // (as the cycle fraction of the completion, x_n + d, straight into the completion columns, which the flags loop
    // below settles)
    double[] d50 = col[COMPLETION];
    double[] d85 = col[COMPLETION_85];
    double[] quadA = col[QUAD_A];
    double[] quadB = col[QUAD_B];
    double[] disc = col[DISCRIMINANT];
    for (int j = 0; j < m; j++) {
      d50[j] = px[j] + (1 - py[j]) / postRate[j];
    }
    for (int j = 0; j < m; j++) {
      quadA[j] = postRate[j] * postRate[j] - kk[j] * rateVar[j];
    }
    for (int j = 0; j < m; j++) {
      quadB[j] = 2 * postRate[j] * (1 - py[j]) + kk[j] * s2[j];
    }
    for (int j = 0; j < m; j++) {
      double g = 1 - py[j];
      disc[j] = quadB[j] * quadB[j] - 4 * quadA[j] * g * g;
    }
    for (int j = 0; j < m; j++) {
      d85[j] = px[j] + (quadB[j] + Math.sqrt(positivePart(disc[j]))) / (2 * quadA[j]);
    }
    // The flags, without a branch but for the rare cases (a snapshot metric, a scale of 0). Where a flag is absent
    // the required rate keeps whatever number it holds (every reader looks at the flag first); a completion is -1.
    double[] backward = col[BACKWARD];
    double[] flags = col[FLAGS];
    double[] count = col[COUNT];
    double[] firstMetX = col[FIRST_MET_X];
    double[] remaining = col[REMAINING];
    double[] invLength = col[INV_LENGTH];
    for (int j = 0; j < m; j++) {
      boolean moving = 1 - py[j] > 0 & postRate[j] > 0;
      int f = HAS_INTERVAL | commonFlags(count[j], firstMetX[j], px[j], remaining[j], py[j])
          | (moving & d50[j] <= MAX_COMPLETION ? HAS_COMPLETION : 0)
          | (moving & quadA[j] > 0 & disc[j] >= 0 & d85[j] <= MAX_COMPLETION ? HAS_COMPLETION_85 : 0);
      double now = asOfDays[base + j] * invLength[j];
      d50[j] = (f & HAS_COMPLETION) == 0 ? -1 : notBefore(d50[j], now);
      d85[j] = (f & HAS_COMPLETION_85) == 0 ? -1 : notBefore(d85[j], now);
      if (backward[j] >= SNAPSHOT_BACKWARD_STEPS) {
        // a snapshot metric
        flags[j] = c.commonFlags(j);
        c.toSlots(j);
        int i = base + j;
        RowMethods.prepare(ForecastMethod.PLAN_PRIOR_BAYES, p, priorPrec, q, times, values, offsets[i],
            offsets[i + 1], asOfDays[i], baselines[i], c.outcomeX(j), c.slots, 0);
        c.fromSlots(j);
        continue;
      }
      if (!(scale[j] > 0)) {
        low[j] = mean[j];
        high[j] = mean[j];
        probability[j] = mean[j] >= 1 ? 1.0 : 0.0;
      }
      if (calibrate) {
        probability[j] = recalibrate(probability[j], p.calibrationIntercept(), p.calibrationSlope());
      }
      flags[j] = f;
    }
  }

  /**
   * The movement-aware method's last stage over the plan-prior results: the probability of target replaced by the
   * stacked one, as {@link Stack#probability} states it, in short loops over the columns (the log and the exponential
   * in loops of their own), without a branch on whether a key result moved (a coin toss from one to the next).
   * Overwrites the plan-prior stages' scratch columns SHAPE, NOISE_SCALE, POSITION, QUAD_A and INVERSE.
   */
  static void stack(double[] w, Columns c, int m) {
    double[][] col = c.col;
    double[] probability = col[PROBABILITY];
    double[] remaining = col[REMAINING];
    double[] py = col[LAST_Y];
    double[] px = col[LAST_X];
    double[] sumS = col[SUM_S];
    double[] ss = col[SUM_SQUARES];
    double[] confidence = col[CONFIDENCE];
    double[] ordinal = col[ORDINAL];
    double[] backward = col[BACKWARD];
    double[] z = col[SHAPE];
    double[] moved = col[NOISE_SCALE];
    double[] burst = col[POSITION];
    double[] linear = col[QUAD_A];
    double[] q = col[INVERSE];
    double lo = Stack.P_CLAMP;
    double hi = 1 - Stack.P_CLAMP;
    // the odds in a vector loop, then the log alone in a scalar loop of its own (Math.log is a call the JIT does not
    // vectorize: with the division beside it, each iteration waited on both; about 3 ns per key result less here)
    for (int j = 0; j < m; j++) {
      double pc = Stack.clamp(probability[j], lo, hi);
      z[j] = pc / (1 - pc);
    }
    for (int j = 0; j < m; j++) {
      z[j] = Math.log(z[j]);
    }
    for (int j = 0; j < m; j++) {
      moved[j] = py[j] > 0 ? 1.0 : 0.0;
    }
    // the burstiness's division and clamp in a vector loop (held in the linear column until that is computed), the
    // choice in a scalar loop of its own: a loop with a choice in it is not vectorized, and its division with it
    for (int j = 0; j < m; j++) {
      linear[j] = Stack.clamp(1 - sumS[j] * sumS[j] / (ss[j] * px[j] + Double.MIN_VALUE), 0, 1);
    }
    for (int j = 0; j < m; j++) {
      // 0 without an increment (ss px = 0) or without movement (Stack.burst); 0 for a key result that ever stepped
      // back (Stack.features)
      burst[j] = ss[j] * px[j] > 0 & backward[j] == 0 ? linear[j] * moved[j] : 0.0;
    }
    double w0 = w[Stack.INTERCEPT];
    double wz = w[Stack.Z];
    double wu = w[Stack.UNMOVED];
    double wux = w[Stack.UNMOVED_X];
    double wx = w[Stack.X];
    double wzx = w[Stack.Z_X];
    double wb = w[Stack.BURST];
    double wbz = w[Stack.BURST_Z];
    double wc = w[Stack.CONFIDENCE];
    double wo = w[Stack.ORDINAL];
    double wuz = w[Stack.UNMOVED_Z];
    double wuzx = w[Stack.UNMOVED_Z_X];
    double held = Stack.metHolds(w);
    // the time the stage weighs the trajectory's chance by (Stack.time): the forecast instant, but no later than one
    // usual gap after the latest check-in
    double[] increments = col[INCREMENTS];
    double[] asOfX = col[HORIZON];
    for (int j = 0; j < m; j++) {
      asOfX[j] = Stack.time(remaining[j], px[j], increments[j]);
    }
    for (int j = 0; j < m; j++) {
      double x = asOfX[j];
      double unmoved = 1 - moved[j];
      linear[j] = w0 + wz * z[j] + unmoved * (wu + wux * x + z[j] * (wuz + wuzx * x)) + x * (wx + wzx * z[j])
          + burst[j] * (wb + wbz * z[j]) + wc * confidence[j] + wo * ordinal[j];
    }
    // likewise the exponential alone, then the logistic's division in a vector loop
    for (int j = 0; j < m; j++) {
      q[j] = Math.exp(-linear[j]);
    }
    for (int j = 0; j < m; j++) {
      q[j] = 1 / (1 + q[j]);
    }
    // the bounds likewise: the floor (a choice) in a scalar loop, held in the z column (no longer needed), the clamp in
    // a vector loop, the met targets in a scalar loop
    for (int j = 0; j < m; j++) {
      // the floor falls to 0 over the last LATE of the cycle for a key result FAR from its target (Stack.bound)
      double left = remaining[j];
      z[j] = left < Stack.LATE & 1 - py[j] >= Stack.FAR ? Stack.FLOOR * left * (1 / Stack.LATE) : Stack.FLOOR;
    }
    for (int j = 0; j < m; j++) {
      q[j] = Stack.clamp(q[j], z[j], Stack.CEILING);
    }
    for (int j = 0; j < m; j++) {
      // a met target holds with the model's probability until the cycle is over (then it is the outcome)
      probability[j] = py[j] >= 1 ? (remaining[j] > 0 ? held : 1.0) : q[j];
    }
  }

  private PlanPriorStages() {}

  /**
   * The movement-aware method's landing value and interval, from one predictive with the stacked probability P of
   * target (a manager read "forecast to land at 60%, a 55% chance of reaching it", and an 80% interval wholly below
   * the target beside a 30% chance: the trajectory's figures beside the stage's probability). The trajectory's
   * predictive F (Student-t) is changed as little as makes P its probability beyond the target (progress 1):
   * <ul>
   *   <li>where P is above F's own (a key result that moves in steps: the stage has learned that such key results
   *       often reach their target at once), the added chance sits at the target: each quantile at a level of at
   *       least 1 - P is at least the target;
   *   <li>where P is below F's own and some quantile reported (the interval's ends, the median) would otherwise sit
   *       on the wrong side, the part below the target is F's below the target, scaled to 1 - P: the alpha-quantile is
   *       F's quantile at alpha (1 - p) / (1 - P), p F's probability beyond the target (a trajectory sure of its
   *       target that the stage doubts: its low end below the target, not at it).
   * </ul>
   * The landing value is this predictive's median (at or beyond the target exactly where P is at least 0.5), the
   * interval its central {@code level}. Key results without an interval get the median rule alone (no scale: the
   * target where it must move). Runs after {@link #stack}; Kernel.over then settles the key results whose cycle is
   * over.
   */
  static void predictive(double level, double[] asOfDays, int base, Columns c, int m) {
    double[][] col = c.col;
    double[] probability = col[PROBABILITY];
    double[] mean = col[MEAN];
    double[] low = col[LOW];
    double[] high = col[HIGH];
    double[] direction = col[DIRECTION];
    double tail = 0.5 - 0.5 * level;
    double spread = 0.5 - tail;
    // First the key results with a quantile short of its level (below 1 - P) yet at or beyond the target: the stage
    // doubts a trajectory sure of its target (rare). Their part below the target is scaled, at the end (a quantile at
    // the target itself would read as reaching it: "to land at 100%, a 43% chance"). The interval's ends in progress
    // order are the least and the greatest of LOW and HIGH (the kernel keeps them in the metric's: Kernel.LOW).
    int[] rare = c.rare;
    int rareCount = 0;
    for (int j = 0; j < m; j++) {
      double prob = probability[j];
      boolean wrong = prob < 0.5 + spread & Math.min(low[j], high[j]) >= 1 | prob < 0.5 & mean[j] >= 1
          | prob < 0.5 - spread & Math.max(low[j], high[j]) >= 1;
      rare[rareCount] = j;
      rareCount += wrong ? 1 : 0;
    }
    // Each quantile at or beyond the target where its level is at least 1 - P, as max(y, g) with g = 1 there and
    // below -1e283 elsewhere (P is a double within [0, 1], so c - P is 0 or at least 5e-17 in size where c is such a
    // threshold, 1 - level): no choice in the loop, which the JIT would not vectorize. A quantile on the other side
    // stays as it is. The interval's ends are in the metric's order: LOW's level is the lower one, tail, for an
    // increase (direction +1) and the upper, 1 - tail, for a decrease, so its threshold is 0.5 + direction (0.5 -
    // tail), HIGH's 0.5 - direction (0.5 - tail).
    double big = 1e300;
    for (int j = 0; j < m; j++) {
      low[j] = Math.max(low[j], 1 - big * positivePart(0.5 + direction[j] * spread - probability[j]));
    }
    for (int j = 0; j < m; j++) {
      mean[j] = Math.max(mean[j], 1 - big * positivePart(0.5 - probability[j]));
    }
    for (int j = 0; j < m; j++) {
      high[j] = Math.max(high[j], 1 - big * positivePart(0.5 - direction[j] * spread - probability[j]));
    }
    // The completion dates likewise: the median completion is by the end exactly where P is at least 0.5 (a key
    // result "forecast to land at 100%, a 52% chance" had its P50 completion two days after the end), and the 0.85
    // one where P is at least 0.85: such a date after the end is the end, or the forecast instant after it (a
    // completion is never before it). As min(d, g) with g that bound where P is at least the level and beyond every
    // completion elsewhere (1e300 times a gap of 5e-17 or more), without a choice (the JIT would not vectorize the
    // loop; a branch on P's side of one half is a coin toss). A completion absent is -1 and stays so. Kernel.over
    // then settles the key results whose cycle is over.
    double[] d50 = col[COMPLETION];
    double[] d85 = col[COMPLETION_85];
    double[] invLength = col[INV_LENGTH];
    double[] bound = col[NOISE_SCALE];
    for (int j = 0; j < m; j++) {
      bound[j] = Math.max(1.0, asOfDays[base + j] * invLength[j]);
    }
    for (int j = 0; j < m; j++) {
      d50[j] = Math.min(d50[j], bound[j] + big * positivePart(0.5 - probability[j]));
    }
    for (int j = 0; j < m; j++) {
      d85[j] = Math.min(d85[j], bound[j] + big * positivePart(0.85 - probability[j]));
    }
    // and after the end where P is below the level: a key result without a check-in (the plan's trajectory, its
    // median completion the end itself) read "completion 31 Mar" beside a 43% chance. When after the end is not known:
    // half a day after it, the first day after the cycle (a completion absent, -1, stays so). As max(d, e - g) with
    // g 0 where P is below the level and d present, and beyond 1e283 elsewhere (P - nextDown(level) is 0 or less
    // exactly where P is below the level, 5e-17 or more where not; -d is 1 where d is absent), without a choice.
    double below50 = Math.nextDown(0.5);
    double below85 = Math.nextDown(0.85);
    for (int j = 0; j < m; j++) {
      d50[j] = Math.max(d50[j], 1.0 + 0.5 * invLength[j]
          - big * (positivePart(probability[j] - below50) + positivePart(-d50[j])));
    }
    for (int j = 0; j < m; j++) {
      d85[j] = Math.max(d85[j], 1.0 + 0.5 * invLength[j]
          - big * (positivePart(probability[j] - below85) + positivePart(-d85[j])));
    }
    // the rare ones: each quantile short of its level is F's below the target scaled to 1 - P. Their mean is the
    // location still (the loops above change no quantile short of its level, and where the median is beyond its
    // level here the mean is already at or beyond the target: lo >= 1 with P < 0.5 + spread)
    double[] scale = col[SCALE];
    double[] df = col[DF];
    for (int k = 0; k < rareCount; k++) {
      int j = rare[k];
      double prob = probability[j];
      boolean up = direction[j] > 0;
      double lo = up ? low[j] : high[j];
      double hi = up ? high[j] : low[j];
      double centre = mean[j];
      double s = scale[j];
      int row = StudentT.row(df[j]);
      double beyond = s > 0 ? 1 - StudentT.cdf(1 - centre, s, row) : (centre >= 1 ? 1.0 : 0.0);
      double below = 1 - beyond;
      double missing = 1 - prob;
      // each quantile short of its level at alpha: F's at alpha / (1 - P) of F's mass below the target
      lo = prob < 0.5 + spread ? shortOfTarget(centre, s, row, below, tail, missing) : lo;
      hi = prob < 0.5 - spread ? shortOfTarget(centre, s, row, below, 1 - tail, missing) : hi;
      mean[j] = prob < 0.5 ? shortOfTarget(centre, s, row, below, 0.5, missing) : centre;
      low[j] = up ? lo : hi;
      high[j] = up ? hi : lo;
    }
  }

  /**
   * F's quantile at {@code alpha / missing} of its mass {@code below} the target ({@code alpha} below {@code missing},
   * the chance of missing the target the stage gives), for a location, scale and t-table row: the table's inverse
   * ({@link StudentT#inverse}) where that mass is within the table's reach, else {@link #deepBelowTarget}; at most the
   * target, and the target itself where the scale is 0 (F is a point, with no mass below the target to scale).
   */
  private static double shortOfTarget(double location, double scale, int row, double below, double alpha,
      double missing) {
    if (!(scale > 0)) {
      return 1.0;
    }
    if (below < TABLE_TAIL) {
      // F's mass below the target is beyond the table's reach (it rounds to 0, or to a few units in the last place
      // of 1, whose scaled level the inverse read as -infinity): the low end read the target or -MAX_PROGRESS
      return deepBelowTarget(location, scale, row, alpha / missing);
    }
    double y = location + StudentT.inverse(alpha * (below / missing), row) * scale;
    // (a level within a rounding of 0 is the table's -infinity: the kernel's bound on progress)
    return y < 1 ? Math.max(y, -MAX_PROGRESS) : 1.0;
  }

  /** F's mass below the target under which the table's tail is too coarse for the rare step (see deepBelowTarget). */
  static final double TABLE_TAIL = 1e-12;

  /**
   * F's quantile at k times its mass below the target (k within (0, 1)), location beyond the target, scale positive:
   * commons-statistics' Student-t of the table row's degrees of freedom where that mass is a normal double, else its
   * power-law tail (F(z) ~ C |z|^-df: the quantile at k F(z1) is z1 k^(-1/df)). Short of the target: a quantile
   * rounding onto it is one unit in the last place below it.
   */
  static double deepBelowTarget(double location, double scale, int row, double k) {
    double df = row / 2.0;
    double z1 = (1 - location) / scale;
    TDistribution t = TDistribution.of(df);
    double mass = t.cumulativeProbability(z1);
    double z = mass * k >= Double.MIN_NORMAL ? t.inverseCumulativeProbability(mass * k) : z1 * Math.pow(k, -1 / df);
    double y = location + z * scale;
    return y < 1 ? Math.max(y, -MAX_PROGRESS) : Math.nextDown(1.0);
  }
}
