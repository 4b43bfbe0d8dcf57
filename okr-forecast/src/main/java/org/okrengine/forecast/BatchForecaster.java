package org.okrengine.forecast;

import java.util.Objects;

/**
 * Forecasts many key results of the increase and decrease directions at once from primitive columnar arrays, with
 * no allocation per key result: for researchers' backtests over millions of records and for the benchmarks. The
 * object API ({@link Forecaster}) runs the same kernel. Immutable and thread-safe; each call writes only to its
 * {@link Output}.
 */
public final class BatchForecaster {
  /** Flag: the method gave a prediction interval ({@code low} and {@code high} are meaningful). */
  public static final int HAS_INTERVAL = Kernel.HAS_INTERVAL;
  /** Flag: an actual velocity could be measured (two points or more). */
  public static final int HAS_ACTUAL_VELOCITY = Kernel.HAS_RATE;
  /** Flag: a required velocity exists (target not met and time left). */
  public static final int HAS_REQUIRED_VELOCITY = Kernel.HAS_REQUIRED;
  /** Flag: no check-in at all. */
  public static final int NO_DATA = Kernel.NO_DATA;
  /** Flag: a completion date exists. */
  public static final int HAS_COMPLETION = Kernel.HAS_COMPLETION;
  /** Flag: a P85 completion date exists. */
  public static final int HAS_COMPLETION_85 = Kernel.HAS_COMPLETION_85;
  /** Flag: some check-in already met the target. */
  public static final int MET = Kernel.MET;

  private static final int CHUNK = Kernel.CHUNK;

  private final Forecaster forecaster;
  private final double[] quantiles;
  private final double[] quantiles85;
  private final double[] stack;

  private BatchForecaster(Forecaster forecaster) {
    this.forecaster = forecaster;
    this.stack = forecaster.model().stackWeights();
    this.quantiles = forecaster.quantiles();
    this.quantiles85 = forecaster.quantiles85();
  }

  /** A batch forecaster with {@code forecaster}'s method, hyperparameters and interval level. */
  public static BatchForecaster of(Forecaster forecaster) {
    return new BatchForecaster(Objects.requireNonNull(forecaster, "forecaster must not be null"));
  }

  /**
   * Output columns for up to {@code capacity} key results, in the metrics' units. Where a flag says a number does
   * not exist, its column holds 0. Mutable; not thread-safe: one per thread.
   */
  public static final class Output {
    /**
     * Where the value lands at cycle end, the median of the method's predictive (the movement-aware method's at or
     * beyond the target exactly where {@link #probability} is at least 0.5), at the key result's expected last
     * check-in for a forecaster {@linkplain Forecaster#withOutcomeFromLastCheckIn forecasting that} (so are the
     * interval and the probability).
     */
    public final double[] landingValue;
    /** Lower bound of the prediction interval. */
    public final double[] low;
    /** Upper bound of the prediction interval. */
    public final double[] high;
    /** Probability (0..1) of meeting the target at cycle end (see {@link #landingValue}). */
    public final double[] probability;
    /** Change per week needed from the as-of instant. */
    public final double[] requiredVelocityPerWeek;
    /** Change per week seen so far. */
    public final double[] actualVelocityPerWeek;
    /**
     * Expected completion (P50), in days since the cycle start; not before the forecast instant (a forecast that
     * puts it earlier gives the forecast instant).
     */
    public final double[] completionDays;
    /** Completion with probability 0.85, in days since the cycle start; as {@link #completionDays}. */
    public final double[] completion85Days;
    /** The flags of each key result ({@link #HAS_INTERVAL}, ...). */
    public final int[] flags;
    private final Columns columns;

    /** Columns for {@code capacity} key results. */
    public Output(int capacity) {
      if (capacity < 0) {
        throw new IllegalArgumentException("capacity must not be negative: " + capacity);
      }
      landingValue = new double[capacity];
      low = new double[capacity];
      high = new double[capacity];
      probability = new double[capacity];
      requiredVelocityPerWeek = new double[capacity];
      actualVelocityPerWeek = new double[capacity];
      completionDays = new double[capacity];
      completion85Days = new double[capacity];
      flags = new int[capacity];
      columns = new Columns(Math.max(1, Math.min(capacity, CHUNK)));
    }
  }

  /**
   * Forecasts {@code count} key results. Key result {@code i} owns check-ins {@code offsets[i]} to
   * {@code offsets[i + 1] - 1} of {@code times} (days since its cycle start, sorted) and {@code values}; only
   * check-ins it may see are to be given.
   *
   * @param count key results
   * @param offsets {@code count + 1} non-decreasing offsets into {@code times} and {@code values}
   * @param times check-in times, days since each cycle's start
   * @param values check-in values
   * @param lengthDays each cycle's length in days, positive
   * @param asOfDays each forecast instant in days since its cycle start
   * @param baselines each metric's baseline
   * @param targets each metric's target, not equal to the baseline
   * @param out receives the results in its first {@code count} rows
   * @throws IllegalArgumentException when an array is too short or the offsets are negative or decrease; or when a
   *     check-in's time is not within 1e6 days of its cycle's start or its value is NaN or infinite, a cycle length is not within [0.001, 1e6] days, an as-of instant
   *     not within 1e6 days of its cycle's start, a baseline or target beyond +-1e15, or a target within 1e-9 of its
   *     baseline: the message then names every such entry (the first 20 of them, and how many in all), and the rows
   *     of {@code out} are unspecified. Every output of accepted input is finite.
   */
  public void forecast(int count, int[] offsets, double[] times, double[] values, double[] lengthDays,
      double[] asOfDays, double[] baselines, double[] targets, Output out) {
    if (count < 0 || offsets.length < count + 1 || lengthDays.length < count || asOfDays.length < count
        || baselines.length < count || targets.length < count || out.flags.length < count) {
      throw new IllegalArgumentException("arrays must hold count = " + count + " key results (offsets count + 1)");
    }
    if (count > 0 && (offsets[count] > times.length || offsets[count] > values.length)) {
      throw new IllegalArgumentException("times and values must hold offsets[count] = " + offsets[count] + " points");
    }
    // offsets from 0 up, never decreasing: a key result's check-ins are offsets[i] .. offsets[i + 1] - 1
    for (int i = 0; i <= count; i++) {
      if (offsets[i] < (i == 0 ? 0 : offsets[i - 1])) {
        throw new IllegalArgumentException("offsets must start at 0 or above and never decrease: offsets[" + i
            + "] = " + offsets[i] + (i == 0 ? "" : " after offsets[" + (i - 1) + "] = " + offsets[i - 1]));
      }
    }
    ForecastMethod method = forecaster.method();
    Hyperparameters p = forecaster.hyperparameters();
    double priorPrec = p.priorPrecision();
    Columns c = out.columns;
    double[][] col = c.col;
    for (int start = 0; start < count; start += CHUNK) {
      int m = Math.min(count - start, CHUNK);
      // the kernel refuses bad numbers (Scan.scan); the message then names them all
      try {
        Kernel.run(method, p, priorPrec, stack, quantiles, forecaster.level(), quantiles85, times, values, offsets,
            lengthDays, asOfDays, baselines, targets, start, c, m, forecaster.outcomeFromLastCheckIn());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(problems(count, offsets, times, values, lengthDays, asOfDays, baselines,
            targets), e);
      }
      write(col, baselines, targets, lengthDays, start, m, out);
    }
  }

  /** How many bad entries an error message names at most. */
  static final int LISTED = 20;

  /** Every bad entry of the inputs, for the error message (the first {@link #LISTED} named). */
  private static String problems(int count, int[] offsets, double[] times, double[] values, double[] lengthDays,
      double[] asOfDays, double[] baselines, double[] targets) {
    StringBuilder listed = new StringBuilder();
    long found = 0;
    for (int i = 0; i < count; i++) {
      if (!Kernel.validLength(lengthDays[i])) {
        found = note(listed, found, "lengthDays[" + i + "] = " + lengthDays[i] + " (must be within ["
            + Kernel.MIN_LENGTH_DAYS + ", " + Kernel.MAX_DAYS + "])");
      }
      if (!Kernel.validDays(asOfDays[i])) {
        found = note(listed, found, "asOfDays[" + i + "] = " + asOfDays[i] + " (must be within +-" + Kernel.MAX_DAYS
            + ")");
      }
      if (!Kernel.validValue(baselines[i])) {
        found = note(listed, found, "baselines[" + i + "] = " + baselines[i] + " (must be within +-"
            + Kernel.MAX_VALUE + ")");
      }
      if (!Kernel.validValue(targets[i])) {
        found = note(listed, found, "targets[" + i + "] = " + targets[i] + " (must be within +-" + Kernel.MAX_VALUE
            + ")");
      }
      if (Kernel.validValue(baselines[i]) && Kernel.validValue(targets[i])
          && !Kernel.validSpan(baselines[i], targets[i])) {
        found = note(listed, found, "targets[" + i + "] = " + targets[i] + " (within " + Kernel.MIN_SPAN
            + " of baselines[" + i + "] = " + baselines[i] + ")");
      }
      for (int k = offsets[i]; k < offsets[i + 1]; k++) {
        if (!Kernel.validDays(times[k])) {
          found = note(listed, found, "times[" + k + "] = " + times[k] + " (must be within +-" + Kernel.MAX_DAYS
              + ")");
        }
        if (!Double.isFinite(values[k])) {
          found = note(listed, found, "values[" + k + "] = " + values[k] + " (must be finite)");
        }
      }
    }
    return found + " bad input" + (found == 1 ? "" : "s") + ": " + listed
        + (found > LISTED ? "; and " + (found - LISTED) + " more" : "");
  }

  private static long note(StringBuilder listed, long found, String problem) {
    if (found < LISTED) {
      listed.append(found == 0 ? "" : "; ").append(problem);
    }
    return found + 1;
  }

  /** The flags of the outputs that exist only under a condition. */
  private static final int CONDITIONAL = Kernel.HAS_INTERVAL | Kernel.HAS_REQUIRED | Kernel.HAS_RATE
      | Kernel.HAS_COMPLETION | Kernel.HAS_COMPLETION_85;

  /**
   * Stores a chunk's results: a short loop per output column (vectorized by the JIT), then the outputs that do not
   * exist set to 0 in one pass over the flags.
   */
  private static void write(double[][] col, double[] baselines, double[] targets, double[] lengthDays, int start, int m,
      Output out) {
    double[] invLength = col[Kernel.INV_LENGTH];
    double[] mean = col[Kernel.MEAN];
    double[] low = col[Kernel.LOW];
    double[] high = col[Kernel.HIGH];
    double[] required = col[Kernel.REQUIRED];
    double[] rate = col[Kernel.RATE];
    double[] completion = col[Kernel.COMPLETION];
    double[] completion85 = col[Kernel.COMPLETION_85];
    double[] landingOut = out.landingValue;
    double[] lowOut = out.low;
    double[] highOut = out.high;
    double[] requiredOut = out.requiredVelocityPerWeek;
    double[] actualOut = out.actualVelocityPerWeek;
    double[] completionOut = out.completionDays;
    double[] completion85Out = out.completion85Days;
    // each key result's span and weekly scale (progress per cycle to value per week)
    double[] span = col[Kernel.SPAN];
    double[] weekly = col[Kernel.WEEKLY];
    for (int j = 0; j < m; j++) {
      span[j] = targets[start + j] - baselines[start + j];
    }
    for (int j = 0; j < m; j++) {
      weekly[j] = span[j] * 7.0 * invLength[j];
    }
    for (int j = 0; j < m; j++) {
      landingOut[start + j] = baselines[start + j] + mean[j] * span[j];
    }
    // (the kernel gives the interval's ends in the metric's order: Kernel.LOW)
    for (int j = 0; j < m; j++) {
      lowOut[start + j] = baselines[start + j] + low[j] * span[j];
    }
    for (int j = 0; j < m; j++) {
      highOut[start + j] = baselines[start + j] + high[j] * span[j];
    }
    System.arraycopy(col[Kernel.PROBABILITY], 0, out.probability, start, m);
    for (int j = 0; j < m; j++) {
      requiredOut[start + j] = required[j] * weekly[j];
    }
    for (int j = 0; j < m; j++) {
      actualOut[start + j] = rate[j] * weekly[j];
    }
    for (int j = 0; j < m; j++) {
      completionOut[start + j] = completion[j] * lengthDays[start + j];
    }
    for (int j = 0; j < m; j++) {
      completion85Out[start + j] = completion85[j] * lengthDays[start + j];
    }
    double[] flags = col[Kernel.FLAGS];
    int[] flagsOut = out.flags;
    for (int j = 0; j < m; j++) {
      int i = start + j;
      int f = (int) flags[j];
      flagsOut[i] = f;
      if ((f & CONDITIONAL) != CONDITIONAL) {
        if ((f & Kernel.HAS_INTERVAL) == 0) {
          lowOut[i] = 0;
          highOut[i] = 0;
        }
        if ((f & Kernel.HAS_REQUIRED) == 0) {
          requiredOut[i] = 0;
        }
        if ((f & Kernel.HAS_RATE) == 0) {
          actualOut[i] = 0;
        }
        if ((f & Kernel.HAS_COMPLETION) == 0) {
          completionOut[i] = 0;
        }
        if ((f & Kernel.HAS_COMPLETION_85) == 0) {
          completion85Out[i] = 0;
        }
      }
    }
  }
}
