package org.okrengine.forecast;

/**
 * The numeric core of every forecasting method, on primitive arrays: no allocation, boxing or distribution object
 * per forecast. A run takes up to {@link #CHUNK} key results: one scalar pass over each one's check-ins
 * ({@link Scan}), then the plan-prior method and the movement-aware stage as short loops over per-figure columns
 * ({@link PlanPriorStages} on {@link Columns}), the other methods key result by key result on a row of slots
 * ({@link RowMethods}). This class holds the slots and flags, the limits, the entry points and the figures every
 * method shares. A single forecast is a run of one. Stateless and thread-safe: callers own the arrays, and the
 * scratch columns reused by single forecasts and replays are each thread's own.
 */
final class Kernel {
  /** Key results per run of the batch stages: their columns stay in the caches. */
  static final int CHUNK = 256;

  /*
   * Units. Time is the fraction x of the cycle (0 at its start, 1 at its end); the value is progress
   * y = (value - baseline) / (target - baseline), so every method is direction-aware for free and the target is y = 1.
   * Sums are accumulated on these shifted, scaled values, never on epoch times.
   *
   * Anchor. The baseline is the value at the cycle start, so (0, 0) is an observation unless a check-in at or before
   * the start says otherwise (the last such check-in then replaces it). Check-ins closer than MIN_DX apart are merged
   * (the later value wins) so that no increment divides by a vanishing time step.
   *
   * Plan-prior Bayes (the default). Increments follow Brownian motion with drift: dy ~ N(r dx, s2 dx). The rate r has
   * the prior N(optimism * planRate, spread^2), planRate = 1 progress per cycle; s2 has an inverse-gamma prior with
   * shape a0 = 0.25 and scale noisePrior, updated by the residuals around the data's own rate S/T with n - 1 degrees
   * of freedom. Given the posterior-mean s2, r's posterior is normal with precision 1/spread^2 + T/s2. The landing
   * value Y(1) = y_n + r h + W(h), h = 1 - x_n, is Student-t with 2 an degrees of freedom, location y_n + r_mean h and
   * scale sqrt(s2 h + h^2 var(r)). With zero to two check-ins the prior dominates and the forecast is the plan's,
   * wide; with many the data's rate takes over. P(target) is the t tail beyond y = 1, optionally recalibrated by
   * a logistic map fitted on history. Completion: P50 is when the location crosses 1; P85 solves
   * r d - g = q85 * sqrt(s2 d + var(r) d^2) for the horizon d (a quadratic), g = 1 - y_n.
   *
   * Snapshot metrics: see RowMethods.bayesSnapshot. Movement-aware: see Stack.
   *
   * Linear pace: landing = y_n / x_n; P is 1 when landing >= 1, else 0 (what OKR tools do today).
   * OLS trend: least squares line through the points, Student-t prediction interval with m - 2 degrees of freedom.
   * Random walk with drift: the data's rate S/T, residual variance with n - 1 degrees of freedom, no prior.
   * Damped trend: Holt's linear method with damping, fixed alpha 0.5, beta 0.3, phi 0.9 per check-in step, the
   * horizon measured in mean check-in steps, and a normal interval from the one-step errors.
   */

  static final int MEAN = 0;
  /**
   * The prediction interval's ends in progress, in the metric's order: LOW is the end with the lower value, so for a
   * decreasing key result (target below baseline) it is the higher progress.
   */
  static final int LOW = 1;
  static final int HIGH = 2;
  static final int PROBABILITY = 3;
  static final int RATE = 4;
  static final int REQUIRED = 5;
  static final int COMPLETION = 6;
  static final int COMPLETION_85 = 7;
  static final int LAST_Y = 8;
  static final int LAST_X = 9;
  static final int FLAGS = 10;
  static final int FIRST_MET_X = 11;
  static final int SCALE = 12;
  static final int DF = 13;
  static final int COUNT = 14;
  static final int SUM_S = 15;
  static final int SUM_SQUARES = 16;
  static final int INCREMENTS = 17;
  static final int INV_LENGTH = 18;
  static final int INV_HALF_SPAN = 19;
  static final int BACKWARD = 20;
  static final int OLS_M = 21;
  static final int OLS_SX = 22;
  static final int OLS_SY = 23;
  static final int OLS_SXX = 24;
  static final int OLS_SXY = 25;
  static final int OLS_SYY = 26;
  static final int POSTERIOR_RATE = 27;
  static final int RATE_VARIANCE = 28;
  static final int NOISE_VARIANCE = 29;
  static final int ROW = 30;
  static final int SLOTS = 31;
  // the columns of a batch's stages beyond the slots: inputs and the plan-prior method's intermediate figures
  static final int LENGTH = SLOTS;
  static final int AS_OF = SLOTS + 1;
  static final int BASELINE = SLOTS + 2;
  static final int TARGET = SLOTS + 3;
  static final int REMAINING = SLOTS + 4;
  static final int SHAPE = SLOTS + 5;
  static final int NOISE_SCALE = SLOTS + 6;
  static final int POSITION = SLOTS + 7;
  static final int Q85_SQUARED = SLOTS + 8;
  static final int QUAD_A = SLOTS + 9;
  static final int DISCRIMINANT = SLOTS + 10;
  static final int INVERSE = SLOTS + 11;
  static final int QUAD_B = SLOTS + 12;
  static final int Q_ROW = SLOTS + 13;
  static final int HORIZON = SLOTS + 14;
  /** +1 for a key result whose target is above its baseline, -1 for one below. */
  static final int DIRECTION = SLOTS + 15;
  // BatchForecaster's, as it stores a chunk's results
  static final int SPAN = SLOTS + 16;
  static final int WEEKLY = SLOTS + 17;
  /** Inputs of the movement-aware method: the latest check-in's confidence minus 0.5 (0 without one). */
  static final int CONFIDENCE = SLOTS + 18;
  /** Inputs of the movement-aware method: 1 for a few-level (ordinal) key result, else 0. */
  static final int ORDINAL = SLOTS + 19;
  /**
   * The cycle fraction at which the outcome is taken: 1 (the end) unless the outcome is the last check-in
   * ({@link #outcomeX}); the horizon of every method runs from the last check-in to it.
   */
  static final int OUTCOME_X = SLOTS + 20;
  /**
   * 1 where a key result's check-ins went back at least once (a value behind the one before it, the first behind the
   * baseline, in the direction of its target), else 0 ({@link #hold}).
   */
  static final int WENT_BACK = SLOTS + 21;
  static final int COLUMNS = SLOTS + 22;
  /** How many check-ins that never went back hold a key result's forecast at where it stands ({@link #hold}). */
  static final int HELD_CHECK_INS = 3;
  /** Steps away from the target that make a series a snapshot metric (NPS, latency) rather than a running count. */
  static final int SNAPSHOT_BACKWARD_STEPS = 2;

  static final int HAS_INTERVAL = 1;
  static final int HAS_RATE = 2;
  static final int HAS_REQUIRED = 4;
  static final int NO_DATA = 8;
  static final int HAS_COMPLETION = 16;
  static final int HAS_COMPLETION_85 = 32;
  static final int MET = 64;

  static final double MIN_DX = 1e-6;
  /**
   * The largest baseline or target in absolute value (as okr-cycle/1 allows): every difference and product of the
   * outputs (a landing of a million times the span from the baseline, say) stays finite.
   */
  static final double MAX_VALUE = 1e15;
  /** The smallest distance of a target from its baseline. */
  static final double MIN_SPAN = 1e-9;
  /** The shortest cycle, in days (about a minute and a half). */
  static final double MIN_LENGTH_DAYS = 1e-3;
  /** The longest cycle and the farthest instant from a cycle's start, in days (about 2,700 years). */
  static final double MAX_DAYS = 1e6;
  /** The largest progress the kernel works with (see {@link #progress}). */
  static final double MAX_PROGRESS = 1e6;
  /**
   * The largest 1 / |target - baseline| of the scan's fast loop on raw values: beyond it the squares of the raw
   * steps could underflow, and exactPass works on progress instead.
   */
  static final double MAX_INVERSE_SPAN = 1e100;
  /**
   * The fewest degrees of freedom of a predictive. At 1 or fewer its mean, the landing value, would not exist; 1.5
   * leaves a margin and was checked across both families of history (README).
   */
  static final double MIN_DF = 1.5;
  /** Completion dates further than this many cycles from the start are not reported. */
  static final double MAX_COMPLETION = 3.0;

  private Kernel() {}

  /**
   * Forecasts one key result.
   *
   * @param method which method
   * @param p the Bayes hyperparameters (ignored by the others)
   * @param stack the movement-aware method's weights ({@link Stack}; ignored by the others)
   * @param q the two-sided interval quantiles by t-table row
   * @param level the central probability of the interval those quantiles give (movement-aware: the interval's ends
   *     follow the stacked probability, {@link PlanPriorStages#predictive})
   * @param q85 the one-sided 0.85 quantiles by t-table row
   * @param times check-in times in days since the cycle start, sorted, only those the forecast may see
   * @param values check-in values in the metric's unit
   * @param from first index
   * @param to index past the last
   * @param lengthDays the cycle's length in days, positive
   * @param asOfDays the forecast instant in days since the cycle start
   * @param baseline the metric's baseline
   * @param target the metric's target, not equal to the baseline
   * @param confidence the latest check-in's confidence minus 0.5, 0 without one (movement-aware only)
   * @param ordinal 1 for a few-level key result, else 0 (movement-aware only)
   * @param atLastCheckIn whether to forecast the value at the key result's last check-in before the end rather than
   *     the value at the end ({@link #outcomeX})
   * @param scratch the caller's columns, any capacity
   * @param out receives the SLOTS values
   */
  static void forecast(ForecastMethod method, Hyperparameters p, double[] stack, double[] q, double level,
      double[] q85, double[] times, double[] values, int from, int to, double lengthDays, double asOfDays,
      double baseline, double target, double confidence, double ordinal, boolean atLastCheckIn, Columns scratch,
      double[] out) {
    double[][] col = scratch.col;
    scratch.offsets[0] = from;
    scratch.offsets[1] = to;
    col[LENGTH][0] = lengthDays;
    col[AS_OF][0] = asOfDays;
    col[BASELINE][0] = baseline;
    col[TARGET][0] = target;
    col[CONFIDENCE][0] = confidence;
    col[ORDINAL][0] = ordinal;
    run(method, p, p.priorPrecision(), stack, q, level, q85, times, values, scratch.offsets, col[LENGTH], col[AS_OF],
        col[BASELINE], col[TARGET], 0, scratch, 1, atLastCheckIn);
    for (int k = 0; k < SLOTS; k++) {
      out[k] = col[k][0];
    }
  }

  /**
   * Forecasts key results {@code base} to {@code base + m - 1} of the input arrays (as in
   * {@link BatchForecaster#forecast}) into the first {@code m} entries of {@code c}'s slot columns. The
   * movement-aware method reads each key result's confidence and ordinal flag from {@code c}'s CONFIDENCE and ORDINAL
   * columns (entries 0 to m - 1), which the caller fills (zeros where unknown). With {@code atLastCheckIn} each key
   * result's value is forecast at its last check-in before the end, else at the end ({@link #outcomeX}).
   */
  static void run(ForecastMethod method, Hyperparameters p, double priorPrec, double[] stack, double[] q,
      double level, double[] q85, double[] times, double[] values, int[] offsets, double[] lengthDays,
      double[] asOfDays, double[] baselines, double[] targets, int base, Columns c, int m, boolean atLastCheckIn) {
    Scan.scan(times, values, offsets, lengthDays, asOfDays, baselines, targets, base, c, m);
    common(asOfDays, base, c, m);
    outcomeX(atLastCheckIn, c, m);
    if (method == ForecastMethod.PLAN_PRIOR_BAYES || method == ForecastMethod.MOVEMENT_AWARE) {
      PlanPriorStages.bayes(p, priorPrec, q, q85, times, values, offsets, asOfDays, baselines, base, c, m);
      if (method == ForecastMethod.MOVEMENT_AWARE) {
        PlanPriorStages.stack(stack, c, m);
        PlanPriorStages.predictive(level, asOfDays, base, c, m);
      }
    } else {
      for (int j = 0; j < m; j++) {
        int i = base + j;
        c.col[FLAGS][j] = c.commonFlags(j);
        c.toSlots(j);
        RowMethods.prepare(method, p, priorPrec, q, times, values, offsets[i], offsets[i + 1], asOfDays[i],
            baselines[i], c.outcomeX(j), c.slots, 0);
        c.fromSlots(j);
      }
    }
    hold(baselines, base, c, m);
    over(c, m);
  }

  /**
   * A key result short of its target whose check-ins never went back, from its baseline through at least
   * {@link #HELD_CHECK_INS} of them (each at or beyond the one before, toward the target), is forecast to land, and
   * has its interval's ends, at or beyond where it stands (its latest check-in's progress), whatever the method. The
   * trajectory's spread gave a count of 36 articles, after sixteen check-ins none of which fell, an interval from
   * 33.4, and one signed customer a low end of 0.22. The history says such a key result rarely goes back: at the
   * middle of the shared families' cycles, of 2,353 key results short of their target with three or more check-ins
   * that never went back, 36 ended behind where they stood (1.5%: none of 1,100 TAWOS quarters, 2.9% of 1,253 TSE
   * sprints), where an 80% interval's near end leaves 10% (docs/experiments/held-ground.py). One that went back even
   * once (a rate, a headcount) keeps its method's figures. Short of the target, so a landing or an end below it stays
   * below it ({@link PlanPriorStages#predictive}'s rule holds); the probability and the completions are not touched.
   */
  static void hold(double[] baselines, int base, Columns c, int m) {
    double[][] col = c.col;
    double[] wentBack = col[WENT_BACK];
    double[] count = col[COUNT];
    double[] lastY = col[LAST_Y];
    double[] mean = col[MEAN];
    double[] low = col[LOW];
    double[] high = col[HIGH];
    double[] invSpan = col[INV_HALF_SPAN];
    for (int j = 0; j < m; j++) {
      double y = lastY[j];
      if (wentBack[j] != 0 || count[j] < HELD_CHECK_INS || !(y < 1)) {
        continue;
      }
      // a hair below, so that the value it reads back as (baseline + y * span, rounded) is not above where it
      // stands: an outcome that stays where it stood is inside the interval (23.000000000000004 read for 23 before).
      // y is in [0, 1) (it never went back from the baseline), the value's rounding is within a few units in the last
      // place of the baseline or the value, so 16 of them in progress are enough
      y -= 0x1p-48 * (1 + Math.abs(baselines[base + j] * invSpan[j]));
      // in progress, toward the target is up whatever the direction: every figure at least y (LOW and HIGH are in
      // the metric's order, so both are raised); an interval the flags say is absent is not read
      mean[j] = mean[j] < y ? y : mean[j];
      low[j] = low[j] < y ? y : low[j];
      high[j] = high[j] < y ? y : high[j];
    }
  }

  /** How far below 1 a progress may fall from rounding and still count as the target met ({@link #over}). */
  static final double MET_TOLERANCE = 1e-12;

  /**
   * Once the cycle is over (no time remains at the forecast instant), the outcome is the latest check-in's value,
   * whatever the method: the landing is that value, no interval (nothing is left uncertain), the probability 1 where
   * it meets the target and 0 where it does not (before, a key result at 88% of the way whose last check-in came nine days before
   * the end kept a 43% chance after the cycle had ended, beside the retrospective's miss), and no completion ahead
   * for one that falls short. A met target counted as the outcome (probability 1) once the cycle was over before;
   * the unmet ones now read the same way. Key results without a check-in keep the method's figures.
   */
  static void over(Columns c, int m) {
    double[][] col = c.col;
    double[] remaining = col[REMAINING];
    for (int j = 0; j < m; j++) {
      if (remaining[j] > 0 || col[COUNT][j] == 0) {
        continue; // nearly always: a branch the processor predicts
      }
      double y = col[LAST_Y][j];
      col[MEAN][j] = y;
      // progress is (value - baseline) times 1 / (target - baseline) on halves: a value equal to its target can come
      // out one unit in the last place below 1 (1500 from a baseline of 1: 0.9999999999999999)
      boolean met = y >= 1 - MET_TOLERANCE;
      col[PROBABILITY][j] = met ? 1.0 : 0.0;
      col[FLAGS][j] = (int) col[FLAGS][j] & ~(met ? HAS_INTERVAL : HAS_INTERVAL | HAS_COMPLETION | HAS_COMPLETION_85);
      if (!met) {
        col[COMPLETION][j] = -1;
        col[COMPLETION_85][j] = -1;
      }
    }
  }

  /**
   * The flags every method shares, from a key result's scanned and common figures: no data, met, rate seen, rate
   * required (time left and the target not reached). Without a branch.
   */
  static int commonFlags(double count, double firstMetX, double px, double remaining, double py) {
    return (count > 0 ? 0 : NO_DATA) | (firstMetX >= 0 ? MET : 0) | (px > 0 ? HAS_RATE : 0)
        | (remaining > 0 & py < 1 ? HAS_REQUIRED : 0);
  }

  /** Whether a cycle length in days is one the kernel accepts: positive and finite. */
  static boolean validLength(double lengthDays) {
    return lengthDays >= MIN_LENGTH_DAYS & lengthDays <= MAX_DAYS;
  }

  /** Whether an instant in days since a cycle's start is one the kernel accepts: within +-MAX_DAYS. */
  static boolean validDays(double days) {
    return Math.abs(days) <= MAX_DAYS;
  }

  /** Whether a baseline or target is one the kernel accepts: within +-MAX_VALUE. */
  static boolean validValue(double v) {
    return Math.abs(v) <= MAX_VALUE;
  }

  /** Whether a target is far enough from its baseline: by MIN_SPAN at least (NaN fails). */
  static boolean validSpan(double baseline, double target) {
    return Math.abs(target - baseline) >= MIN_SPAN;
  }

  /**
   * max(v, 0) for the vector loops, for v finite or +infinity: the same number for every such v but a subnormal
   * (halving one may round), NaN for NaN and +0 for -0, as Math.max gives; but NaN for -infinity. Vectorized by the
   * JIT, Math.max costs about three times an add here (an AMD EPYC, JDK 17), this about one and a third.
   */
  static double positivePart(double v) {
    return 0.5 * v + 0.5 * Math.abs(v);
  }

  /**
   * A completion (a cycle fraction) not before the forecast instant {@code now}: a forecast that puts it earlier (a
   * key result without a check-in for a while) gives now.
   */
  static double notBefore(double completion, double now) {
    return completion < now ? now : completion;
  }

  /**
   * The figures every method shares, from the scanned columns: the rate seen and the rate required from the
   * forecast instant; the flags follow key result by key result ({@link Columns#commonFlags}).
   */
  private static void common(double[] asOfDays, int base, Columns c, int m) {
    double[][] col = c.col;
    double[] px = col[LAST_X];
    double[] py = col[LAST_Y];
    double[] sumS = col[SUM_S];
    double[] rate = col[RATE];
    double[] required = col[REQUIRED];
    double[] remaining = col[REMAINING];
    // Short loops, one or two results each: the JIT vectorizes a loop only when its body is small. (No Math.max or
    // Math.min here: vectorized they cost three times an add; see positivePart.)
    // The rate seen: the increments' total time is the last point's time (they chain from the anchor at 0), and no
    // increment (px = 0) means SUM_S = 0, so the rate is 0. px is 0 or at least MIN_DX, so adding the least double
    // changes it only when it is 0.
    for (int j = 0; j < m; j++) {
      rate[j] = sumS[j] / (px[j] + Double.MIN_VALUE);
    }
    double[] invLength = col[INV_LENGTH];
    // 1 - min(1, max(0, elapsed)) as max(0, 1 - max(0, elapsed)): the same number
    for (int j = 0; j < m; j++) {
      remaining[j] = positivePart(1.0 - positivePart(asOfDays[base + j] * invLength[j]));
    }
    for (int j = 0; j < m; j++) {
      required[j] = positivePart(1 - py[j]) / (remaining[j] + Double.MIN_VALUE);
    }
  }

  /**
   * The cycle fraction at which each key result's outcome is taken, into OUTCOME_X: the end (1) unless
   * {@code atLastCheckIn}. Where the outcome is the last check-in before the end (an OKR tool's history, whose last
   * check-in is the result), that check-in comes a lag L before the end, L uniform on (0, g) when the check-ins
   * fall at no fixed phase of the cycle, g the key result's mean gap so far (x_n over its increments: they chain from
   * the anchor at 0, so x_n / n); but never before its latest check-in x_n, so the lag is min(L, a), a = 1 - x_n, and
   * its mean is g / 2 where a >= g, a - a^2 / (2 g) where a < g (half a gap, less where the latest check-in is within
   * a gap of the end, and never all of a: a key result one check-in from the end keeps a horizon, not a certain
   * outcome). The end without an increment.
   */
  static void outcomeX(boolean atLastCheckIn, Columns c, int m) {
    double[][] col = c.col;
    double[] outcome = col[OUTCOME_X];
    // the default: nothing written (the stages read 1 where c.outcomeAtEnd; measured about 3 ns per key result in
    // batchDefault when the column was filled with 1 and read)
    c.outcomeAtEnd = !atLastCheckIn;
    if (c.outcomeAtEnd) {
      return;
    }
    double[] px = col[LAST_X];
    double[] increments = col[INCREMENTS];
    for (int j = 0; j < m; j++) {
      outcome[j] = outcomeFraction(px[j], increments[j]);
    }
  }

  /**
   * The cycle fraction at which the last check-in before the end is expected ({@link #outcomeX}'s rule) for a key
   * result whose latest check-in is at fraction {@code px} after {@code n} increments from the start: 1 - the mean lag,
   * the end without an increment or with the latest check-in at or after the end.
   */
  static double outcomeFraction(double px, double n) {
    double a = 1.0 - px;
    if (!(n > 0 && a > 0 && px > 0)) {
      return 1.0; // no increment, or the latest check-in at or after the end
    }
    double gap = px / n; // px >= MIN_DX where n > 0
    return 1.0 - (a >= gap ? 0.5 * gap : a - a * a / (2 * gap));
  }

  /**
   * Progress of {@code value}, clamped to [-MAX_PROGRESS, MAX_PROGRESS] (a million times the way from baseline to
   * target is no forecastable quantity; the clamp keeps every sum finite), 0 where the span underflows.
   */
  static double progress(double value, double baseline, double invHalfSpan) {
    double y = (0.5 * value - 0.5 * baseline) * invHalfSpan;
    if (y <= MAX_PROGRESS && y >= -MAX_PROGRESS) {
      return y;
    }
    return y > 0 ? MAX_PROGRESS : y < 0 ? -MAX_PROGRESS : 0.0;
  }

  /** Logistic recalibration of a probability on the log-odds scale, clamped away from 0 and 1 by 1e-9. */
  static double recalibrate(double prob, double intercept, double slope) {
    double pc = Math.min(1 - 1e-9, Math.max(1e-9, prob));
    double z = intercept + slope * Math.log(pc / (1 - pc));
    return 1 / (1 + Math.exp(-z));
  }

  /** The standard normal CDF (Zelen and Severo 26.2.17, absolute error below 7.5e-8). */
  static double normalCdf(double z) {
    double a = Math.abs(z);
    double t = 1 / (1 + 0.2316419 * a);
    double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    double upper = 0.3989422804014327 * Math.exp(-0.5 * a * a) * poly;
    return z >= 0 ? 1 - upper : upper;
  }
}
