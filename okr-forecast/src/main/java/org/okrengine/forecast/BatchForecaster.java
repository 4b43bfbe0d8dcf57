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

  /** Key results per chunk of the two-phase loop. */
  private static final int CHUNK = 256;

  private final Forecaster forecaster;
  private final double[] quantiles;
  private final double[] quantiles85;

  private BatchForecaster(Forecaster forecaster) {
    this.forecaster = forecaster;
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
    /** Expected value at cycle end. */
    public final double[] landingValue;
    /** Lower bound of the prediction interval. */
    public final double[] low;
    /** Upper bound of the prediction interval. */
    public final double[] high;
    /** Probability (0..1) of meeting the target at cycle end. */
    public final double[] probability;
    /** Change per week needed from the as-of instant. */
    public final double[] requiredVelocityPerWeek;
    /** Change per week seen so far. */
    public final double[] actualVelocityPerWeek;
    /** Expected completion (P50), in days since the cycle start. */
    public final double[] completionDays;
    /** Completion with probability 0.85, in days since the cycle start. */
    public final double[] completion85Days;
    /** The flags of each key result ({@link #HAS_INTERVAL}, ...). */
    public final int[] flags;
    private final double[] slots = new double[CHUNK * Kernel.SLOTS];
    private final boolean[] more = new boolean[CHUNK];

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
   * @throws IllegalArgumentException when an array is too short
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
    ForecastMethod method = forecaster.method();
    boolean bayes = method == ForecastMethod.PLAN_PRIOR_BAYES;
    Hyperparameters p = forecaster.hyperparameters();
    double priorPrec = p.priorPrecision();
    double[] s = out.slots;
    boolean[] more = out.more;
    for (int start = 0; start < count; start += CHUNK) {
      int end = Math.min(count, start + CHUNK);
      // each stage over the whole chunk before the next, so that the long chains of divisions and square roots of
      // different key results overlap
      for (int i = start; i < end; i++) {
        Kernel.scan(times, values, offsets[i], offsets[i + 1], lengthDays[i], baselines[i], targets[i], s,
            (i - start) * Kernel.SLOTS);
      }
      boolean any = false;
      for (int i = start; i < end; i++) {
        // the default method's own entry is small enough to be inlined here
        boolean m = bayes
            ? Kernel.prepareBayes(p, priorPrec, quantiles, times, values, offsets[i], offsets[i + 1], asOfDays[i],
                baselines[i], s, (i - start) * Kernel.SLOTS)
            : Kernel.prepare(method, p, priorPrec, quantiles, times, values, offsets[i], offsets[i + 1],
                asOfDays[i], baselines[i], s, (i - start) * Kernel.SLOTS);
        more[i - start] = m;
        any |= m;
      }
      if (any) {
        for (int i = start; i < end; i++) {
          if (more[i - start]) {
            Kernel.bayesInterval(p, quantiles, s, (i - start) * Kernel.SLOTS);
          }
        }
      }
      // the last stage and the stores of the results in one loop, so that the stores' cache misses overlap work
      for (int i = start; i < end; i++) {
        int o = (i - start) * Kernel.SLOTS;
        if (more[i - start]) {
          Kernel.bayesCompletion(quantiles85, s, o);
        }
        write(s, o, i, baselines[i], targets[i], lengthDays[i], out);
      }
    }
  }

  private static void write(double[] s, int o, int i, double b, double t, double length, Output out) {
    double span = t - b;
    double perWeek = span * 7.0 * s[o + Kernel.INV_LENGTH];
    int f = (int) s[o + Kernel.FLAGS];
    out.landingValue[i] = b + s[o + Kernel.MEAN] * span;
    boolean interval = (f & Kernel.HAS_INTERVAL) != 0;
    out.low[i] = interval ? b + Math.min(s[o + Kernel.LOW], s[o + Kernel.HIGH]) * span : 0;
    out.high[i] = interval ? b + Math.max(s[o + Kernel.LOW], s[o + Kernel.HIGH]) * span : 0;
    out.probability[i] = s[o + Kernel.PROBABILITY];
    out.requiredVelocityPerWeek[i] = (f & Kernel.HAS_REQUIRED) != 0 ? s[o + Kernel.REQUIRED] * perWeek : 0;
    out.actualVelocityPerWeek[i] = (f & Kernel.HAS_RATE) != 0 ? s[o + Kernel.RATE] * perWeek : 0;
    out.completionDays[i] = (f & Kernel.HAS_COMPLETION) != 0 ? s[o + Kernel.COMPLETION] * length : 0;
    out.completion85Days[i] = (f & Kernel.HAS_COMPLETION_85) != 0 ? s[o + Kernel.COMPLETION_85] * length : 0;
    out.flags[i] = f;
  }
}
