package org.okrengine.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.PredictionInterval;
import org.okrengine.model.Reason;
import org.okrengine.model.Status;

/**
 * Forecasts where a key result will land at cycle end from its check-ins so far, how likely it is to meet its
 * target, its velocity against the velocity it needs, when it will complete, and its status with reasons.
 *
 * <ul>
 *   <li>Only check-ins at or before the as-of instant count.
 *   <li>No check-ins: status {@code no-data}; {@code plan-prior-bayes} gives the plan's forecast, wide; the other
 *       methods, which know nothing but the check-ins, the baseline with probability 0 (as OKR tools do).
 *   <li>Target already met (increase, decrease, achieve): status {@code achieved}, probability 1.
 *   <li>Silent for longer than twice its usual gap between check-ins (the median of its own gaps once it has three
 *       check-ins; before that the agreed cadence, {@link #withCadenceDays} or the cycle's
 *       {@code checkInEveryDays}), and never less than
 *       {@link #staleAfterDays()} nor more than half the cycle: status {@code stale}, the forecast still given.
 *   <li>Maintain directions: the probability of being on the right side of the target at cycle end (a random walk
 *       from the latest value, whichever method is set; one seen flat may still move; a few-level one judged
 *       halfway between the level that keeps its threshold and the next that breaks it, wandering by at least that
 *       step), within [0.05, 0.95] until the last tenth of the cycle.
 *   <li>Achieve: the chance from the milestones due so far (Laplace's rule with the model's prior mean c,
 *       {@link ForecastModel#achieveChance()}: on time + 2c over due + 2; c without milestones, 0.5 in the shipped
 *       model), whichever method is set, as the chance of being done by the end at all; while it is not done,
 *       what is left of it as the cycle runs out: of what gets done, the share done by the fraction x of the cycle is
 *       taken as x^2.7 (as the shared families' hits reached their targets), so the chance is p (1 - x^2.7) /
 *       (1 - p x^2.7), 0 at the end (0.5 without milestones: 0.46 at half the cycle, 0.40 at two thirds, 0.20
 *       with a tenth left).
 * </ul>
 *
 * <p>Configured with {@code with...} copy methods. Immutable and thread-safe. Each thread that forecasts keeps a
 * little scratch space for the numeric kernel (about 2 KB, and 100 KB once it has replayed statuses), reused from
 * call to call and softly held, so the garbage collector may take it back.
 */
public final class Forecaster {
  private static final double DEFAULT_LEVEL = 0.8;
  /** The probability below which a key result is at risk, by default (see the status rule in the README). */
  static final double DEFAULT_ON_TRACK = ForecastModel.DEFAULT_AT_RISK_BELOW;
  /** The probability below which a key result is off track, by default. */
  static final double DEFAULT_OFF_TRACK = 0.15;
  /** The part of the cycle over which the at-risk threshold rises from the off-track one to its full value. */
  static final double EARLY_FRACTION = 0.3;
  /** Silences longer than this many usual gaps make a key result stale. */
  static final double STALE_GAPS = 2;
  /**
   * The shape of when an achieve key result that gets done is done: the share done by the fraction {@code x} of the
   * cycle is {@code x^2.7} ({@link #notDoneYet}). Measured on the shared families' key results that met their
   * targets, by when their check-ins first reached it (the end where only the result did): the maximum-likelihood
   * exponent is 2.44 on the TAWOS quarters (575 hits), 3.05 on the TSE sprints (660), 2.73 pooled
   * (docs/experiments/achieve-shape.md).
   */
  static final double ACHIEVE_SHAPE = 2.7;
  private static final Forecaster DEFAULTS = new Forecaster(ForecastMethod.MOVEMENT_AWARE,
      ForecastModel.defaults(), DEFAULT_LEVEL, 14, 0, DEFAULT_ON_TRACK, DEFAULT_OFF_TRACK, false, null);

  private final ForecastMethod method;
  private final ForecastModel model;
  private final Hyperparameters hyperparameters;
  private final double[] stack;
  private final double level;
  private final double staleAfterDays;
  private final double cadenceDays;
  private final double onTrackProbability;
  private final double offTrackProbability;
  /** Whether {@link #withThresholds} set the thresholds (else they follow the model's {@code atRiskBelow}). */
  private final boolean thresholdsGiven;
  private final double[] quantiles;
  private final double[] quantiles85;

  /**
   * Whether {@link #withOutcomeFromLastCheckIn} said to forecast the value at the last check-in before the end (true)
   * or at the end (false); null where it was not called, and the model's {@link ForecastModel#resultTiming} decides.
   */
  private final Boolean outcomeGiven;
  /** Whether the value forecast is the one at the last check-in before the end ({@link #outcomeFromLastCheckIn()}). */
  private final boolean outcomeFromLastCheckIn;

  private Forecaster(ForecastMethod method, ForecastModel model, double level, double staleAfterDays,
      double cadenceDays, double onTrackProbability, double offTrackProbability, boolean thresholdsGiven,
      Boolean outcomeGiven) {
    this.method = method;
    this.model = model;
    this.hyperparameters = model.hyperparameters();
    this.stack = model.stackWeights();
    this.level = level;
    this.staleAfterDays = staleAfterDays;
    this.cadenceDays = cadenceDays;
    this.onTrackProbability = onTrackProbability;
    this.offTrackProbability = offTrackProbability;
    this.thresholdsGiven = thresholdsGiven;
    this.outcomeGiven = outcomeGiven;
    this.outcomeFromLastCheckIn = outcomeGiven != null ? outcomeGiven
        : model.resultTiming() == ResultTiming.LAST_CHECK_IN;
    this.quantiles = level == DEFAULT_LEVEL ? Quantiles.DEFAULT : StudentT.quantiles(0.5 + level / 2);
    this.quantiles85 = Quantiles.P85;
  }

  private static final class Quantiles {
    static final double[] DEFAULT = StudentT.quantiles(0.5 + DEFAULT_LEVEL / 2);
    static final double[] P85 = StudentT.quantiles(0.85);
  }

  /**
   * The default forecaster: the {@code movement-aware} method with the shipped model ({@link ForecastModel#defaults}),
   * 80% intervals.
   */
  public static Forecaster withDefaults() {
    return DEFAULTS;
  }

  /** A copy using {@code method} (for increase and decrease key results; see the class description). */
  public Forecaster withMethod(ForecastMethod method) {
    Objects.requireNonNull(method, "method must not be null");
    return new Forecaster(method, model, level, staleAfterDays, cadenceDays,
        onTrackProbability, offTrackProbability, thresholdsGiven, outcomeGiven);
  }

  /**
   * A copy using {@code hyperparameters} for the plan-prior trajectory (of {@code plan-prior-bayes} and
   * {@code movement-aware}); the recalibration of the probability applies to {@code plan-prior-bayes} only (the other
   * methods' probabilities are their own, uncalibrated).
   */
  public Forecaster withHyperparameters(Hyperparameters hyperparameters) {
    Objects.requireNonNull(hyperparameters, "hyperparameters must not be null");
    return new Forecaster(method, model.withHyperparameters(hyperparameters), level, staleAfterDays, cadenceDays,
        onTrackProbability, offTrackProbability, thresholdsGiven, outcomeGiven);
  }

  /**
   * A copy using {@code model}: its trajectory hyperparameters, its weights for {@code movement-aware}, its
   * at-risk threshold ({@link ForecastModel#atRiskBelow()}) as the on-track threshold of the statuses, unless
   * {@link #withThresholds} set the thresholds (before or after this call), and its result timing
   * ({@link ForecastModel#resultTiming()}: a model fitted on a history whose results were its last check-ins forecasts
   * the value at each key result's expected last check-in), unless {@link #withOutcomeFromLastCheckIn} set it (before
   * or after this call).
   */
  public Forecaster withModel(ForecastModel model) {
    Objects.requireNonNull(model, "model must not be null");
    if (thresholdsGiven) {
      return new Forecaster(method, model, level, staleAfterDays, cadenceDays, onTrackProbability,
          offTrackProbability, true, outcomeGiven);
    }
    double onTrack = model.atRiskBelow();
    return new Forecaster(method, model, level, staleAfterDays, cadenceDays, onTrack,
        Math.min(DEFAULT_OFF_TRACK, onTrack), false, outcomeGiven);
  }

  /**
   * A copy whose model is refitted on {@code history}, an organisation's earlier cycles with final values, shrunk
   * toward this forecaster's model the less history there is ({@link ForecastModel#fit}).
   */
  public Forecaster fittedTo(Iterable<OkrCycle> history) {
    return withModel(model.fit(history));
  }

  /** The model: the trajectory's hyperparameters and the movement-aware method's weights. */
  public ForecastModel model() {
    return model;
  }

  /**
   * A copy whose prediction intervals have central probability {@code level}.
   *
   * @throws IllegalArgumentException when {@code level} is not within (0, 1)
   */
  public Forecaster withLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be within (0, 1): " + level);
    }
    return new Forecaster(method, model, level, staleAfterDays, cadenceDays,
        onTrackProbability, offTrackProbability, thresholdsGiven, outcomeGiven);
  }

  /**
   * A copy that calls a key result stale after {@code days} days without a check-in.
   *
   * @throws IllegalArgumentException when {@code days} is not positive and finite
   */
  public Forecaster withStaleAfterDays(double days) {
    if (!(days > 0 && days < 1e6)) {
      throw new IllegalArgumentException("days must be within (0, 1e6): " + days);
    }
    return new Forecaster(method, model, level, days, cadenceDays,
        onTrackProbability, offTrackProbability, thresholdsGiven, outcomeGiven);
  }

  /**
   * A copy that knows the check-in cadence the organisation agreed on: a key result with fewer than three check-ins
   * (so no rhythm of its own yet) is stale after twice {@code days} of silence, or {@link #staleAfterDays()} if
   * longer. 0 means none agreed.
   *
   * @throws IllegalArgumentException when {@code days} is not within [0, 1e6)
   */
  public Forecaster withCadenceDays(double days) {
    if (!(days >= 0 && days < 1e6)) {
      throw new IllegalArgumentException("cadence days must be within [0, 1e6): " + days);
    }
    return new Forecaster(method, model, level, staleAfterDays, days,
        onTrackProbability, offTrackProbability, thresholdsGiven, outcomeGiven);
  }

  /**
   * A copy that forecasts the value at each key result's last check-in before the cycle's end instead of the value at
   * the end (since 2026-12-06 for maintain and achieve key results too: a maintain key result's walk is judged there,
   * an achieve one's time gone counted against it; before, only increase and decrease ones): the outcome of a history exported from an OKR tool, where the
   * last check-in is the result (and what {@code okr analyze} takes as the outcome after the end where a key result
   * has no {@code result.finalValue}). That check-in is expected half the key result's mean gap between check-ins
   * before the end (its check-ins fall at no fixed phase of the cycle), and never before its latest one (where that
   * one is within a gap of the end, the mean of a lag that cannot pass it: less than half a gap, never all the time
   * left; {@code Kernel.outcomeX}): the landing
   * value, its interval and the probability of target are taken there, with the same method and model. Completion
   * dates, statuses' other rules and the figures once the cycle is over are unchanged. Measured on company-like
   * variants of the shared families (docs/experiments/outcome-horizon.md). Either way it overrides the model's
   * {@link ForecastModel#resultTiming} (before or after {@link #withModel}): {@code false} forecasts the end even with
   * a model fitted on an export; not called, the model decides.
   */
  public Forecaster withOutcomeFromLastCheckIn(boolean fromLastCheckIn) {
    return new Forecaster(method, model, level, staleAfterDays, cadenceDays, onTrackProbability,
        offTrackProbability, thresholdsGiven, fromLastCheckIn);
  }

  /**
   * Whether the value forecast is the one at the last check-in before the end: as {@link #withOutcomeFromLastCheckIn}
   * set it, else as the model's {@link ForecastModel#resultTiming} says (false for the shipped model).
   */
  public boolean outcomeFromLastCheckIn() {
    return outcomeFromLastCheckIn;
  }

  /**
   * One sentence for reports on the model ({@link ForecastModel#describe}) and, where this forecaster forecasts each
   * key result's value at its expected last check-in ({@link #outcomeFromLastCheckIn()}), that it does.
   */
  public String describeModel() {
    return model.describe() + (outcomeFromLastCheckIn ? "; each key result forecast at its expected last check-in"
        : "");
  }

  /**
   * The day (in the cycle's zone) of {@code keyResult}'s expected last check-in before the end of {@code cycle}, judged
   * by its check-ins up to {@code asOf}: where a forecaster that forecasts the value at the last check-in
   * ({@link #outcomeFromLastCheckIn()}) takes it, half its mean gap between check-ins before the end, less where its
   * latest check-in is within a gap of the end ({@code Kernel.outcomeX}'s rule); for an achieve key result no earlier
   * than halfway from {@code asOf} to the end, where its chance is taken (past that day with no check-in since, the
   * last one is still to come). Null where that is the cycle's end: no check-in after the start up to {@code asOf}, the
   * latest at or after the end, or an achieve key result's {@code asOf} at or after the end. The reports name it beside
   * a forecast made there ("by its last check-in (expected around 26 Sep)") and draw the cone's tip on it.
   */
  public static LocalDate expectedLastCheckIn(KeyResult keyResult, Cycle cycle, Instant asOf) {
    Instant at = expectedLastCheckInAt(keyResult, cycle, asOf);
    return at == null ? null : cycle.dateOf(at);
  }

  /**
   * The instant of {@code keyResult}'s expected last check-in ({@link #expectedLastCheckIn}, whose day it is): where
   * the page draws the tip of a cone forecast there. Null where that is the cycle's end.
   */
  public static Instant expectedLastCheckInAt(KeyResult keyResult, Cycle cycle, Instant asOf) {
    Objects.requireNonNull(keyResult, "keyResult must not be null");
    Objects.requireNonNull(cycle, "cycle must not be null");
    Objects.requireNonNull(asOf, "asOf must not be null");
    double x = lastCheckInFraction(keyResult.checkInsAsOf(asOf), cycle);
    if (x < 1.0 && keyResult.metric().direction() == Direction.ACHIEVE) {
      // where achieve() takes its chance: no earlier than halfway from asOf to the end (it read "expected around 22
      // Sep" on 20 Sep of a chance taken at 25 Sep)
      x = achieveOutcomeFraction(x, cycle.elapsedFraction(asOf));
    }
    // as dateAt takes a fraction's instant (before the end, so its date is the day in the cycle's zone)
    return x < 1.0 ? cycle.startInstant().plusSeconds(Math.round(x * cycle.lengthDays() * Cycle.SECONDS_PER_DAY))
        : null;
  }

  /**
   * Whether a forecaster forecasting the value at the last check-in ({@link #outcomeFromLastCheckIn()}) forecasts from
   * the check-ins {@code seen} (sorted) at an expected last check-in before the end of {@code cycle}, as
   * {@link #expectedLastCheckIn} places it: false where it forecasts the end (no check-in after the start, or the
   * latest at or after the end). Any other forecaster forecasts the end.
   */
  static boolean lastCheckInBeforeEnd(List<CheckIn> seen, Cycle cycle) {
    return lastCheckInFraction(seen, cycle) < 1.0;
  }

  /** {@link #lastCheckInFraction(double[], int, double)} of the check-ins {@code seen} (sorted) in {@code cycle}. */
  private static double lastCheckInFraction(List<CheckIn> seen, Cycle cycle) {
    int n = seen.size();
    double[] times = new double[n];
    Instant start = cycle.startInstant();
    for (int i = 0; i < n; i++) {
      times[i] = Cycle.daysBetween(start, seen.get(i).at());
    }
    return lastCheckInFraction(times, n, cycle.lengthDays());
  }

  /** Whether {@link #withOutcomeFromLastCheckIn} set forecasting at the last check-in (not the model's timing). */
  boolean outcomeFromLastCheckInGiven() {
    return outcomeGiven != null && outcomeGiven;
  }

  /** The agreed check-in cadence in days, 0 when none was given ({@link #withCadenceDays}). */
  public double cadenceDays() {
    return cadenceDays;
  }

  /** The probability of target at or above which a key result is on track (after the cycle's first 30%). */
  public double onTrackProbability() {
    return onTrackProbability;
  }

  /** The probability of target below which a key result is off track. */
  public double offTrackProbability() {
    return offTrackProbability;
  }

  /**
   * A copy with the probability thresholds of the statuses: at least {@code onTrack} is on track, below
   * {@code offTrack} is off track, in between at risk (over the cycle's first 30% the at-risk threshold rises from
   * {@code offTrack} to {@code onTrack}, except for a key result whose latest check-in went backwards while it is
   * behind its plan: {@code onTrack} from the start; see the README's status rule). Thresholds set here stay through
   * later {@link #withModel} calls: a model's own at-risk threshold ({@link ForecastModel#atRiskBelow()}) applies only
   * to a forecaster without them.
   *
   * @throws IllegalArgumentException unless 0 &lt; offTrack &lt;= onTrack &lt; 1
   */
  public Forecaster withThresholds(double onTrack, double offTrack) {
    if (!(offTrack > 0 && offTrack <= onTrack && onTrack < 1)) {
      throw new IllegalArgumentException(
          "thresholds must satisfy 0 < offTrack <= onTrack < 1: onTrack " + onTrack + ", offTrack " + offTrack);
    }
    return new Forecaster(method, model, level, staleAfterDays, cadenceDays, onTrack, offTrack, true,
        outcomeGiven);
  }

  /** The method. */
  public ForecastMethod method() {
    return method;
  }

  /** The hyperparameters of the plan-prior trajectory (of the model). */
  public Hyperparameters hyperparameters() {
    return hyperparameters;
  }

  /** The central probability of the prediction intervals. */
  public double level() {
    return level;
  }

  /** The two-sided interval quantiles by t-table row (shared, never modified). */
  double[] quantiles() {
    return quantiles;
  }

  /** The one-sided 0.85 quantiles by t-table row (shared, never modified). */
  double[] quantiles85() {
    return quantiles85;
  }

  /**
   * The fewest days without a check-in after which a key result is stale (14 by default); a key result that checks in
   * less often is stale after twice its usual gap.
   */
  public double staleAfterDays() {
    return staleAfterDays;
  }

  /**
   * The days without any check-in, counted from {@code cycle}'s start, after which a key result that has none is as
   * silent as a stale one: twice the agreed cadence (this forecaster's, else the cycle's {@code checkInEveryDays}), at
   * least {@link #staleAfterDays()}, at most half the cycle (never below staleAfterDays), as the status rule's limit
   * before a key result has a rhythm of its own.
   */
  public double staleAfterDaysWithoutCheckIns(Cycle cycle) {
    return staleLimit(new double[0], 0, cycle);
  }

  /** Forecasts {@code keyResult} in {@code cycle} as of {@code asOf}, without milestones. */
  public Forecast forecast(KeyResult keyResult, Cycle cycle, Instant asOf) {
    return forecast(keyResult, cycle, asOf, List.of());
  }

  /**
   * Forecasts {@code keyResult} in {@code cycle} as of {@code asOf}; {@code milestones} (of the initiatives that
   * contribute to it) inform {@code achieve} key results. Only the check-ins at or before {@code asOf} are read. The
   * forecaster does not check that {@code keyResult} belongs to {@code cycle} or that {@code asOf} falls within it
   * (the engine does, {@code OkrCycle} and its readers hold a cycle's check-ins to its window): a key result of another
   * cycle is forecast as if its check-ins were this one's, with finite figures (a 2026 key result in a 2030 cycle is
   * stale, its chance and landing what its old pace would give). An instant more than a million days (some 2,700
   * years) from the start is forecast as at that distance, with the status {@link #replay} gives it.
   */
  public Forecast forecast(KeyResult keyResult, Cycle cycle, Instant asOf, List<Milestone> milestones) {
    Objects.requireNonNull(keyResult, "keyResult must not be null");
    Objects.requireNonNull(cycle, "cycle must not be null");
    Objects.requireNonNull(asOf, "asOf must not be null");
    Objects.requireNonNull(milestones, "milestones must not be null");
    Instant at = withinReach(cycle, asOf);
    List<CheckIn> seen = keyResult.checkInsAsOf(at);
    return forecastSeen(keyResult, cycle, at, seen, milestones);
  }

  /**
   * {@code asOf}, or the kernel's farthest instant from the cycle's start ({@code Kernel.MAX_DAYS}, some 2,700 years)
   * on its side where it lies farther: there every figure is what it is farther out (before the start nothing is
   * seen, after the end the outcome decides), and a date exists (LocalDate holds neither Instant.MIN nor Instant.MAX;
   * an achieve key result reads the day).
   */
  private static Instant withinReach(Cycle cycle, Instant asOf) {
    Instant start = cycle.startInstant();
    Instant first = start.minusSeconds(REACH_SECONDS);
    Instant last = start.plusSeconds(REACH_SECONDS);
    return asOf.isBefore(first) ? first : asOf.isAfter(last) ? last : asOf;
  }

  /** The kernel's farthest instant from a cycle's start ({@code Kernel.MAX_DAYS}), in seconds. */
  private static final long REACH_SECONDS = (long) (Kernel.MAX_DAYS * Cycle.SECONDS_PER_DAY);

  /**
   * The status {@link #forecast(KeyResult, Cycle, Instant, List)} gives {@code keyResult} at each instant of
   * {@code asOfs}, without the rest of the forecast (no reasons, dates or records are built): for replays of status
   * over a cycle's history, as retrospectives and escalation do. The check-ins are read once for all instants.
   *
   * @return one status per instant, in the order given
   */
  public List<Status> statuses(KeyResult keyResult, Cycle cycle, List<Instant> asOfs, List<Milestone> milestones) {
    return List.of(replayArrays(keyResult, cycle, asOfs, milestones).status);
  }

  /**
   * A key result's status and probability of target at one instant of a replay ({@link #replay}). Immutable and
   * thread-safe.
   *
   * @param status the status {@link #forecast(KeyResult, Cycle, Instant, List)} gives at that instant
   * @param probabilityOfTarget the probability of target it gives, within 0..1; null where the replay forecasts
   *     nothing: before the cycle, without a check-in, or with the target already met (increase, decrease, achieve)
   */
  public record Replayed(Status status, Double probabilityOfTarget) {
    /** Validates. */
    public Replayed {
      Objects.requireNonNull(status, "status must not be null");
      if (probabilityOfTarget != null && !(probabilityOfTarget >= 0 && probabilityOfTarget <= 1)) {
        throw new IllegalArgumentException("probabilityOfTarget must be within 0..1: " + probabilityOfTarget);
      }
    }
  }

  /**
   * The status and probability of target {@link #forecast(KeyResult, Cycle, Instant, List)} gives {@code keyResult}
   * at each instant of {@code asOfs}, as {@link #statuses} replays them (the check-ins read once, the probabilities
   * in the kernel's batches).
   *
   * @return one entry per instant, in the order given
   */
  public List<Replayed> replay(KeyResult keyResult, Cycle cycle, List<Instant> asOfs, List<Milestone> milestones) {
    Replay r = replayArrays(keyResult, cycle, asOfs, milestones);
    Replayed[] out = new Replayed[r.status.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = new Replayed(r.status[k], r.forecast[k] ? r.probability[k] : null);
    }
    return List.of(out);
  }

  /** A replay as arrays, one entry per instant: what {@link #statuses} and {@link #replay} hand out. */
  private record Replay(Status[] status, double[] probability, boolean[] forecast) {}

  private Replay replayArrays(KeyResult keyResult, Cycle cycle, List<Instant> asOfs, List<Milestone> milestones) {
    Objects.requireNonNull(keyResult, "keyResult must not be null");
    Objects.requireNonNull(cycle, "cycle must not be null");
    Objects.requireNonNull(asOfs, "asOfs must not be null");
    Objects.requireNonNull(milestones, "milestones must not be null");
    Metric metric = keyResult.metric();
    Direction d = metric.direction();
    Instant start = cycle.startInstant();
    double lengthDays = cycle.lengthDays();
    List<CheckIn> all = keyResult.checkIns();
    int total = all.size();
    double[] times = new double[total];
    double[] values = new double[total];
    for (int i = 0; i < total; i++) {
      times[i] = Cycle.daysBetween(start, all.get(i).at());
      values[i] = all.get(i).value();
    }
    int size = asOfs.size();
    int[] seen = new int[size];
    double[] asOfDays = new double[size];
    double[] probability = new double[size];
    boolean[] metAt = new boolean[size];
    // the instants the kernel forecasts (increase and decrease), all at once below
    int[] kernelAt = new int[size];
    int kernelCount = 0;
    int n = 0;
    Instant previous = null;
    for (int k = 0; k < size; k++) {
      Instant asOf = Objects.requireNonNull(asOfs.get(k), "asOfs must not hold null");
      asOfDays[k] = Cycle.daysBetween(start, asOf);
      // the check-ins at or before asOf: a prefix of the sorted check-ins, grown from the previous instant's
      if (previous != null && asOf.isBefore(previous)) {
        n = 0;
      }
      previous = asOf;
      while (n < total && !all.get(n).at().isAfter(asOf)) {
        n++;
      }
      seen[k] = n;
      boolean met = n > 0 && metric.isMet(values[n - 1]);
      // the cycle is over: the outcome is known, as forecastSeen takes it
      Double outcome = outcome(keyResult, values, n, asOfDays[k], lengthDays);
      if (outcome != null) {
        met = metric.isMet(outcome);
      }
      metAt[k] = met;
      if (outcome != null) {
        probability[k] = met ? 1.0 : 0.0;
      } else if (asOfDays[k] >= 0 && n > 0 && !(met && !d.isMaintain())) {
        if (d.isMaintain() || d == Direction.ACHIEVE) {
          double[] t = Arrays.copyOf(times, n);
          double[] v = Arrays.copyOf(values, n);
          probability[k] = d == Direction.ACHIEVE ? achieve(metric, t, v, cycle, asOf, milestones).probability
              : maintain(metric, Ordinal.levels(metric, values, n), t, v, lengthDays, asOfDays[k]).probability;
        } else {
          kernelAt[kernelCount++] = k;
        }
      }
    }
    double[] confidence = new double[total];
    for (int i = 0; i < total; i++) {
      confidence[i] = confidenceOf(all.get(i));
    }
    // few-level by the check-ins seen at each instant (Ordinal.of): declared, or the first `whole` values whole within
    // the bounds
    boolean movementAware = method == ForecastMethod.MOVEMENT_AWARE;
    boolean declared = metric.isOrdinal();
    boolean scale = Ordinal.scale(metric);
    int whole = Ordinal.wholeWithin(metric, values, total);
    double[] ordinal = new double[size];
    for (int k = 0; k < size; k++) {
      ordinal[k] = movementAware && (declared || scale && seen[k] <= whole) ? 1 : 0;
    }
    forecastPrefixes(times, values, confidence, ordinal, lengthDays, metric, seen, asOfDays, kernelAt, kernelCount,
        probability);
    Status[] out = new Status[size];
    boolean[] forecast = new boolean[size];
    // the stale limit depends only on how many check-ins are seen: once per count
    double[] staleLimits = new double[total + 1];
    Arrays.fill(staleLimits, Double.NaN);
    for (int k = 0; k < size; k++) {
      int m = seen[k];
      if (Double.isNaN(staleLimits[m])) {
        staleLimits[m] = staleLimit(calendarTimes(cycle, all, m, times), m, cycle);
      }
      double expected = keyResult.expectedProgress(cycle, asOfs.get(k));
      Double progress = m == 0 ? null : metric.progress(values[m - 1]);
      Integer daysSince = m == 0 ? null : silentDays(cycle, asOfs.get(k), all.get(m - 1).at());
      boolean regressing = m >= 2 && !d.isMaintain() && metric.progress(values[m - 1]) < metric.progress(values[m - 2]);
      out[k] = status(d, m, metAt[k], daysSince, staleLimits[m], asOfDays[k] / lengthDays,
          probability[k], regressing, progress, expected);
      forecast[k] = asOfDays[k] >= 0 && m > 0 && out[k] != Status.ACHIEVED;
    }
    return new Replay(out, probability, forecast);
  }

  /**
   * The probability of the target at the instants {@code kernelAt[0 .. count - 1]}, each from the first
   * {@code seen[k]} check-ins, through the kernel's batch stages (the prefixes laid end to end, in this thread's
   * columns); clamped as reach() clamps it.
   */
  private void forecastPrefixes(double[] times, double[] values, double[] confidence, double[] ordinal,
      double lengthDays, Metric metric, int[] seen, double[] asOfDays, int[] kernelAt, int count,
      double[] probability) {
    if (count == 0) {
      return;
    }
    Columns c = Columns.chunk();
    double[][] col = c.col;
    int[] offsets = c.offsets;
    double[] asOf = col[Kernel.AS_OF];
    // one key result: the same cycle length, baseline and target for every instant
    int filled = Math.min(count, Kernel.CHUNK);
    Arrays.fill(col[Kernel.LENGTH], 0, filled, lengthDays);
    Arrays.fill(col[Kernel.BASELINE], 0, filled, metric.baseline());
    Arrays.fill(col[Kernel.TARGET], 0, filled, metric.target());
    for (int start = 0; start < count; start += Kernel.CHUNK) {
      int m = Math.min(Kernel.CHUNK, count - start);
      int points = 0;
      for (int e = 0; e < m; e++) {
        offsets[e] = points;
        int n = seen[kernelAt[start + e]];
        points += n;
        asOf[e] = asOfDays[kernelAt[start + e]];
        col[Kernel.CONFIDENCE][e] = n > 0 ? confidence[n - 1] : 0;
        col[Kernel.ORDINAL][e] = ordinal[kernelAt[start + e]];
      }
      offsets[m] = points;
      c.ensurePoints(points);
      for (int e = 0; e < m; e++) {
        System.arraycopy(times, 0, c.times, offsets[e], offsets[e + 1] - offsets[e]);
        System.arraycopy(values, 0, c.values, offsets[e], offsets[e + 1] - offsets[e]);
      }
      Kernel.run(method, hyperparameters, hyperparameters.priorPrecision(), stack, quantiles, level, quantiles85,
          c.times, c.values, offsets, col[Kernel.LENGTH], asOf, col[Kernel.BASELINE], col[Kernel.TARGET], 0, c, m,
          outcomeFromLastCheckIn);
      for (int e = 0; e < m; e++) {
        probability[kernelAt[start + e]] = clampUnit(col[Kernel.PROBABILITY][e]);
      }
    }
  }

  /** Forecasts from exactly the check-ins {@code seen} (sorted), as of {@code asOf}; used by the backtest too. */
  Forecast forecastSeen(KeyResult kr, Cycle cycle, Instant asOf, List<CheckIn> seen, List<Milestone> milestones) {
    Metric metric = kr.metric();
    Instant start = cycle.startInstant();
    double lengthDays = cycle.lengthDays();
    double asOfDays = Cycle.daysBetween(start, asOf);
    int n = seen.size();
    double[] times = new double[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      times[i] = Cycle.daysBetween(start, seen.get(i).at());
      values[i] = seen.get(i).value();
    }
    double expected = kr.expectedProgress(cycle, asOf);
    Double progress = n == 0 ? null : metric.progress(values[n - 1]);
    // after the cycle's end counted to the end, as the stale rule counts it: a finished cycle reads the same whatever
    // day it is analysed (KR-4 read "104d ago", off track and not stale, three months after the end)
    Integer daysSince = n == 0 ? null : silentDays(cycle, asOf, seen.get(n - 1).at());
    List<Reason> reasons = new ArrayList<>();
    Direction d = metric.direction();
    // few-level by the check-ins seen (Ordinal): its levels, null for any other key result
    double[] levels = Ordinal.levels(metric, values, n);
    Outcome out = switch (d) {
      case MAINTAIN_ABOVE, MAINTAIN_BELOW -> maintain(metric, levels, times, values, lengthDays, asOfDays);
      case ACHIEVE -> achieve(metric, times, values, cycle, asOf, milestones);
      default -> reach(metric, times, values, lengthDays, asOfDays, n == 0 ? 0 : confidenceOf(seen.get(n - 1)),
          method == ForecastMethod.MOVEMENT_AWARE && levels != null ? 1 : 0);
    };
    bound(metric, levels, out);
    boolean met = n > 0 && metric.isMet(values[n - 1]);
    Double outcome = outcome(kr, values, n, asOfDays, lengthDays);
    if (outcome != null) {
      // the cycle is over: the outcome is known, every direction and method alike; exactly that value and the
      // metric's own test of it (Kernel.over, for the batch API, works on progress, where a value equal to its target
      // can come out a hair below 1)
      met = metric.isMet(outcome);
      out.probability = met ? 1.0 : 0.0;
      out.landingValue = outcome;
      out.interval = null;
      if (!met) {
        out.completionX = -1;
        out.completion85X = -1;
      }
    } else if (asOfDays >= lengthDays) {
      // over, with neither a result nor a check-in: no outcome is known. No completion (it read the day analysed, 15
      // Apr, after a 31 Mar end) and no landing that claims the target (its method's prior landed on it, 100%): the
      // baseline, all that is recorded of it (a maintain key result without one keeps the method's figure)
      out.completionX = -1;
      out.completion85X = -1;
      out.interval = null;
      if (metric.baseline() != null) {
        out.landingValue = metric.baseline();
      }
    }
    if (n >= 2 && !d.isMaintain()) {
      out.regressing = metric.progress(values[n - 1]) < metric.progress(values[n - 2]);
    }
    double staleLimit = staleLimit(calendarTimes(cycle, seen, n, times), n, cycle);
    Status status = status(d, n, met, daysSince, staleLimit, asOfDays / lengthDays, out.probability,
        out.regressing, progress, expected);
    // without a check-in, the silence since the cycle's start (to its end at the latest) beside the stale limit: past
    // it, the engine asks for attention as for a stale key result
    Integer daysSinceStart = n == 0 && asOfDays >= 0 ? silentDays(cycle, asOf, start) : null;
    // the outcome given by the document (result.finalValue, once the cycle is over): said on the reason no-check-ins
    // or stale, so that a report's reader knows the outcome is known and not the last check-in's (a key result without
    // a check-in whose final value missed read "met unknown" beside its probability of target 0)
    Double given = outcome != null && kr.result() != null ? outcome : null;
    addStatusReason(status, asOfDays, daysSince, daysSinceStart, staleLimit, progress, expected, given, reasons);
    addReasons(d, n, met, out, progress, expected, reasons);
    if (met && out.firstMetX >= 0) {
      // achieved: completed when the target was first reached (a forecast's completion stands while the latest
      // check-in falls short, even if an earlier one reached the target)
      out.completionX = out.firstMetX;
      out.completion85X = out.firstMetX;
    }
    LocalDate completion = out.completionX >= 0 ? dateAt(cycle, out.completionX) : null;
    LocalDate completion85 = out.completion85X >= 0 ? dateAt(cycle, out.completion85X) : null;
    return new Forecast(kr.id(), out.method, status, progress, expected, daysSince, out.landingValue,
        metric.progress(out.landingValue), out.interval, out.probability, out.required, out.actual,
        out.ratio(), completion, completion85, reasons);
  }

  /**
   * Whole days of silence, as the stale rule judges them and {@code daysSinceCheckIn} reports them: since the latest
   * check-in up to {@code asOfDays}, but no further than the cycle's end (nobody checks in on a cycle that is over: a
   * key result checked in a week before the end is not stale three weeks after it, and its outcome does not change
   * with the day the report is run). Counted in calendar days of the cycle's zone ({@link Cycle#calendarDaysBetween}):
   * from 28 Feb to 20 Mar is 20 days across a daylight-saving change too.
   */
  static int silentDays(Cycle cycle, Instant asOf, Instant lastCheckIn) {
    Instant end = asOf.isAfter(cycle.endInstant()) ? cycle.endInstant() : asOf;
    // 0 for a check-in at or after the end (a late entry of the final value): nothing was silent by the end
    return (int) Math.max(0, cycle.wholeCalendarDaysBetween(lastCheckIn, end));
  }

  /**
   * The first {@code n} check-ins' instants in calendar days of the cycle's zone from its start: the gaps the stale
   * limit is judged by, counted as the days of silence are ({@link #silentDays}). {@code times}, the same instants in
   * days of 86,400 s, where those are the same (a zone of fixed offset) or not read (fewer than three check-ins:
   * {@link #usualGapDays}); a new array only across a daylight-saving change.
   */
  private static double[] calendarTimes(Cycle cycle, List<CheckIn> checkIns, int n, double[] times) {
    if (n < 3 || cycle.zone() instanceof java.time.ZoneOffset) {
      return times;
    }
    Instant start = cycle.startInstant();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = cycle.calendarDaysBetween(start, checkIns.get(i).at());
    }
    return out;
  }

  /**
   * The outcome of {@code kr} once its cycle is over (the forecast instant {@code asOfDays} at or after its length):
   * {@code result.finalValue} where the document gives it, else the latest of the {@code n} check-ins seen (as the
   * retrospective scores it); null before the end, or with neither.
   */
  private static Double outcome(KeyResult kr, double[] values, int n, double asOfDays, double lengthDays) {
    if (asOfDays < lengthDays) {
      return null;
    }
    if (kr.result() != null) {
      return kr.result().finalValue();
    }
    return n > 0 ? Double.valueOf(values[n - 1]) : null;
  }

  private static LocalDate dateAt(Cycle cycle, double fraction) {
    Instant start = cycle.startInstant();
    long seconds = Math.round(fraction * cycle.lengthDays() * Cycle.SECONDS_PER_DAY);
    Instant at = start.plusSeconds(seconds);
    // the end instant is the midnight after the cycle's last day: done by then is done on its last day (a completion
    // at the very end, "by the end" where the chance of target is at least one half, read 1 Oct for a cycle ending on
    // 30 Sep)
    return at.equals(cycle.endInstant()) ? cycle.end() : cycle.dateOf(at);
  }

  /** What a method computed, in the metric's units. */
  private static final class Outcome {
    ForecastMethod method;
    double landingValue;
    PredictionInterval interval;
    double probability;
    Double required;
    Double actual;
    double completionX = -1;
    double completion85X = -1;
    /** The cycle fraction of the first check-in that reached the target, -1 when none did. */
    double firstMetX = -1;
    boolean regressing;
    int points;

    Double ratio() {
      if (required == null || actual == null || required == 0) {
        return null;
      }
      double r = actual / required;
      return Double.isFinite(r) ? r : null;
    }
  }

  /** The latest confidence minus 0.5, the movement-aware method's input; 0 without one. */
  private static double confidenceOf(CheckIn c) {
    return c.confidence() == null ? 0 : c.confidence() - 0.5;
  }

  /**
   * The landing value and the interval kept within the metric's physical bounds ({@code min}, {@code max}) and, for a
   * few-level key result ({@code levels}: its declared ones, or the whole numbers of a bounded scale of at most five,
   * {@link Ordinal#levels}), within [first level, last level] (a key result of levels 0 to 4 read "80%: 1.25 - 5.11
   * level", one of levels 1 to 5 "80%: 2.25 - 6.14").
   *
   * <p>Where the target is one of the levels, each is the level reached (a scale of stages 0 to 3 declared by min and
   * max alone read "lands 79%", 2.38 stages, a value it cannot take): the highest level at or below the
   * forecast's figure for a key result that rises to its target (increase, keep at or above), the lowest at or above
   * it for one that falls (decrease, keep at or below). A key result of levels takes no value between two; its
   * forecast's median 3.18 ("lands 3.18 level") is level 3 reached with some chance of 4, and the level reached is a
   * monotone map of the figure, so the median, the interval's ends and every quantile of the level reached are the
   * figure's mapped: the landing meets the target exactly where the figure's median does, that is where the probability
   * of target is at least one half (the default method's rule, docs/forecast-model.md), and the interval is the level
   * reached's own 80%. A target between levels keeps the figures held within the range. The probability is not
   * touched. The shared families declare no levels and no bounds: no backtest figure moves.
   */
  private static void bound(Metric metric, double[] levels, Outcome out) {
    if (metric.min() == null && metric.max() == null && levels == null) {
      return;
    }
    out.landingValue = within(metric, levels, out.landingValue);
    if (out.interval != null) {
      out.interval = new PredictionInterval(out.interval.level(), within(metric, levels, out.interval.low()),
          within(metric, levels, out.interval.high()));
    }
  }

  /** A figure's distance from a level below which it counts as at the level: rounding of baseline + progress * span. */
  private static final double LEVEL_TOLERANCE = 1e-9;

  /**
   * {@code value} within the metric's bounds ({@link Metric#clamp}) and its {@code levels}' range (declared or
   * inferred, {@link Ordinal#levels}; null for none), and, where its target is a level, the level reached
   * ({@link #bound}); NaN stays NaN.
   */
  private static double within(Metric metric, double[] levels, double value) {
    double v = metric.clamp(value);
    if (levels == null || Double.isNaN(v)) {
      return v;
    }
    int n = levels.length;
    double first = levels[0];
    double last = levels[n - 1];
    v = v < first ? first : v > last ? last : v;
    Direction d = metric.direction();
    boolean up = d == Direction.INCREASE || d == Direction.MAINTAIN_ABOVE;
    boolean down = d == Direction.DECREASE || d == Direction.MAINTAIN_BELOW;
    boolean targetIsLevel = false;
    for (double level : levels) {
      targetIsLevel |= level == metric.target();
    }
    if (!(up || down) || !targetIsLevel) {
      return v;
    }
    // a hair short of a level counts as at it: the figures come back from progress through a product and a sum
    double slack = LEVEL_TOLERANCE * Math.max(1, last - first);
    if (up) {
      double reached = first;
      for (double level : levels) {
        if (v >= level - slack) {
          reached = level;
        }
      }
      return reached;
    }
    double reached = last;
    for (int k = n - 1; k >= 0; k--) {
      if (v <= levels[k] + slack) {
        reached = levels[k];
      }
    }
    return reached;
  }

  private Outcome reach(Metric metric, double[] times, double[] values, double lengthDays, double asOfDays,
      double confidence, double ordinal) {
    double b = metric.baseline();
    double t = metric.target();
    // the results land in the thread's scratch row of slots, read before the thread's next forecast
    Columns scratch = Columns.single();
    double[] slots = scratch.slots;
    Kernel.forecast(method, hyperparameters, stack, quantiles, level, quantiles85, times, values, 0, times.length,
        lengthDays, asOfDays, b, t, confidence, ordinal, outcomeFromLastCheckIn, scratch, slots);
    return fromSlots(method, slots, b, t, lengthDays, level);
  }

  static Outcome fromSlots(ForecastMethod method, double[] slots, double b, double t, double lengthDays,
      double level) {
    Outcome o = new Outcome();
    o.method = method;
    double span = t - b;
    int flags = (int) slots[Kernel.FLAGS];
    o.landingValue = safe(b + slots[Kernel.MEAN] * span);
    o.probability = clampUnit(slots[Kernel.PROBABILITY]);
    if ((flags & Kernel.HAS_INTERVAL) != 0) {
      // the kernel gives the ends in the metric's order (Kernel.LOW); min and max only guard what safe() replaces
      double lo = safe(b + slots[Kernel.LOW] * span);
      double hi = safe(b + slots[Kernel.HIGH] * span);
      o.interval = new PredictionInterval(level, Math.min(lo, hi), Math.max(lo, hi));
    }
    double weeksPerCycle = lengthDays / 7.0;
    if ((flags & Kernel.HAS_RATE) != 0) {
      o.actual = safe(slots[Kernel.RATE] * span / weeksPerCycle);
    }
    if ((flags & Kernel.HAS_REQUIRED) != 0) {
      o.required = safe(slots[Kernel.REQUIRED] * span / weeksPerCycle);
    }
    if ((flags & Kernel.HAS_COMPLETION) != 0) {
      o.completionX = slots[Kernel.COMPLETION];
    }
    if ((flags & Kernel.HAS_COMPLETION_85) != 0) {
      o.completion85X = slots[Kernel.COMPLETION_85];
    }
    if ((flags & Kernel.MET) != 0) {
      o.firstMetX = slots[Kernel.FIRST_MET_X];
    }
    o.points = (int) slots[Kernel.COUNT];
    return o;
  }

  /**
   * A maintain key result's probability of being on the right side of its threshold at the cycle's end (a driftless
   * random walk from its latest value), its landing (that value) and interval. {@code levels} are the only values a
   * few-level key result takes ({@link Ordinal#levels}), else null: its threshold lies between the level next to it
   * on the wrong side and the one that keeps it, and the walk is judged at the midpoint of the two (a value is on one
   * level or the other: one at its threshold keeps it until it falls a level), and it wanders by at least that one
   * step over a cycle.
   */
  private Outcome maintain(Metric metric, double[] levels, double[] times, double[] values, double lengthDays,
      double asOfDays) {
    Outcome o = new Outcome();
    o.method = method;
    int n = values.length;
    double target = metric.target();
    boolean above = metric.direction() == Direction.MAINTAIN_ABOVE;
    // the distance from the baseline to the threshold; without a baseline a tenth of the threshold, or less: the
    // distance from the first check-in where that is smaller (a tenth alone made a rate of 98.9% then 98.7% against
    // "at least 98.5%" wander over 75% to 100%)
    double scaleRef = metric.baseline() != null ? Math.abs(metric.baseline() - target) : 0.0;
    if (!(scaleRef > 0)) {
      double tenth = Math.max(Math.abs(target) * 0.1, 1e-9);
      double first = n > 0 ? Math.abs(values[0] - target) : 0.0;
      scaleRef = metric.baseline() == null && first > 0 ? Math.min(first, tenth) : tenth;
    }
    // a few-level key result: the boundary the walk is judged against is halfway between the level that keeps the
    // threshold and the next one that breaks it, and the prior wander at least that step (a tenth of "at or above
    // level 2", 0.2 of a level, made one a level below it after a single dip 5% at a third of the quarter, and one
    // on it a coin toss)
    double boundary = target;
    if (levels != null) {
      double keep = Double.NaN;
      double brk = Double.NaN;
      for (double l : levels) {
        if (metric.isMet(l)) {
          keep = Double.isNaN(keep) || Math.abs(l - target) < Math.abs(keep - target) ? l : keep;
        } else {
          brk = Double.isNaN(brk) || Math.abs(l - target) < Math.abs(brk - target) ? l : brk;
        }
      }
      if (!Double.isNaN(keep) && !Double.isNaN(brk)) {
        boundary = (keep + brk) / 2;
        scaleRef = Math.max(scaleRef, Math.abs(keep - brk));
      }
    }
    // random walk without drift in the value: variance per day from the check-ins' squared differences,
    // from the squared differences of successive check-ins
    double level = n > 0 ? values[n - 1] : (metric.baseline() != null ? metric.baseline() : target);
    double lastDays = n > 0 ? times[n - 1] : 0.0;
    double sum = 0;
    int k = 0;
    for (int i = 1; i < n; i++) {
      double dt = times[i] - times[i - 1];
      if (dt > Kernel.MIN_DX * lengthDays) {
        double dv = values[i] - values[i - 1];
        sum += dv * dv / dt;
        k++;
      }
    }
    // with fewer than two increments the prior stands in: (scaleRef)^2 of wander over a cycle; with two or more that
    // never moved, the prior as if it were one increment beside them (a key result seen flat may still move: with
    // the increments alone, one flat on its threshold was certain to hold it)
    double prior = scaleRef * scaleRef / lengthDays;
    double perDay = k < 2 ? prior : sum > 0 ? sum / k : prior / (k + 1);
    k = Math.max(k, 1);
    // to the end, or, where the outcome is the last check-in (withOutcomeFromLastCheckIn), to where that is expected
    double horizon = Math.max(0.0, lengthDays * outcomeFraction(times, n, lengthDays) - Math.max(lastDays, 0.0));
    double sd = Math.sqrt(perDay * horizon);
    int row = StudentT.row(k);
    if (sd > 0) {
      double pAbove = StudentT.cdf((level - boundary) / sd, row);
      // never beyond [0.05, 0.95] while the cycle runs, but over its last tenth (the rule for reach key
      // results: the walk is a model, and a threshold held so far is not yet held at the end)
      double left = Math.max(0.0, Math.min(1.0, (lengthDays - asOfDays) / lengthDays));
      double edge = (1 - Stack.CEILING) * Math.min(1.0, left / Stack.LATE);
      o.probability = Stack.clamp(clampUnit(above ? pAbove : 1 - pAbove), edge, 1 - edge);
    } else {
      // no wander left (or none seen): on the right side now, as the metric says (the target itself counts)
      o.probability = metric.isMet(level) ? 1.0 : 0.0;
    }
    o.landingValue = safe(level);
    if (sd > 0) {
      double q = quantiles[row];
      o.interval = new PredictionInterval(level(), safe(level - q * sd), safe(level + q * sd));
    }
    o.points = n;
    return o;
  }

  /**
   * The chance that what is not done at {@code elapsed} (the fraction of the cycle gone, 0 to 1) is done by the end,
   * when {@code chance} is the chance it is done by the end at all: of what gets done, the share done by {@code x} is
   * taken as {@code x^}{@value #ACHIEVE_SHAPE} (done late more often than early: half of it in the last 23% of the
   * cycle), so the chance left is {@code chance (1 - q) / (1 - chance q)}, {@code q = elapsed^2.7}: {@code chance}
   * at the start, falling to 0 at the end. A thing not done a week before the end had the chance it had on the first day
   * (a launch without milestones read "on track: a 50% chance of being done" on the cycle's last day, then off track).
   */
  static double notDoneYet(double chance, double elapsed) {
    double x = Math.max(0, Math.min(1, elapsed));
    double q = Math.pow(x, ACHIEVE_SHAPE);
    return chance * (1 - q) / (1 - chance * q);
  }

  /**
   * The cycle fraction whose value is the outcome for the first {@code n} check-ins at {@code times} (days from the
   * start): 1 (the end), or, where this forecaster forecasts the value at the last check-in
   * ({@link #withOutcomeFromLastCheckIn}), where that check-in is expected ({@link Kernel#outcomeFraction}: half the
   * mean gap of the check-ins after the start before the end, less near it).
   */
  private double outcomeFraction(double[] times, int n, double lengthDays) {
    return outcomeFromLastCheckIn ? lastCheckInFraction(times, n, lengthDays) : 1.0;
  }

  /**
   * The cycle fraction an achieve key result's chance is taken at, {@code outcome} the one its check-ins give
   * ({@link #outcomeFraction}) and {@code gone} the fraction of the cycle gone: no earlier than halfway from now to the
   * end (past its expected last check-in with no check-in since, the last one is still to come).
   */
  private static double achieveOutcomeFraction(double outcome, double gone) {
    return Math.max(outcome, (1 + Math.min(gone, 1)) / 2);
  }

  /**
   * The cycle fraction at which the last check-in before the end is expected for the first {@code n} check-ins at
   * {@code times} (days from the start; {@link Kernel#outcomeFraction}): 1 (the end) without a check-in after the
   * start.
   */
  private static double lastCheckInFraction(double[] times, int n, double lengthDays) {
    // the increments as the kernel's scan chains them (Scan): from the anchor at 0, a check-in less than MIN_DX of the
    // cycle after the previous increment (or at or before the start) is merged, no increment (a value sent twice a
    // few seconds apart counted twice read a shorter gap than the one forecast with)
    double px = 0;
    int increments = 0;
    for (int i = 0; i < n; i++) {
      double x = times[i] / lengthDays;
      if (x - px >= Kernel.MIN_DX) {
        increments++;
        px = x;
      }
    }
    return Kernel.outcomeFraction(px, increments);
  }

  private Outcome achieve(Metric metric, double[] times, double[] values, Cycle cycle, Instant asOf,
      List<Milestone> milestones) {
    Outcome o = new Outcome();
    o.method = method;
    int n = values.length;
    if (n > 0 && metric.isMet(values[n - 1])) {
      o.probability = 1.0;
      o.landingValue = metric.target();
      return o;
    }
    LocalDate today = cycle.dateOf(asOf);
    int due = 0;
    int onTime = 0;
    for (Milestone m : milestones) {
      if (!m.due().isAfter(today)) {
        due++;
        if (m.completed() != null && !m.completed().isAfter(m.due())) {
          onTime++;
        }
      } else if (m.completed() != null && !m.completed().isAfter(today)) {
        due++;
        onTime++;
      }
    }
    // Laplace's rule with the model's prior mean (0.5 in the shipped model: (on time + 1) / (due + 2))
    // the time gone counted against the outcome's instant: the end, or the expected last check-in
    // (withOutcomeFromLastCheckIn), by when it must be done to count; once the forecast instant is past that, with no
    // check-in since, the last one is still to come: expected no earlier than halfway from now to the end (a review
    // found a key result 0 certain to miss there, though it could still be done)
    double gone = cycle.elapsedFraction(asOf);
    double elapsed = gone / achieveOutcomeFraction(outcomeFraction(times, n, cycle.lengthDays()), gone);
    double p = notDoneYet((onTime + 2 * model.achieveChance()) / (due + 2.0), elapsed);
    if (!asOf.isBefore(cycle.endInstant())) {
      p = 0.0;
    }
    o.probability = p;
    o.landingValue = safe(metric.baselineOrTarget() + p * (metric.target() - metric.baselineOrTarget()));
    o.points = n;
    return o;
  }

  /**
   * The days of silence after which a key result whose first {@code n} check-ins are at {@code times} (days from the
   * start, sorted) is stale: twice its usual gap (the median of its gaps, with three check-ins or more; else the
   * agreed cadence: this forecaster's, else the cycle's {@code checkInEveryDays}), at least {@link #staleAfterDays},
   * at most half the cycle (but never below staleAfterDays).
   */
  double staleLimit(double[] times, int n, Cycle cycle) {
    double lengthDays = cycle.lengthDays();
    double usual = usualGapDays(times, n);
    if (Double.isNaN(usual)) {
      usual = cadenceDays > 0 ? cadenceDays : cycle.checkInEveryDays() != null ? cycle.checkInEveryDays() : 0;
    }
    double limit = Math.min(STALE_GAPS * usual, lengthDays / 2);
    return Math.max(staleAfterDays, limit);
  }

  /** The median gap in days between successive check-ins of the first {@code n}, NaN with fewer than two gaps. */
  static double usualGapDays(double[] times, int n) {
    if (n < 3) {
      return Double.NaN;
    }
    double[] gaps = new double[n - 1];
    for (int i = 1; i < n; i++) {
      gaps[i - 1] = times[i] - times[i - 1];
    }
    Arrays.sort(gaps);
    int h = gaps.length / 2;
    return gaps.length % 2 == 1 ? gaps[h] : (gaps[h - 1] + gaps[h]) / 2;
  }

  /** The at-risk threshold at {@code fraction} of the cycle: rising from offTrack to onTrack over the first 30%. */
  double atRiskBelow(double fraction) {
    if (!(fraction < EARLY_FRACTION)) {
      return onTrackProbability;
    }
    return offTrackProbability + (onTrackProbability - offTrackProbability) * Math.max(0, fraction) / EARLY_FRACTION;
  }

  private Status status(Direction d, int n, boolean met, Integer daysSince, double staleLimit, double fraction,
      double probability, boolean regressing, Double progress, double expected) {
    if (fraction < 0) {
      return Status.NOT_STARTED;
    }
    // without a check-in no data, unless the cycle is over and its result.finalValue met the target (met is the
    // outcome's then): achieved, as a stale key result whose final value meets it is (it read no-data, "met unknown",
    // escalated as silent beside a probability of target of 1); one whose final value falls short keeps no-data, as a
    // stale one keeps stale
    if (n == 0 && !met) {
      return Status.NO_DATA;
    }
    if (met && !d.isMaintain()) {
      return Status.ACHIEVED;
    }
    if (daysSince != null && daysSince > staleLimit) {
      return Status.STALE;
    }
    // a threshold is kept only once the cycle is over (until then it must still be kept): achieved then, as a reach
    // key result that met its target is; stale before that (a last value long ago tells nobody whether it held)
    if (met && fraction >= 1) {
      return Status.ACHIEVED;
    }
    if (!d.isMaintain() && progress != null && progress == 0.0 && expected < 0.1) {
      return Status.NOT_STARTED;
    }
    // a threshold broken now is not on track, however likely it is to be kept again by the end ("on track: 10 ms
    // above the threshold of 300 ms"): at risk, or off track by the probability
    if (d.isMaintain() && !met && fraction < 1) {
      return probability < offTrackProbability ? Status.OFF_TRACK : Status.AT_RISK;
    }
    // early in the cycle a middling probability is not yet an alarm, unless the key result went backwards behind its
    // plan: then the whole threshold holds from the start (no higher: the probability has already counted the step
    // back)
    boolean backwardsAndBehind = regressing && progress != null && progress < expected;
    if (probability >= (backwardsAndBehind ? onTrackProbability : atRiskBelow(fraction))) {
      return Status.ON_TRACK;
    }
    return probability < offTrackProbability ? Status.OFF_TRACK : Status.AT_RISK;
  }

  /** The reason that decided {@code status}, when a rule before the probability did. */
  private static void addStatusReason(Status status, double asOfDays, Integer daysSince, Integer daysSinceStart,
      double staleLimit, Double progress, double expected, Double finalValue, List<Reason> reasons) {
    switch (status) {
      case NOT_STARTED -> reasons.add(asOfDays < 0 ? Reason.of("before-cycle-start", "daysToStart", -asOfDays)
          : Reason.of("not-started", "expectedProgress", expected));
      case NO_DATA -> {
        java.util.Map<String, Double> ev = new java.util.HashMap<>();
        if (daysSinceStart != null) {
          ev.put("daysSinceStart", (double) daysSinceStart);
          ev.put("staleAfterDays", staleLimit);
        }
        if (finalValue != null) {
          ev.put("finalValue", finalValue);
        }
        reasons.add(new Reason("no-check-ins", ev));
      }
      // without a check-in, met by its result.finalValue after the end: no progress of a check-in to give
      case ACHIEVED -> reasons.add(progress == null ? Reason.of("target-already-met")
          : Reason.of("target-already-met", "progress", progress));
      case STALE -> {
        java.util.Map<String, Double> ev = new java.util.HashMap<>();
        ev.put("daysSinceCheckIn", (double) daysSince);
        ev.put("staleAfterDays", staleLimit);
        if (finalValue != null) {
          ev.put("finalValue", finalValue);
        }
        reasons.add(new Reason("stale", ev));
      }
      default -> { }
    }
  }

  private void addReasons(Direction d, int n, boolean met, Outcome out, Double progress, double expected,
      List<Reason> reasons) {
    if (n == 0 || (met && !d.isMaintain())) {
      return;
    }
    if (out.regressing && progress != null) {
      reasons.add(Reason.of("regressing", "progress", progress));
    }
    Double ratio = out.ratio();
    if (ratio != null && ratio < 1) {
      java.util.Map<String, Double> ev = new java.util.HashMap<>();
      ev.put("velocityRatio", ratio);
      ev.put("requiredVelocityPerWeek", out.required);
      ev.put("actualVelocityPerWeek", out.actual);
      reasons.add(new Reason("velocity-below-required", ev));
    }
    if (d.isMaintain() && progress != null && progress < 1) {
      reasons.add(Reason.of("wrong-side-of-target", "progress", progress));
    }
    if (!d.isMaintain() && progress != null && progress < expected) {
      java.util.Map<String, Double> ev = new java.util.HashMap<>();
      ev.put("progress", progress);
      ev.put("expectedProgress", expected);
      reasons.add(new Reason("behind-plan", ev));
    }
    if (out.probability < onTrackProbability) {
      reasons.add(Reason.of("unlikely-to-meet-target", "probabilityOfTarget", out.probability));
    }
    if (n <= 2) {
      reasons.add(Reason.of("few-check-ins", "checkIns", n));
    }
  }

  private static double safe(double v) {
    if (Double.isFinite(v)) {
      return v;
    }
    if (Double.isNaN(v)) {
      return 0.0;
    }
    return v > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE;
  }

  private static double clampUnit(double p) {
    return p >= 0 ? Math.min(1.0, p) : 0.0;
  }
}
