package org.okrengine.forecast;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;

/**
 * Replays historical cycles: forecasts each key result that has a final value at several origins (fractions of its
 * cycle) from only the check-ins strictly before each origin, with every method, and scores the forecasts against
 * the final value. Configured with {@code with...} copy methods. Immutable and thread-safe; {@link Accumulator}s are
 * not, but merge.
 *
 * <p>By default ({@link ResultTiming#DETECT}) {@link #run} first decides from all the cycles whether their results
 * are last check-ins ({@link ResultTimingEvidence}) and forecasts what the results record. An {@link Accumulator}
 * sees each cycle once, as it forecasts it, so it cannot: one made from a detecting backtest forecasts results at the
 * end, as {@link ResultTiming#END} (its report says {@code END}). A distributed job decides first (a pass that adds up
 * {@link ResultTimingEvidence#of(OkrCycle)} per part, {@link ResultTimingEvidence#plus}) and makes its accumulators
 * from {@code withResultTiming(evidence.timing())}, as {@code SparkBacktest} does.
 */
public final class Backtest {
  private static final double[] DEFAULT_ORIGINS = {0.25, 0.5, 0.75};
  /** The level of the intervals scored by coverage80 and width80. */
  private static final double SCORED_LEVEL = 0.8;
  /** The most problems of corrupt accumulator bytes a message lists (the rest counted). */
  private static final int MAX_PROBLEMS_LISTED = 20;
  /** A walk-forward refits once the history has grown by 1 / REFIT_GROWTH of what it was at the last refit. */
  private static final int REFIT_GROWTH = 4;
  private static final Backtest DEFAULTS =
      new Backtest(DEFAULT_ORIGINS, List.of(ForecastMethod.values()), Forecaster.withDefaults(), false,
          ResultTiming.DETECT);

  private final double[] origins;
  private final List<ForecastMethod> methods;
  private final Forecaster forecaster;
  private final boolean outcomeFromLastCheckIn;
  private final ResultTiming resultTiming;

  private Backtest(double[] origins, List<ForecastMethod> methods, Forecaster forecaster,
      boolean outcomeFromLastCheckIn, ResultTiming resultTiming) {
    this.origins = origins;
    this.methods = methods;
    this.forecaster = forecaster;
    this.outcomeFromLastCheckIn = outcomeFromLastCheckIn;
    this.resultTiming = resultTiming;
  }

  /**
   * Origins 25%, 50% and 75%; every method; the default forecaster's settings; only key results with a
   * {@code result.finalValue} scored; when those results were taken detected from the cycles
   * ({@link ResultTiming#DETECT}).
   */
  public static Backtest withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy forecasting at {@code fractions} of each cycle.
   *
   * @throws IllegalArgumentException when there are none, one is not within (0, 1), or one is given twice
   */
  public Backtest withOrigins(double... fractions) {
    Objects.requireNonNull(fractions, "fractions must not be null");
    if (fractions.length == 0) {
      throw new IllegalArgumentException("fractions must not be empty");
    }
    double[] copy = fractions.clone();
    for (double f : copy) {
      if (!(f > 0 && f < 1)) {
        throw new IllegalArgumentException("fractions must be within (0, 1): " + f);
      }
    }
    Arrays.sort(copy);
    // a fraction given twice would be scored twice: two equal rows of the report for one origin
    for (int k = 1; k < copy.length; k++) {
      if (copy[k] == copy[k - 1]) {
        throw new IllegalArgumentException("fractions must not repeat: " + copy[k]);
      }
    }
    return new Backtest(copy, methods, forecaster, outcomeFromLastCheckIn, resultTiming);
  }

  /** A copy forecasting weekly: at 1/13, 2/13, ..., 12/13 of each cycle (a quarter's weeks). */
  public Backtest withWeeklyOrigins() {
    double[] f = new double[12];
    for (int i = 0; i < 12; i++) {
      f[i] = (i + 1) / 13.0;
    }
    return withOrigins(f);
  }

  /**
   * A copy scoring only {@code methods}.
   *
   * @throws IllegalArgumentException when empty, or when it names a method twice
   * @throws NullPointerException when it holds null
   */
  public Backtest withMethods(List<ForecastMethod> methods) {
    Objects.requireNonNull(methods, "methods must not be null");
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("methods must not be empty");
    }
    // a method named twice would count every forecast twice in each of its two rows (n = 60 of 30 key results)
    Set<ForecastMethod> named = EnumSet.noneOf(ForecastMethod.class);
    for (ForecastMethod m : methods) {
      if (!named.add(Objects.requireNonNull(m, "methods must not hold null"))) {
        throw new IllegalArgumentException("methods must not repeat a method: " + m.id());
      }
    }
    return new Backtest(origins, List.copyOf(methods), forecaster, outcomeFromLastCheckIn, resultTiming);
  }

  /**
   * A copy using {@code forecaster}'s settings (hyperparameters, thresholds); its method is ignored, and so is its
   * interval level: the intervals scored are 80% ones. So is its model's {@link ForecastModel#resultTiming}: the
   * value forecast is the one {@link #withResultTiming} says of the cycles scored, unless the forecaster was told to
   * forecast every key result at its last check-in ({@link Forecaster#withOutcomeFromLastCheckIn}).
   */
  public Backtest withForecaster(Forecaster forecaster) {
    return new Backtest(origins, methods, Objects.requireNonNull(forecaster, "forecaster must not be null"),
        outcomeFromLastCheckIn, resultTiming);
  }

  /**
   * A copy that does ({@code true}) or does not (the default) score a key result without {@code result.finalValue}
   * against its last check-in ({@link KeyResult#outcome}), as a history exported from an OKR tool, where the last
   * check-in is the result, needs. Off by default: a cycle still running has no outcome yet, and its latest check-in
   * would be scored as one.
   */
  public Backtest withOutcomeFromLastCheckIn(boolean allowed) {
    return new Backtest(origins, methods, forecaster, allowed, resultTiming);
  }

  /**
   * A copy taking the key results' {@code result.finalValue} to have been taken as {@code timing} says: at the end
   * (forecast there), at the last check-in (every key result forecast at its expected last check-in, as one scored
   * against its last check-in is), or {@link ResultTiming#DETECT detected} from the cycles (the default:
   * {@link ResultTimingEvidence#timing}; {@link #run} looks at every cycle first, {@link #runWalkForward} at those
   * ended before each cycle started).
   */
  public Backtest withResultTiming(ResultTiming timing) {
    return new Backtest(origins, methods, forecaster, outcomeFromLastCheckIn,
        Objects.requireNonNull(timing, "timing must not be null"));
  }

  /** When the results were taken ({@link #withResultTiming}). */
  public ResultTiming resultTiming() {
    return resultTiming;
  }

  /** Whether key results without a result are scored against their last check-in ({@link #withOutcomeFromLastCheckIn}). */
  public boolean outcomeFromLastCheckIn() {
    return outcomeFromLastCheckIn;
  }

  /** The forecaster whose settings (model, stale days) the methods use. */
  public Forecaster forecaster() {
    return forecaster;
  }

  /** The methods scored, in the order of the report. */
  public List<ForecastMethod> methods() {
    return methods;
  }

  /** The origins, as fractions of the cycle. */
  public double[] origins() {
    return origins.clone();
  }

  /** Scores every cycle of {@code cycles}. */
  public BacktestReport run(Iterable<OkrCycle> cycles) {
    return run(cycles, null);
  }

  /**
   * Scores every cycle of {@code cycles}, handing each forecast to {@code listener} (null for none) as it is made.
   * With {@link ResultTiming#DETECT} (the default) the cycles are read twice: once for the
   * {@linkplain ResultTimingEvidence evidence} of when the results were taken, then to forecast; the report names
   * the timing used and its evidence. A {@link java.util.Collection} is iterated twice; any other {@code Iterable}
   * (which may give its elements only once) is read into a list first, so it holds every cycle in memory: for more
   * cycles than memory holds, give the timing ({@link #withResultTiming}) or use an {@link Accumulator}.
   */
  public BacktestReport run(Iterable<OkrCycle> cycles, Consumer<BacktestForecast> listener) {
    if (resultTiming == ResultTiming.DETECT) {
      Iterable<OkrCycle> twice = cycles;
      if (!(cycles instanceof java.util.Collection<?>)) {
        List<OkrCycle> all = new ArrayList<>();
        cycles.forEach(all::add);
        twice = all;
      }
      ResultTimingEvidence evidence = ResultTimingEvidence.of(twice);
      return withResultTiming(evidence.timing()).run(twice, listener).withEvidence(evidence);
    }
    Accumulator acc = newAccumulator().onForecast(listener);
    for (OkrCycle c : cycles) {
      acc.add(c);
    }
    return acc.report();
  }

  /**
   * Scores every cycle of {@code cycles} as a company using the library lives: each cycle forecast with the model of
   * this backtest's forecaster refitted ({@link ForecastModel#fit}) on cycles that ended before it started (whose end
   * instant, {@link Cycle#endInstant}, is not after this cycle's {@link Cycle#startInstant}: instants, not dates, so
   * that cycles in zones apart are compared as they happened), so on no outcome it could not have known. Cycles are
   * taken in order of start instant; the refits see the cycles ended in order of end instant, then start instant, then
   * id, so the report does not depend on the order of {@code cycles} (but for cycles alike in all three); those with
   * nothing before them use the model as it is. The model is
   * refitted whenever the cycles ended have grown by a quarter since the last refit, on all of them, so the work
   * grows linearly with the cycles (a cycle may be forecast with a model that has not seen the last few cycles that
   * ended before it). The cycles are held in memory (this is single-machine work: a distributed backtest cannot walk
   * forward). With {@link ResultTiming#DETECT} (the default), whether a cycle's key results are forecast at their
   * expected last check-in is decided by the {@linkplain ResultTimingEvidence evidence} of the cycles ended before it
   * started (the end without any). The same input gives the same report.
   *
   * @param listener receives each forecast as it is made, or null
   */
  public BacktestReport runWalkForward(Iterable<OkrCycle> cycles, Consumer<BacktestForecast> listener) {
    List<OkrCycle> all = new ArrayList<>();
    cycles.forEach(all::add);
    // the cycles by end instant (ties by start instant, then id, so that the refits' history, whose order moves a
    // fit's last digits, does not depend on the order the cycles were given in), as given: the evidence of their own
    // results. Instants, not dates: a quarter in Pago_Pago (UTC-11) ending 31 March ends 25 hours after one in
    // Kiritimati (UTC+14) starting 1 April has started; within one zone the two orders are the same
    List<OkrCycle> endedOriginal = new ArrayList<>(all);
    endedOriginal.sort(java.util.Comparator.<OkrCycle, Instant>comparing(c -> c.cycle().endInstant())
        .thenComparing(c -> c.cycle().startInstant()).thenComparing(c -> c.cycle().id()));
    // the refits' history, in the same order: with outcomes from last check-ins, each cycle filled once here, not
    // again at every refit
    List<OkrCycle> byEnd = new ArrayList<>(all.size());
    for (OkrCycle c : endedOriginal) {
      byEnd.add(outcomeFromLastCheckIn ? c.withOutcomesFromLastCheckIns() : c);
    }
    List<OkrCycle> byStart = new ArrayList<>(all);
    byStart.sort(java.util.Comparator.comparing(c -> c.cycle().startInstant()));
    Accumulator acc = newAccumulator().onForecast(listener);
    ForecastModel base = forecaster.model();
    ForecastModel model = base;
    int known = 0;
    int fitted = 0;
    // what the cycles ended so far say of when results are taken (their own results, not the filled-in last check-ins)
    ResultTimingEvidence evidence = ResultTimingEvidence.NONE;
    int atLast = 0;
    int atEnd = 0;
    for (OkrCycle c : byStart) {
      // ended (at the start of the day after its last, in its zone) no later than this one started
      while (known < byEnd.size() && !byEnd.get(known).cycle().endInstant().isAfter(c.cycle().startInstant())) {
        evidence = evidence.plus(ResultTimingEvidence.of(endedOriginal.get(known)));
        known++;
      }
      // refit once the cycles ended have grown by a quarter since the last refit: the refits' work adds up to a few
      // times one fit on everything, not one fit per cycle (each still sees only cycles ended before it started)
      if (known > 0 && known >= fitted + Math.max(1, fitted / REFIT_GROWTH)) {
        fitted = known;
        // refitted on the outcomes the backtest scores (with the flag, the last check-ins where no result is given)
        model = base.fit(byEnd.subList(0, known));
      }
      boolean atLastCheckIn = resultTiming == ResultTiming.DETECT
          ? evidence.timing() == ResultTiming.LAST_CHECK_IN : resultTiming == ResultTiming.LAST_CHECK_IN;
      long scored = acc.keyResults;
      acc.add(c, model, atLastCheckIn);
      // only cycles with something scored say where forecasts were made
      if (acc.keyResults > scored) {
        atLast += atLastCheckIn ? 1 : 0;
        atEnd += atLastCheckIn ? 0 : 1;
      }
    }
    // as given; detected: END or LAST_CHECK_IN where every cycle scored was forecast so, DETECT where they differed
    ResultTiming used = resultTiming != ResultTiming.DETECT ? resultTiming
        : atLast == 0 ? ResultTiming.END : atEnd == 0 ? ResultTiming.LAST_CHECK_IN : ResultTiming.DETECT;
    return acc.report().withModel(base.name() + "+walk-forward").withResultTiming(used);
  }

  /**
   * Fits the hyperparameters of {@code plan-prior-bayes} on {@code history} (cycles with final values), forecasting
   * at this backtest's origins: the rate spread and noise prior that minimise the log loss of the probability of
   * target plus the negative log predictive density of the final progress. No recalibration (see
   * {@link #calibrate}). Deterministic.
   *
   * @throws IllegalArgumentException when no increase or decrease key result of {@code history} has a final value
   */
  public Hyperparameters fit(Iterable<OkrCycle> history) {
    HyperparameterFit fit = new HyperparameterFit();
    for (OkrCycle c : history) {
      fit.add(c, origins);
    }
    return fit.fit(forecaster.hyperparameters());
  }

  /**
   * Fits a logistic recalibration of the probability of target of {@code plan-prior-bayes} with
   * {@code hyperparameters} on {@code history}: the returned copy carries it, or the identity where it does not lower
   * the log loss. Deterministic.
   *
   * @throws IllegalArgumentException when no increase or decrease key result of {@code history} has a final value
   */
  public Hyperparameters calibrate(Iterable<OkrCycle> history, Hyperparameters hyperparameters) {
    HyperparameterFit fit = new HyperparameterFit();
    for (OkrCycle c : history) {
      fit.add(c, origins);
    }
    return fit.calibrate(hyperparameters);
  }

  /**
   * A new empty accumulator for this backtest's settings. An accumulator sees each cycle once, as it forecasts it:
   * with {@link ResultTiming#DETECT} it forecasts results at the end, as {@link ResultTiming#END} (and writes itself
   * as such); {@link #run} and a distributed run decide the timing over all the cycles first.
   */
  public Accumulator newAccumulator() {
    return new Accumulator(this);
  }

  /**
   * Running sums of a backtest: add cycles, merge accumulators of separate parts, then take the report. Its bytes
   * ({@link #toBytes}) carry the backtest's settings, so {@link #fromBytes} rebuilds it in another process. Mutable;
   * not thread-safe (use one per thread and merge).
   */
  public static final class Accumulator
      implements org.okrengine.model.Accumulator<OkrCycle, BacktestReport, Accumulator> {
    private final Backtest backtest;
    private final Map<ForecastMethod, Sums[]> sums = new EnumMap<>(ForecastMethod.class);
    private final Forecaster[] forecasters;
    private Forecaster[] current;
    /**
     * {@link #current}, forecasting the value at the last check-in: for the key results a backtest
     * {@linkplain Backtest#withOutcomeFromLastCheckIn with outcomes from last check-ins} scores against their last
     * check-in (made when first needed; null until then and after {@link #current} changes).
     */
    private Forecaster[] currentAtLastCheckIn;
    private ForecastModel currentModel;
    private Consumer<BacktestForecast> listener;
    private long cycles;
    private long keyResults;
    /**
     * Of {@link #keyResults}, those without a result scored against their last check-in
     * ({@link Backtest#withOutcomeFromLastCheckIn}), so forecast at their expected last check-in.
     */
    private long keyResultsFromLastCheckIn;
    /** The settings as {@link BacktestBytes} writes them, made when first needed. */
    private byte[] settingsBytes;

    private Accumulator(Backtest backtest) {
      this.backtest = backtest;
      forecasters = new Forecaster[backtest.methods.size()];
      for (int i = 0; i < forecasters.length; i++) {
        ForecastMethod m = backtest.methods.get(i);
        // the intervals scored are 80% ones (coverage80, width80), whatever level the forecaster was given; the value
        // forecast is the one the backtest's result timing says (a model's own, of the history it was fitted on, is
        // not the cycles scored here), or every key result's at its last check-in where the forecaster was told so
        forecasters[i] = backtest.forecaster.withMethod(m).withLevel(SCORED_LEVEL)
            .withOutcomeFromLastCheckIn(backtest.forecaster.outcomeFromLastCheckInGiven());
        Sums[] s = new Sums[backtest.origins.length];
        for (int k = 0; k < s.length; k++) {
          s[k] = new Sums();
        }
        sums.put(m, s);
      }
      current = forecasters;
      currentModel = backtest.forecaster.model();
    }

    /**
     * A new accumulator holding what {@code bytes} (of {@link #toBytes}) hold, with the settings written in them:
     * origins, methods, and the forecaster's model and stale days.
     *
     * @throws IllegalArgumentException when the bytes are not a backtest accumulator's, of another format version, or
     *     corrupt
     */
    public static Accumulator fromBytes(byte[] bytes) {
      return BacktestBytes.read(bytes).backtest().newAccumulator().mergeBytes(bytes);
    }

    /**
     * Hands each forecast from now on to {@code listener} (null for none) as it is made.
     *
     * @return this accumulator
     */
    public Accumulator onForecast(Consumer<BacktestForecast> listener) {
      this.listener = listener;
      return this;
    }

    /**
     * Scores the key results of {@code cycle} that have a final value (or, with
     * {@link Backtest#withOutcomeFromLastCheckIn}, a last check-in).
     */
    @Override
    public Accumulator add(OkrCycle cycle) {
      if (current != forecasters) {
        current = forecasters;
        currentAtLastCheckIn = null;
      }
      currentModel = backtest.forecaster.model();
      return addWith(cycle, backtest.resultTiming == ResultTiming.LAST_CHECK_IN);
    }

    /**
     * Scores the key results of {@code cycle} with the forecasters' model replaced by {@code model}, each forecast at
     * its expected last check-in when {@code resultsAtLastCheckIn} (else only those without a result).
     */
    Accumulator add(OkrCycle cycle, ForecastModel model, boolean resultsAtLastCheckIn) {
      if (model != currentModel) {
        current = new Forecaster[forecasters.length];
        for (int i = 0; i < current.length; i++) {
          current[i] = forecasters[i].withModel(model);
        }
        currentAtLastCheckIn = null;
        currentModel = model;
      }
      return addWith(cycle, resultsAtLastCheckIn);
    }

    private Accumulator addWith(OkrCycle cycle, boolean resultsAtLastCheckIn) {
      cycles++;
      Cycle c = cycle.cycle();
      for (KeyResult kr : cycle.keyResults()) {
        Double outcome = kr.outcome(backtest.outcomeFromLastCheckIn);
        if (outcome == null) {
          continue;
        }
        keyResults++;
        keyResultsFromLastCheckIn += kr.result() == null ? 1 : 0;
        List<Milestone> milestones = cycle.milestonesOf(kr.id());
        Metric metric = kr.metric();
        double finalValue = outcome;
        boolean hit = metric.isMet(finalValue);
        double finalProgress = metric.progress(finalValue);
        double span = Math.abs(metric.target() - metric.baselineOrTarget());
        // scored against its last check-in (none given, or the results are last check-ins): forecast what that
        // check-in will read, not the value at the end
        Forecaster[] use = kr.result() == null || resultsAtLastCheckIn ? atLastCheckIn() : current;
        for (int k = 0; k < backtest.origins.length; k++) {
          Instant origin = c.instantAtFraction(backtest.origins[k]);
          List<CheckIn> seen = HyperparameterFit.before(kr.checkIns(), origin);
          // where a forecaster told to forecast the last check-in made it there: without a check-in after the start
          // seen it forecasts the end, and the forecast says so (worked out only for a listener, which reads it)
          boolean placed = listener != null && Forecaster.lastCheckInBeforeEnd(seen, c);
          for (int i = 0; i < use.length; i++) {
            Forecast f = use[i].forecastSeen(kr, c, origin, seen, milestones);
            sums.get(backtest.methods.get(i))[k].add(f, hit, finalValue, finalProgress, span);
            if (listener != null) {
              listener.accept(new BacktestForecast(cycle.cycle().id(), kr.id(), backtest.origins[k],
                  backtest.methods.get(i), currentModel.name(), f.probabilityOfTarget(), f.interval(),
                  f.landingValue(), finalValue, hit, use[i].outcomeFromLastCheckIn() && placed));
            }
          }
        }
      }
      return this;
    }

    /** The current forecasters, forecasting the value at the last check-in before the end. */
    private Forecaster[] atLastCheckIn() {
      if (currentAtLastCheckIn == null) {
        currentAtLastCheckIn = new Forecaster[current.length];
        for (int i = 0; i < current.length; i++) {
          currentAtLastCheckIn[i] = current[i].withOutcomeFromLastCheckIn(true);
        }
      }
      return currentAtLastCheckIn;
    }

    /**
     * Adds everything {@code other} has seen; both must come from equal backtests (origins, methods, the forecaster's
     * model and stale days).
     */
    @Override
    public Accumulator merge(Accumulator other) {
      if (!Arrays.equals(settings(), other.settings())) {
        throw new IllegalArgumentException("other must come from a backtest with the same settings ("
            + BacktestBytes.describe(settings()) + "): " + BacktestBytes.describe(other.settings()));
      }
      cycles += other.cycles;
      keyResults += other.keyResults;
      keyResultsFromLastCheckIn += other.keyResultsFromLastCheckIn;
      for (ForecastMethod m : backtest.methods) {
        Sums[] mine = sums.get(m);
        Sums[] theirs = other.sums.get(m);
        for (int k = 0; k < mine.length; k++) {
          mine[k].merge(theirs[k]);
        }
      }
      return this;
    }

    /** The settings part of this accumulator's bytes. */
    private byte[] settings() {
      if (settingsBytes == null) {
        settingsBytes = BacktestBytes.settings(backtest);
      }
      return settingsBytes;
    }

    /**
     * Everything this accumulator has seen, as bytes for another process to {@linkplain #mergeBytes merge} or
     * {@linkplain #fromBytes rebuild} (for example a distributed job's partitions). Exact: merging the bytes gives
     * what merging this accumulator would. The format ({@code BacktestBytes}: magic number, version 5, the settings,
     * the counts and exact sums, a CRC-32C) is explicit; no Java serialisation.
     */
    @Override
    public byte[] toBytes() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.write(settings());
        out.writeLong(cycles);
        out.writeLong(keyResults);
        out.writeLong(keyResultsFromLastCheckIn);
        for (ForecastMethod m : backtest.methods) {
          for (Sums s : sums.get(m)) {
            s.writeTo(out);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e); // writing to memory does not fail
      }
      return BacktestBytes.sealed(bytes.toByteArray());
    }

    /**
     * Adds everything an accumulator written by {@link #toBytes} had seen; it must come from an equal backtest. The
     * bytes are read in full before anything is added.
     *
     * @throws IllegalArgumentException when the bytes are not an accumulator of an equal backtest, or are corrupt
     */
    @Override
    public Accumulator mergeBytes(byte[] bytes) {
      BacktestBytes.Header header = BacktestBytes.read(bytes);
      if (!Arrays.equals(settings(), header.settings())) {
        throw new IllegalArgumentException("bytes must come from a backtest with the same settings ("
            + BacktestBytes.describe(settings()) + "): " + BacktestBytes.describe(header.settings()));
      }
      Accumulator other = new Accumulator(backtest);
      other.settingsBytes = settings();
      // the body, up to the checksum (BacktestBytes.read has checked it)
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, header.settings().length,
          bytes.length - BacktestBytes.CHECKSUM - header.settings().length))) {
        other.cycles = in.readLong();
        other.keyResults = in.readLong();
        other.keyResultsFromLastCheckIn = in.readLong();
        for (ForecastMethod m : backtest.methods) {
          for (Sums s : other.sums.get(m)) {
            s.mergeFrom(in);
          }
        }
        if (in.read() != -1) {
          throw new IllegalArgumentException("trailing bytes after a backtest accumulator");
        }
        // beyond the checksum (which bytes forged or sealed anew pass): what no accumulator can hold (a count below
        // 0, parts above their whole, key results without a cycle, a method's forecasts at an origin other than the
        // key results scored, a sum NaN, infinite or out of its range) is refused, so that no NaN or negative count
        // reaches the report, nor a count of key results its scores do not bear out; every problem found is listed
        List<String> problems = new ArrayList<>();
        long fromLast = other.keyResultsFromLastCheckIn;
        // every key result scored came from a cycle added (cycles counts those without a key result scored too, so
        // it may be above the key results, and a damaged count above the true one cannot be told)
        if (other.cycles < 0 || other.keyResults < 0 || fromLast < 0 || fromLast > other.keyResults
            || (other.cycles == 0 && other.keyResults > 0)) {
          problems.add("cycles " + other.cycles + ", key results " + other.keyResults + ", of them from last "
              + "check-ins " + fromLast);
        }
        for (ForecastMethod m : backtest.methods) {
          Sums[] s = other.sums.get(m);
          for (int k = 0; k < s.length; k++) {
            List<String> found = s[k].problems();
            // every key result scored is forecast once by each method at each origin
            if (s[k].n != other.keyResults) {
              found.add("n " + s[k].n + " where the key results scored are " + other.keyResults);
            }
            for (String p : found) {
              problems.add(m.id() + " at " + backtest.origins[k] + ": " + p);
            }
          }
        }
        if (!problems.isEmpty()) {
          // a count damaged at the top lists a problem at every method and origin: the first few tell it
          int listed = Math.min(problems.size(), MAX_PROBLEMS_LISTED);
          throw new IllegalArgumentException("corrupt accumulator bytes: "
              + String.join("; ", problems.subList(0, listed))
              + (problems.size() > listed ? "; and " + (problems.size() - listed) + " more" : ""));
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("truncated or corrupt accumulator bytes: " + e, e);
      }
      return merge(other);
    }

    /** The scores so far. */
    @Override
    public BacktestReport report() {
      List<MethodScore> out = new ArrayList<>();
      int mid = 0;
      for (int k = 1; k < backtest.origins.length; k++) {
        if (Math.abs(backtest.origins[k] - 0.5) < Math.abs(backtest.origins[mid] - 0.5)) {
          mid = k;
        }
      }
      ForecastMethod best = null;
      double bestBrier = Double.MAX_VALUE;
      for (ForecastMethod m : backtest.methods) {
        Sums[] s = sums.get(m);
        for (int k = 0; k < s.length; k++) {
          MethodScore score = s[k].score(m, backtest.origins[k]);
          out.add(score);
          if (k == mid && score.brier() != null && score.brier() < bestBrier) {
            bestBrier = score.brier();
            best = m;
          }
        }
      }
      return new BacktestReport(cycles, keyResults, Forecaster.withDefaults().method(), best, out,
          backtest.forecaster.model().name(),
          backtest.resultTiming == ResultTiming.LAST_CHECK_IN ? ResultTiming.LAST_CHECK_IN : ResultTiming.END, null,
          keyResultsFromLastCheckIn);
    }
  }

  /** Sums for one method at one origin. */
  private static final class Sums {
    private static final int BINS = 10;
    long n;
    final ExactSum brier = new ExactSum();
    final ExactSum logLoss = new ExactSum();
    long intervals;
    long covered;
    /**
     * Of {@link #intervals}, those of a key result with a span (|target - baseline| above 0), the ones {@link #width}
     * adds up: a maintain key result without a baseline has none to divide a width by.
     */
    long widths;
    final ExactSum width = new ExactSum();
    final ExactSum absError = new ExactSum();
    long misses;
    long missesFlagged;
    long hits;
    long hitsFlagged;
    final long[] binCount = new long[BINS];
    final ExactSum[] binProbability = new ExactSum[BINS];
    final long[] binHits = new long[BINS];

    Sums() {
      for (int i = 0; i < BINS; i++) {
        binProbability[i] = new ExactSum();
      }
    }

    void add(Forecast f, boolean hit, double finalValue, double finalProgress, double span) {
      double p = f.probabilityOfTarget();
      double y = hit ? 1 : 0;
      n++;
      brier.add((p - y) * (p - y));
      double pc = Math.min(0.999, Math.max(0.001, p));
      logLoss.add(-(hit ? Math.log(pc) : Math.log(1 - pc)));
      if (f.interval() != null) {
        intervals++;
        if (finalValue >= f.interval().low() && finalValue <= f.interval().high()) {
          covered++;
        }
        if (span > 0) {
          widths++;
          width.add((f.interval().high() - f.interval().low()) / span);
        }
      }
      absError.add(Math.abs(f.landingProgress() - finalProgress));
      boolean flagged = f.status() == Status.AT_RISK || f.status() == Status.OFF_TRACK;
      if (hit) {
        hits++;
        hitsFlagged += flagged ? 1 : 0;
      } else {
        misses++;
        missesFlagged += flagged ? 1 : 0;
      }
      int bin = Math.min(BINS - 1, (int) (p * BINS));
      binCount[bin]++;
      binProbability[bin].add(p);
      binHits[bin] += hit ? 1 : 0;
    }

    void merge(Sums o) {
      n += o.n;
      brier.merge(o.brier);
      logLoss.merge(o.logLoss);
      intervals += o.intervals;
      covered += o.covered;
      widths += o.widths;
      width.merge(o.width);
      absError.merge(o.absError);
      misses += o.misses;
      missesFlagged += o.missesFlagged;
      hits += o.hits;
      hitsFlagged += o.hitsFlagged;
      for (int i = 0; i < BINS; i++) {
        binCount[i] += o.binCount[i];
        binProbability[i].merge(o.binProbability[i]);
        binHits[i] += o.binHits[i];
      }
    }

    MethodScore score(ForecastMethod m, double origin) {
      List<ReliabilityBin> bins = new ArrayList<>();
      for (int i = 0; i < BINS; i++) {
        long c = binCount[i];
        bins.add(new ReliabilityBin(i / (double) BINS, (i + 1) / (double) BINS, c,
            c == 0 ? null : binProbability[i].value() / c, c == 0 ? null : binHits[i] / (double) c));
      }
      return new MethodScore(m, origin, n, mean(brier, n), mean(logLoss, n), intervals, ratio(covered, intervals),
          mean(width, widths), mean(absError, n), ratio(missesFlagged, misses), ratio(hitsFlagged, hits), bins);
    }

    private static Double mean(ExactSum sum, long count) {
      return count == 0 ? null : sum.value() / count;
    }

    void writeTo(DataOutput out) throws IOException {
      out.writeLong(n);
      out.writeLong(intervals);
      out.writeLong(covered);
      out.writeLong(widths);
      out.writeLong(misses);
      out.writeLong(missesFlagged);
      out.writeLong(hits);
      out.writeLong(hitsFlagged);
      brier.writeTo(out);
      logLoss.writeTo(out);
      width.writeTo(out);
      absError.writeTo(out);
      for (int i = 0; i < BINS; i++) {
        out.writeLong(binCount[i]);
        out.writeLong(binHits[i]);
        binProbability[i].writeTo(out);
      }
    }

    void mergeFrom(DataInput in) throws IOException {
      n += in.readLong();
      intervals += in.readLong();
      covered += in.readLong();
      widths += in.readLong();
      misses += in.readLong();
      missesFlagged += in.readLong();
      hits += in.readLong();
      hitsFlagged += in.readLong();
      brier.mergeFrom(in);
      logLoss.mergeFrom(in);
      width.mergeFrom(in);
      absError.mergeFrom(in);
      for (int i = 0; i < BINS; i++) {
        binCount[i] += in.readLong();
        binHits[i] += in.readLong();
        binProbability[i].mergeFrom(in);
      }
    }

    /**
     * What no accumulator's sums can hold (they were read from bytes), each a problem, or none: a count below 0, parts
     * that do not add up to their whole, a sum NaN, infinite or out of its range (a Brier sum above {@code n}, a log
     * loss sum above {@code n} times {@link MethodScore#MAX_LOG_LOSS}), or an exact sum holding a count of NaNs or
     * infinities (every term added is finite).
     */
    List<String> problems() {
      List<String> out = new ArrayList<>();
      long inBins = 0;
      long hitsInBins = 0;
      boolean binsSound = true;
      for (int i = 0; i < BINS; i++) {
        double p = binProbability[i].value();
        binsSound &= binHits[i] >= 0 && binHits[i] <= binCount[i] && p >= 0 && p <= binCount[i];
        inBins += binCount[i];
        hitsInBins += binHits[i];
      }
      if (n < 0 || hits < 0 || misses < 0 || hits + misses != n || inBins != n || hitsInBins != hits || !binsSound
          || intervals < 0 || intervals > n || covered < 0 || covered > intervals || widths < 0 || widths > intervals
          || hitsFlagged < 0 || hitsFlagged > hits || missesFlagged < 0 || missesFlagged > misses) {
        out.add("counts that do not add up (n " + n + ", hits " + hits + ", misses " + misses + ", in bins " + inBins
            + ", hits in bins " + hitsInBins + ", intervals " + intervals + ", covered " + covered + ", widths "
            + widths + ")");
      }
      double b = brier.value();
      double l = logLoss.value();
      double w = width.value();
      double a = absError.value();
      // a Brier term is at most 1, a log-loss term at most -ln 0.001 (Sums.add): n of them add up to no more
      if (!(b >= 0 && b <= n && l >= 0 && l <= n * MethodScore.MAX_LOG_LOSS && w >= 0 && a >= 0
          && l + w + a < Double.POSITIVE_INFINITY)) {
        out.add("sums out of range (brier " + b + ", log loss " + l + ", width " + w + ", error " + a + " for n " + n
            + ")");
      }
      String[] names = {"brier", "log loss", "width", "error"};
      ExactSum[] sums = {brier, logLoss, width, absError};
      for (int i = 0; i < sums.length; i++) {
        String special = sums[i].specialCounts();
        if (special != null) {
          out.add(names[i] + " sum holding " + special);
        }
      }
      for (int i = 0; i < BINS; i++) {
        String special = binProbability[i].specialCounts();
        if (special != null) {
          out.add("bin " + i + " probability sum holding " + special);
        }
      }
      return out;
    }

    private static Double ratio(long part, long whole) {
      return whole == 0 ? null : part / (double) whole;
    }
  }
}
