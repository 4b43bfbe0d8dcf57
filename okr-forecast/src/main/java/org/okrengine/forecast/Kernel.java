package org.okrengine.forecast;

import java.lang.ref.SoftReference;

/**
 * The numeric core of every forecasting method, on primitive arrays: no allocation, boxing or distribution object
 * per forecast. A run takes up to {@link #CHUNK} key results: one scalar pass over each one's check-ins
 * ({@link #scan}), then the plan-prior method as short loops over per-figure columns ({@link Columns}), the other
 * methods key result by key result on a row of slots. A single forecast is a run of one. Stateless and thread-safe:
 * callers own the arrays, and the scratch columns reused by single forecasts and replays are each thread's own.
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
   * Snapshot metrics: see bayesSnapshot.
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
  static final int COLUMNS = SLOTS + 20;
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

  private static final double DAMPED_ALPHA = 0.5;
  private static final double DAMPED_BETA = 0.3;
  private static final double DAMPED_PHI = 0.9;

  private Kernel() {}

  /**
   * The figures of many key results, a column per slot (struct of arrays), so that the stages of the plan-prior
   * method run as short loops over the columns that the JIT compiles to vector instructions. The inputs are read
   * from the caller's arrays; a single forecast keeps them in the input columns (LENGTH, AS_OF, BASELINE, TARGET)
   * and {@link #offsets}. Mutable: one per thread.
   */
  static final class Columns {
    final double[][] col;
    final int[] offsets;
    /** One key result's slots, for the methods that run key result by key result. */
    final double[] slots = new double[SLOTS];

    Columns(int capacity) {
      col = new double[COLUMNS][capacity];
      offsets = new int[capacity + 1];
    }

    /**
     * The flags every method shares for entry {@code j}, after {@link Kernel#common} ({@link Kernel#commonFlags});
     * the required rate set to 0 where there is none, and no completion yet (-1).
     */
    int commonFlags(int j) {
      double[][] c = col;
      int f = Kernel.commonFlags(c[COUNT][j], c[FIRST_MET_X][j], c[LAST_X][j], c[REMAINING][j], c[LAST_Y][j]);
      if ((f & HAS_REQUIRED) == 0) {
        c[REQUIRED][j] = 0;
      }
      c[COMPLETION][j] = -1;
      c[COMPLETION_85][j] = -1;
      return f;
    }

    /** Growable room for the check-ins of a replay's prefixes laid end to end. */
    double[] times = new double[0];
    double[] values = new double[0];

    private static final ThreadLocal<SoftReference<Columns>> SINGLE = new ThreadLocal<>();
    private static final ThreadLocal<SoftReference<Columns>> CHUNK_COLUMNS = new ThreadLocal<>();

    /**
     * This thread's columns for one key result, reused from one forecast to the next (softly held, as Jackson holds
     * its buffers, so that a class loader can still be collected).
     */
    static Columns single() {
      return reuse(SINGLE, 1);
    }

    /** This thread's columns for {@link #CHUNK} key results, reused likewise; not to be used by two callers at once. */
    static Columns chunk() {
      return reuse(CHUNK_COLUMNS, CHUNK);
    }

    private static Columns reuse(ThreadLocal<SoftReference<Columns>> local, int capacity) {
      SoftReference<Columns> ref = local.get();
      Columns c = ref == null ? null : ref.get();
      if (c == null) {
        c = new Columns(capacity);
        local.set(new SoftReference<>(c));
      }
      return c;
    }

    /** Makes room for {@code points} check-ins in {@link #times} and {@link #values}. */
    void ensurePoints(int points) {
      if (times.length < points) {
        times = new double[Math.max(points, 2 * times.length)];
        values = new double[times.length];
      }
    }

    /** Entry {@code j} of the scanned and common columns (the slots the methods read) into {@link #slots}. */
    void toSlots(int j) {
      double[][] c = col;
      double[] s = slots;
      s[LAST_X] = c[LAST_X][j];
      s[LAST_Y] = c[LAST_Y][j];
      s[SUM_S] = c[SUM_S][j];
      s[SUM_SQUARES] = c[SUM_SQUARES][j];
      s[INCREMENTS] = c[INCREMENTS][j];
      s[FIRST_MET_X] = c[FIRST_MET_X][j];
      s[BACKWARD] = c[BACKWARD][j];
      s[COUNT] = c[COUNT][j];
      s[INV_LENGTH] = c[INV_LENGTH][j];
      s[INV_HALF_SPAN] = c[INV_HALF_SPAN][j];
      s[RATE] = c[RATE][j];
      s[REQUIRED] = c[REQUIRED][j];
      s[FLAGS] = c[FLAGS][j];
      s[COMPLETION] = c[COMPLETION][j];
      s[COMPLETION_85] = c[COMPLETION_85][j];
    }

    /** A method's results in {@link #slots} into entry {@code j} of the columns. */
    void fromSlots(int j) {
      double[][] c = col;
      double[] s = slots;
      c[MEAN][j] = s[MEAN];
      c[LOW][j] = s[LOW];
      c[HIGH][j] = s[HIGH];
      c[PROBABILITY][j] = s[PROBABILITY];
      c[RATE][j] = s[RATE];
      c[REQUIRED][j] = s[REQUIRED];
      c[COMPLETION][j] = s[COMPLETION];
      c[COMPLETION_85][j] = s[COMPLETION_85];
      c[FLAGS][j] = s[FLAGS];
      c[SCALE][j] = s[SCALE];
      c[DF][j] = s[DF];
    }
  }

  /**
   * Forecasts one key result.
   *
   * @param method which method
   * @param p the Bayes hyperparameters (ignored by the others)
   * @param stack the movement-aware method's weights ({@link Stack}; ignored by the others)
   * @param q the two-sided interval quantiles by t-table row
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
   * @param scratch the caller's columns, any capacity
   * @param out receives the SLOTS values
   */
  static void forecast(ForecastMethod method, Hyperparameters p, double[] stack, double[] q, double[] q85,
      double[] times, double[] values, int from, int to, double lengthDays, double asOfDays, double baseline,
      double target, double confidence, double ordinal, Columns scratch, double[] out) {
    double[][] col = scratch.col;
    scratch.offsets[0] = from;
    scratch.offsets[1] = to;
    col[LENGTH][0] = lengthDays;
    col[AS_OF][0] = asOfDays;
    col[BASELINE][0] = baseline;
    col[TARGET][0] = target;
    col[CONFIDENCE][0] = confidence;
    col[ORDINAL][0] = ordinal;
    run(method, p, p.priorPrecision(), stack, q, q85, times, values, scratch.offsets, col[LENGTH], col[AS_OF],
        col[BASELINE], col[TARGET], 0, scratch, 1);
    for (int k = 0; k < SLOTS; k++) {
      out[k] = col[k][0];
    }
  }

  /**
   * Forecasts key results {@code base} to {@code base + m - 1} of the input arrays (as in
   * {@link BatchForecaster#forecast}) into the first {@code m} entries of {@code c}'s slot columns. The
   * movement-aware method reads each key result's confidence and ordinal flag from {@code c}'s CONFIDENCE and ORDINAL
   * columns (entries 0 to m - 1), which the caller fills (zeros where unknown).
   */
  static void run(ForecastMethod method, Hyperparameters p, double priorPrec, double[] stack, double[] q,
      double[] q85, double[] times, double[] values, int[] offsets, double[] lengthDays, double[] asOfDays,
      double[] baselines, double[] targets, int base, Columns c, int m) {
    scan(times, values, offsets, lengthDays, asOfDays, baselines, targets, base, c, m);
    common(asOfDays, base, c, m);
    if (method == ForecastMethod.PLAN_PRIOR_BAYES || method == ForecastMethod.MOVEMENT_AWARE) {
      bayes(p, priorPrec, q, q85, times, values, offsets, asOfDays, baselines, base, c, m);
      if (method == ForecastMethod.MOVEMENT_AWARE) {
        stack(stack, c, m);
      }
      return;
    }
    for (int j = 0; j < m; j++) {
      int i = base + j;
      c.col[FLAGS][j] = c.commonFlags(j);
      c.toSlots(j);
      prepare(method, p, priorPrec, q, times, values, offsets[i], offsets[i + 1], asOfDays[i], baselines[i], c.slots,
          0);
      c.fromSlots(j);
    }
  }

  /**
   * The one pass over each key result's check-ins: writes LAST_X, LAST_Y, SUM_S, SUM_SQUARES, INCREMENTS,
   * FIRST_MET_X, BACKWARD, COUNT, INV_LENGTH and INV_HALF_SPAN.
   *
   * @throws IllegalArgumentException when a number is NaN or infinite, a length not positive or a target equal to
   *     its baseline (after the pass: the columns are then unspecified)
   */
  static void scan(double[] times, double[] values, int[] offsets, double[] lengthDays, double[] asOfDays,
      double[] baselines, double[] targets, int base, Columns c, int m) {
    double[][] col = c.col;
    double[] invLength = col[INV_LENGTH];
    double[] invSpan = col[INV_HALF_SPAN];
    double[] count = col[COUNT];
    double[] lastX = col[LAST_X];
    double[] lastY = col[LAST_Y];
    double[] sumS = col[SUM_S];
    double[] sumSquares = col[SUM_SQUARES];
    double[] increments = col[INCREMENTS];
    double[] firstMetX = col[FIRST_MET_X];
    double[] backward = col[BACKWARD];
    double[] direction = col[DIRECTION];
    boolean valid = true;
    for (int j = 0; j < m; j++) {
      int from = offsets[base + j];
      int to = offsets[base + j + 1];
      double baseline = baselines[base + j];
      double length = lengthDays[base + j];
      double target = targets[base + j];
      // the key result's own numbers (its check-ins: NaN and infinities fail the fast loop's checks, and exactPass
      // refuses them)
      valid &= validLength(length) & validDays(asOfDays[base + j]) & validValue(baseline) & validValue(target)
          & validSpan(baseline, target) & (to == from || validDays(times[from]) & validDays(times[to - 1]));
      // (scalar divisions here: measured about 1 ns per key result cheaper than two vector loops of them before)
      double inverseLength = 1.0 / length;
      // halves: the difference of two finite doubles' halves cannot overflow
      double inverseSpan = 1.0 / (0.5 * target - 0.5 * baseline);
      invLength[j] = inverseLength;
      invSpan[j] = inverseSpan;
      count[j] = to - from;
      // The common case: a running count that never steps away from its target, no check-ins to merge, no value
      // beyond the clamp. Its loop works on the raw values, turned toward the target (w = value * sign): no clamp,
      // no merges, no progress per check-in, so that the JIT unrolls it. It keeps the sign bits of the steps ORed
      // together; any step away from the target, a merge, a span too small or a progress beyond the clamp sends the
      // key result to exactPass (so do NaN and infinities: they fail the checks below).
      double sign = inverseSpan >= 0 ? 1.0 : -1.0;
      direction[j] = sign;
      double px = 0;
      double pw = baseline * sign;
      double ss = 0;
      int anchor = from - 1;
      long signs = 0;
      for (int i = from; i < to; i++) {
        double x = times[i] * inverseLength;
        double w = values[i] * sign;
        double dx = x - px;
        double dw = w - pw;
        signs |= Double.doubleToRawLongBits(dw);
        if (dx < MIN_DX) {
          // px is 0 until the first increment, and at least MIN_DX after it
          if (px > 0) {
            // a merge with the previous point: left to exactPass
            signs = -1;
            break;
          }
          // at or before the start: replaces the anchor (minus infinity is left to exactPass, which refuses it)
          signs |= x == Double.NEGATIVE_INFINITY ? -1 : 0;
          anchor = i;
          pw = w;
          continue;
        }
        ss += dw * dw / dx;
        px = x;
        pw = w;
      }
      // the check-ins at or before the start come first, the increments after them
      int n = to - anchor - 1;
      double hb = 0.5 * baseline;
      double y0 = anchor < from ? 0.0 : (0.5 * values[anchor] - hb) * inverseSpan;
      double last = pw * sign;
      double py = to > from ? (0.5 * last - hb) * inverseSpan : 0.0;
      // progress steps are the raw steps over the span: dy = dw k, k = 1 / (target - baseline) = inverseSpan / 2
      double k = 0.5 * inverseSpan;
      double sq = ss * k * k;
      // every point lies between the anchor and the last point (no step goes back), so the bounds on those two mean
      // the clamp would have changed nothing
      if (signs < 0 || !(Math.abs(y0) <= MAX_PROGRESS && Math.abs(py) <= MAX_PROGRESS && sq <= Double.MAX_VALUE
          && Math.abs(k) <= MAX_INVERSE_SPAN && px <= Double.MAX_VALUE)) {
        exactPass(times, values, from, to, inverseLength, baseline, target, inverseSpan, col, j);
        continue;
      }
      lastX[j] = px;
      lastY[j] = py;
      sumS[j] = n > 0 ? py - y0 : 0.0;
      sumSquares[j] = sq;
      increments[j] = n;
      // the points only move toward the target, so the last one reaches it if any does
      double halfGap = 0.5 * target - hb;
      firstMetX[j] = to > from && reached(last, hb, halfGap)
          ? firstMet(times, values, from, to, inverseLength, hb, halfGap) : -1;
      backward[j] = 0;
    }
    if (!valid) {
      throw new IllegalArgumentException("lengthDays must be within [" + MIN_LENGTH_DAYS + ", " + MAX_DAYS
          + "], asOfDays and check-in times within +-" + MAX_DAYS + ", baselines and targets within +-" + MAX_VALUE
          + " and each target differ from its baseline by at least " + MIN_SPAN);
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
   * Whether {@code value} reaches the target, as {@code Metric.isMet} decides it for increasing and decreasing key
   * results: on the halves' differences from the baseline, so that a value exactly at the target counts.
   */
  static boolean reached(double value, double halfBaseline, double halfGap) {
    double u = 0.5 * value - halfBaseline;
    return halfGap > 0 ? u >= halfGap : halfGap < 0 ? u <= halfGap : u > 0;
  }

  /** The cycle fraction (at least 0) of the first check-in that reaches the target; -1 when none does. */
  private static double firstMet(double[] times, double[] values, int from, int to, double invLength,
      double halfBaseline, double halfGap) {
    for (int i = from; i < to; i++) {
      if (reached(values[i], halfBaseline, halfGap)) {
        return Math.max(times[i] * invLength, 0);
      }
    }
    return -1;
  }

  /**
   * The one pass of {@link #scan} over one key result's check-ins, with the clamp of {@link #progress} at every
   * check-in and the merging of check-ins closer than MIN_DX; writes entry {@code j} of the scanned columns.
   */
  static void exactPass(double[] times, double[] values, int from, int to, double invLength, double baseline,
      double target, double invSpan, double[][] col, int j) {
    double hb = 0.5 * baseline;
    double halfGap = 0.5 * target - hb;
    // one lean pass: anchor, increments (the OLS and Holt methods make their own pass)
    double px = 0;
    double py = 0;
    double y0 = 0;
    double ss = 0;
    int n = 0;
    int back = 0;
    double lastDx = 0;
    double lastDy = 0;
    for (int i = from; i < to; i++) {
      if (!(validDays(times[i]) && Double.isFinite(values[i]))) {
        throw new IllegalArgumentException("check-in " + i + " is out of range: time " + times[i] + " (within +-"
            + MAX_DAYS + "), value " + values[i] + " (finite)");
      }
      double x = times[i] * invLength;
      double y = progress(values[i], baseline, invSpan);
      double dx = x - px;
      // px is 0 until the first increment, so this also catches check-ins at or before the start
      if (dx < MIN_DX) {
        if (n == 0) {
          // at or before the start (or within MIN_DX of it): replaces the anchor
          y0 = y;
        } else {
          // merge with the previous point: the later value wins
          double dy = lastDy + (y - py);
          ss += (dy * dy - lastDy * lastDy) / lastDx;
          lastDy = dy;
        }
        py = y;
        continue;
      }
      double dy = y - py;
      lastDx = dx;
      lastDy = dy;
      ss += dy * dy / dx;
      back += dy < 0 ? 1 : 0;
      n++;
      px = x;
      py = y;
    }
    // the increments chain from the anchor (0, y0) to the last point (px, py)
    col[LAST_X][j] = px;
    col[LAST_Y][j] = py;
    col[SUM_S][j] = n > 0 ? py - y0 : 0.0;
    col[SUM_SQUARES][j] = ss;
    col[INCREMENTS][j] = n;
    col[FIRST_MET_X][j] = firstMet(times, values, from, to, invLength, hb, halfGap);
    col[BACKWARD][j] = back;
  }

  /**
   * The forecast of every method but the plan-prior one (and of the plan-prior one on a snapshot metric), from one
   * key result's scanned sums and common figures ({@link #common}) in {@code out}.
   */
  static void prepare(ForecastMethod method, Hyperparameters p, double priorPrec, double[] q, double[] times,
      double[] values, int from, int to, double asOfDays, double baseline, double[] out, int o) {
    int flags = (int) out[o + FLAGS];
    // the slots a method may leave unset
    out[o + SCALE] = 0;
    out[o + DF] = 0;
    double px = out[o + LAST_X];
    double py = out[o + LAST_Y];
    double sumS = out[o + SUM_S];
    double ss = out[o + SUM_SQUARES];
    int n = (int) out[o + INCREMENTS];
    double invLength = out[o + INV_LENGTH];
    double invSpan = out[o + INV_HALF_SPAN];
    double h = Math.max(0.0, 1.0 - px);
    switch (method) {
      case RANDOM_WALK_DRIFT:
        flags = randomWalk(q, px, sumS, ss, n, px, py, h, flags, out, o);
        break;
      case OLS_TREND:
        flags = ols(q, times, values, from, to, invLength, baseline, invSpan, px, py, flags, out, o);
        break;
      case DAMPED_TREND:
        flags = damped(q, times, values, from, to, invLength, baseline, invSpan, px, py, h, n, flags, out, o);
        break;
      case PLAN_PRIOR_BAYES:
        // a snapshot metric (see bayes for running counts)
        olsSums(times, values, from, to, invLength, baseline, invSpan, out, o);
        flags = bayesSnapshot(p, priorPrec, q, px, flags, out, o);
        break;
      default:
        flags = pace(px, py, flags, out, o);
        break;
    }
    double now = asOfDays * invLength;
    if ((flags & HAS_COMPLETION) != 0) {
      out[o + COMPLETION] = notBefore(out[o + COMPLETION], now);
    }
    if ((flags & HAS_COMPLETION_85) != 0) {
      out[o + COMPLETION_85] = notBefore(out[o + COMPLETION_85], now);
    }
    if (invSpan < 0) {
      // the interval's ends in the metric's order (see LOW)
      double low = out[o + LOW];
      out[o + LOW] = out[o + HIGH];
      out[o + HIGH] = low;
    }
    out[o + FLAGS] = flags;
  }

  /**
   * A completion (a cycle fraction) not before the forecast instant {@code now}: a forecast that puts it earlier (a
   * key result without a check-in for a while) gives now.
   */
  private static double notBefore(double completion, double now) {
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
   * The plan-prior method over the first {@code m} key results of {@code c}: each stage a short loop over the
   * columns (the JIT turns them into vector instructions), the steps that look up tables or branch in loops of their
   * own. Snapshot metrics are forecast key result by key result ({@link #prepare}).
   */
  private static void bayes(Hyperparameters p, double priorPrec, double[] q, double[] q85, double[] times,
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
    // the landing value: Student-t, location y_n + r h, scale sqrt(s2 h + h^2 var(r)), h = 1 - x_n
    double[] mean = col[MEAN];
    double[] scale = col[SCALE];
    double[] position = col[POSITION];
    double[] horizon = col[HORIZON];
    // (px is finite: the scan refuses infinite times)
    for (int j = 0; j < m; j++) {
      horizon[j] = positivePart(1.0 - px[j]);
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
        prepare(ForecastMethod.PLAN_PRIOR_BAYES, p, priorPrec, q, times, values, offsets[i], offsets[i + 1],
            asOfDays[i], baselines[i], c.slots, 0);
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
  private static void stack(double[] w, Columns c, int m) {
    double[][] col = c.col;
    double[] probability = col[PROBABILITY];
    double[] remaining = col[REMAINING];
    double[] py = col[LAST_Y];
    double[] px = col[LAST_X];
    double[] sumS = col[SUM_S];
    double[] ss = col[SUM_SQUARES];
    double[] confidence = col[CONFIDENCE];
    double[] ordinal = col[ORDINAL];
    double[] z = col[SHAPE];
    double[] moved = col[NOISE_SCALE];
    double[] burst = col[POSITION];
    double[] linear = col[QUAD_A];
    double[] q = col[INVERSE];
    double lo = Stack.P_CLAMP;
    double hi = 1 - Stack.P_CLAMP;
    for (int j = 0; j < m; j++) {
      z[j] = Stack.clamp(probability[j], lo, hi);
    }
    for (int j = 0; j < m; j++) {
      z[j] = Math.log(z[j] / (1 - z[j]));
    }
    for (int j = 0; j < m; j++) {
      moved[j] = py[j] > 0 ? 1.0 : 0.0;
    }
    for (int j = 0; j < m; j++) {
      double d = ss[j] * px[j];
      // 0 without an increment (d = 0) or without movement (Stack.burst)
      double b = Stack.clamp(1 - sumS[j] * sumS[j] / (d + Double.MIN_VALUE), 0, 1);
      burst[j] = d > 0 ? b * moved[j] : 0.0;
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
    for (int j = 0; j < m; j++) {
      double x = 1 - remaining[j];
      double unmoved = 1 - moved[j];
      linear[j] = w0 + wz * z[j] + unmoved * (wu + wux * x) + x * (wx + wzx * z[j])
          + burst[j] * (wb + wbz * z[j]) + wc * confidence[j] + wo * ordinal[j];
    }
    for (int j = 0; j < m; j++) {
      q[j] = 1 / (1 + Math.exp(-linear[j]));
    }
    for (int j = 0; j < m; j++) {
      // the floor falls to 0 over the last LATE of the cycle for a key result FAR from its target (Stack.bound)
      double left = remaining[j];
      double floor = left < Stack.LATE & 1 - py[j] >= Stack.FAR ? Stack.FLOOR * left * (1 / Stack.LATE) : Stack.FLOOR;
      probability[j] = py[j] >= 1 ? 1.0 : Stack.clamp(q[j], floor, Stack.CEILING);
    }
  }

  private static int randomWalk(double[] q, double sumT, double sumS, double ss, int n, double px, double py, double h,
      int flags, double[] out, int o) {
    if (sumT <= 0) {
      return pointForecast(py, flags, out, o);
    }
    double rate = sumS / sumT;
    double mean = py + rate * h;
    if (n < 2) {
      int f = pointForecast(mean, flags, out, o);
      return completion(rate, px, py, f, out, o);
    }
    double s2 = Math.max(0.0, ss - sumS * sumS / sumT) / (n - 1);
    double scale = Math.sqrt(s2 * (h + h * h / sumT));
    finish(mean, scale, StudentT.row(n - 1), q, null, flags, out, o);
    return completion(rate, px, py, flags | HAS_INTERVAL, out, o);
  }

  /**
   * The least-squares sums over the points after anchoring and merging, as in the scan: (0, y0), then one point per
   * increment, a merged check-in replacing the last point's value. Writes OLS_M .. OLS_SYY.
   */
  private static void olsSums(double[] times, double[] values, int from, int to, double invLength, double baseline,
      double invSpan, double[] out, int o) {
    int m = 1;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    double lx = 0;
    double ly = 0;
    for (int i = from; i < to; i++) {
      double x = times[i] * invLength;
      double y = progress(values[i], baseline, invSpan);
      if (x - lx < MIN_DX) {
        sy += y - ly;
        sxy += lx * (y - ly);
        syy += y * y - ly * ly;
        ly = y;
        continue;
      }
      m++;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
      syy += y * y;
      lx = x;
      ly = y;
    }
    out[o + OLS_M] = m;
    out[o + OLS_SX] = sx;
    out[o + OLS_SY] = sy;
    out[o + OLS_SXX] = sxx;
    out[o + OLS_SXY] = sxy;
    out[o + OLS_SYY] = syy;
  }

  /*
   * Snapshot metrics (NPS, latency, conversion) wander around a trend: each check-in is the trend plus its own
   * measurement noise, which does not accumulate as a running count's does. The plan-prior method then fits a line
   * y = level + slope x with the slope's prior N(optimism * planRate, spread^2), the intercept flat and the noise
   * variance inverse-gamma (shape a0 + (m - 2) / 2, scale noisePrior + RSS / 2). The landing value is the line at
   * x = 1 plus one more measurement's noise; Student-t with 2 an degrees of freedom (at least MIN_DF).
   */
  private static int bayesSnapshot(Hyperparameters p, double priorPrec, double[] q, double px, int flags,
      double[] out, int o) {
    int m = (int) out[o + OLS_M];
    double mx = out[o + OLS_SX] / m;
    double my = out[o + OLS_SY] / m;
    double cxx = Math.max(0.0, out[o + OLS_SXX] - out[o + OLS_SX] * mx);
    double cxy = out[o + OLS_SXY] - out[o + OLS_SX] * my;
    double cyy = Math.max(0.0, out[o + OLS_SYY] - out[o + OLS_SY] * my);
    double slopeOls = cxx > 0 ? cxy / cxx : 0.0;
    double rss = Math.max(0.0, cyy - slopeOls * cxy);
    double an = Hyperparameters.NOISE_PRIOR_WEIGHT + 0.5 * Math.max(m - 2, 0);
    double bn = p.noisePrior() + 0.5 * rss;
    double s2 = bn / an;
    double slopeVar = 1.0 / (priorPrec + cxx / s2);
    double slope = (p.planOptimism() * priorPrec + cxy / s2) * slopeVar;
    double mean = my + slope * (1 - mx);
    double scale = Math.sqrt(s2 * (1 + 1.0 / m) + (1 - mx) * (1 - mx) * slopeVar);
    double df = Math.max(2 * an, MIN_DF);
    out[o + SCALE] = scale;
    out[o + DF] = df;
    finish(mean, scale, StudentT.row(df), q, p, flags, out, o);
    flags |= HAS_INTERVAL;
    double level = my + slope * (px - mx);
    return completion(slope, px, level, flags, out, o);
  }

  private static int ols(double[] q, double[] times, double[] values, int from, int to, double invLength,
      double baseline, double invSpan, double px, double py, int flags, double[] out, int o) {
    olsSums(times, values, from, to, invLength, baseline, invSpan, out, o);
    int m = (int) out[o + OLS_M];
    double sx = out[o + OLS_SX];
    double sy = out[o + OLS_SY];
    double sxx = out[o + OLS_SXX];
    double sxy = out[o + OLS_SXY];
    double syy = out[o + OLS_SYY];
    if (m < 2) {
      return pointForecast(py, flags, out, o);
    }
    double mx = sx / m;
    double my = sy / m;
    double cxx = sxx - sx * mx;
    if (!(cxx > 1e-12)) {
      return pointForecast(py, flags, out, o);
    }
    double slope = (sxy - sx * my) / cxx;
    double mean = my + slope * (1 - mx);
    if (m < 3) {
      int f = pointForecast(mean, flags, out, o);
      return completion(slope, px, mean - slope * (1 - px), f, out, o);
    }
    double rss = Math.max(0.0, (syy - sy * my) - slope * (sxy - sx * my));
    double s2 = rss / (m - 2);
    double scale = Math.sqrt(s2 * (1 + 1.0 / m + (1 - mx) * (1 - mx) / cxx));
    finish(mean, scale, StudentT.row(m - 2), q, null, flags, out, o);
    return completion(slope, px, mean - slope * (1 - px), flags | HAS_INTERVAL, out, o);
  }

  private static int damped(double[] q, double[] times, double[] values, int from, int to, double invLength,
      double baseline, double invSpan, double px, double py, double h, int n, int flags, double[] out, int o) {
    if (n < 2) {
      return pace(px, py, flags, out, o);
    }
    double step = px / n;
    // Holt on the merged points; trend per step
    double level = 0;
    double trend = 0;
    double prevX = 0;
    boolean started = false;
    double sse = 0;
    int errors = 0;
    for (int i = from; i < to; i++) {
      double x = times[i] * invLength;
      double y = progress(values[i], baseline, invSpan);
      if (x <= 0 || !started) {
        if (!started && x > 0) {
          // first point after the anchor (0, level)
          trend = (y - level) / Math.max(1.0, x / step);
          level = y;
          prevX = x;
          started = true;
        } else {
          level = y;
        }
        continue;
      }
      if (x - prevX < MIN_DX) {
        level = y;
        continue;
      }
      double forecast = level + DAMPED_PHI * trend;
      double e = y - forecast;
      sse += e * e;
      errors++;
      double newLevel = DAMPED_ALPHA * y + (1 - DAMPED_ALPHA) * forecast;
      trend = DAMPED_BETA * (newLevel - level) + (1 - DAMPED_BETA) * DAMPED_PHI * trend;
      level = newLevel;
      prevX = x;
    }
    double steps = h / step;
    // sum_{j=1..steps} phi^j, continuous in steps
    double damp = DAMPED_PHI * (1 - Math.pow(DAMPED_PHI, steps)) / (1 - DAMPED_PHI);
    double mean = level + damp * trend;
    double sigma = errors > 0 ? Math.sqrt(sse / errors) : 0.0;
    double var = sigma * sigma
        * (1 + Math.max(0.0, steps - 1) * DAMPED_ALPHA * DAMPED_ALPHA * (1 + DAMPED_BETA) * (1 + DAMPED_BETA));
    double scale = Math.sqrt(var);
    out[o + MEAN] = mean;
    if (scale > 0) {
      double z = (1 - mean) / scale;
      out[o + PROBABILITY] = 1 - normalCdf(z);
      out[o + LOW] = mean - q[StudentT.NORMAL] * scale;
      out[o + HIGH] = mean + q[StudentT.NORMAL] * scale;
      flags |= HAS_INTERVAL;
    } else {
      out[o + PROBABILITY] = mean >= 1 ? 1 : 0;
      out[o + LOW] = mean;
      out[o + HIGH] = mean;
    }
    return dampedCompletion(level, trend, step, px, flags, out, o);
  }

  /**
   * Completion on the damped path: k steps after the last point it is at level + trend phi (1 - phi^k) / (1 - phi),
   * which crosses 1 at phi^k = 1 - c, c = (1 - level) (1 - phi) / (phi trend), when its asymptote level + trend phi /
   * (1 - phi) lies beyond 1 (c below 1). The landing value is the same path at the cycle end, so the completion falls
   * within the cycle exactly when the landing reaches the target.
   */
  private static int dampedCompletion(double level, double trend, double step, double px, int flags, double[] out,
      int o) {
    double g = 1 - level;
    if (g > 0 && trend > 0) {
      double c = g * (1 - DAMPED_PHI) / (DAMPED_PHI * trend);
      if (c < 1) {
        double x = px + step * Math.log1p(-c) / Math.log(DAMPED_PHI);
        if (x <= MAX_COMPLETION) {
          out[o + COMPLETION] = x;
          flags |= HAS_COMPLETION;
        }
      }
    }
    return flags;
  }

  private static int pace(double px, double py, int flags, double[] out, int o) {
    double landing = px > 0 ? py / px : py;
    int f = pointForecast(landing, flags, out, o);
    return completion(px > 0 ? py / px : 0, px, py, f, out, o);
  }

  private static int pointForecast(double mean, int flags, double[] out, int o) {
    out[o + MEAN] = mean;
    out[o + LOW] = mean;
    out[o + HIGH] = mean;
    out[o + PROBABILITY] = mean >= 1 ? 1.0 : 0.0;
    return flags;
  }

  private static int completion(double rate, double px, double py, int flags, double[] out, int o) {
    double g = 1 - py;
    if (g > 0 && rate > 0 && px + g / rate <= MAX_COMPLETION) {
      out[o + COMPLETION] = px + g / rate;
      flags |= HAS_COMPLETION;
    }
    return flags;
  }

  private static void finish(double mean, double scale, int row, double[] q, Hyperparameters cal, int flags,
      double[] out, int o) {
    out[o + MEAN] = mean;
    double prob;
    if (scale > 0) {
      prob = 1 - StudentT.cdf(1 - mean, scale, row);
      out[o + LOW] = mean - q[row] * scale;
      out[o + HIGH] = mean + q[row] * scale;
    } else {
      prob = mean >= 1 ? 1.0 : 0.0;
      out[o + LOW] = mean;
      out[o + HIGH] = mean;
    }
    if (cal != null && !cal.identityCalibration()) {
      prob = recalibrate(prob, cal.calibrationIntercept(), cal.calibrationSlope());
    }
    out[o + PROBABILITY] = prob;
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
