package org.okrengine.forecast;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.SafeText;
import org.okrengine.model.internal.Checks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned parameters of the default forecasting method ({@code movement-aware}): the plan-prior trajectory's
 * hyperparameters and the weights of the logistic stage that restates its probability of target from how the key
 * result moves (see {@link ForecastMethod#MOVEMENT_AWARE}), with a summary of the history they were fitted on (never
 * the cycles' text). Written and read as the {@code okr-forecast-model/1} JSON document ({@link #toJson},
 * {@link #fromJson}; specified in {@code docs/forecast-model.md}).
 *
 * <p>{@link #defaults()} is what a new user gets: fitted on both families of real cycles the project holds, pooled.
 * {@link #fit} learns an organisation's own history, shrunk toward this model the less history there is. Immutable
 * and thread-safe.
 */
public final class ForecastModel {
  /** The format name of the JSON document. */
  public static final String FORMAT = "okr-forecast-model/1";
  /**
   * How many key results the model being refitted counts for: with {@code n} key results of history, the fitted
   * parameters lie {@code n / (n + PRIOR_KEY_RESULTS)} of the way from it to what the history alone says.
   */
  public static final int PRIOR_KEY_RESULTS = 100;
  /** The least history {@link #fit} learns from: fewer scored key results keep the model as it is, with a warning. */
  public static final int MIN_KEY_RESULTS = 20;
  /** The cycle fractions each historical key result is forecast at when fitting. */
  static final double[] FIT_ORIGINS = {0.25, 0.5, 0.75};
  /** The largest absolute weight a model may carry. */
  static final double MAX_WEIGHT = 50;
  /** The range of {@link #metHolds()}: a met target is never certain to hold, nor a coin toss. */
  static final double MIN_MET_HOLDS = 0.5;
  static final double MAX_MET_HOLDS = 0.999;
  /** What a document without {@code metHolds} means (models written before it existed): a met target holds. */
  static final double LEGACY_MET_HOLDS = 1.0;
  /** How many key results met at a forecast instant the refitted model's {@link #metHolds()} counts for. */
  static final int PRIOR_MET_KEY_RESULTS = 20;
  /** The longest name a model may have, in characters (code points). */
  static final int MAX_NAME_LENGTH = 200;
  /**
   * The chance that an achieve key result is done by its cycle's end before any of its milestones is due, where no
   * history says otherwise (the shared families hold no achieve key results): the prior mean of Laplace's rule.
   */
  static final double DEFAULT_ACHIEVE_CHANCE = 0.5;
  /** How many achieve key results the model being refitted counts for in {@link #achieveChance()}'s fit. */
  static final int PRIOR_ACHIEVE_KEY_RESULTS = 10;
  /** The range of {@link #achieveChance()}. */
  static final double MIN_ACHIEVE_CHANCE = 0.01;
  static final double MAX_ACHIEVE_CHANCE = 0.99;
  /**
   * The shipped model's at-risk threshold, and the threshold a {@link Forecaster} without a model of its own uses: the
   * smallest threshold, in hundredths, that flags 90% of the misses of both shared families in a
   * weekly replay (README, "Where 0.37 comes from"; {@link StatusThreshold}).
   */
  public static final double DEFAULT_AT_RISK_BELOW = 0.37;
  /**
   * What a model document without {@code atRiskBelow} means: it was written while the shipped threshold was 0.36
   * (before the field existed, or by a fit that learned exactly that, which left the field out), so it keeps it.
   */
  static final double LEGACY_AT_RISK_BELOW = 0.36;
  /** The range of {@link #atRiskBelow()} in a model: above the default off-track threshold, below near-certainty. */
  static final double MIN_AT_RISK_BELOW = 0.15;
  static final double MAX_AT_RISK_BELOW = 0.95;

  private static final Logger LOG = LoggerFactory.getLogger(ForecastModel.class);

  /*
   * The shipped model: ForecastModel.fitPooled("okr-default-2", both families of ../shared/data pooled: 2,730 cycles,
   * one key result each; the one TSE sprint longer than okr-cycle/1 allows, line 890, is left out), forecast at
   * FIT_ORIGINS. BacktestRealDataTest.defaults_areThePooledFit recomputes it and checks these numbers.
   */
  /*
   * Of the 2,730 key results forecast at FIT_ORIGINS, 690 forecasts found the target already met (TAWOS 24 + 97 + 269
   * at 25%, 50% and 75%; TSE 0 + 122 + 178) and 682 of those ended the cycle met (TAWOS all 390, TSE 292): weighted
   * 1/3 each (a key result counts once), Laplace's rule gives (682/3 + 1) / (690/3 + 2) = 0.98419540...
   */
  private static final double METHOLDS_DEFAULT = 0.9841954022988504;
  private static final ForecastModel DEFAULTS = new ForecastModel("okr-default-2",
      new Hyperparameters(1.0, 0.46765605967296797, 0.0745195717552979, 0.0, 1.0),
      new double[] {0.1322341230031417, 1.558031414586495, -0.5058182438492181, 0.6306249689732805,
          -0.25776026645950084, -0.8920020766897337, 0.34460771990738287, -0.4787016572761046, 0.0, 0.0,
          -0.7012115297449393, 0.14895132950058648},
      METHOLDS_DEFAULT,
      new FitSummary(2730, 2730, 2730 * FIT_ORIGINS.length, 0.4523809523809524, LocalDate.of(2000, 1, 3),
          LocalDate.of(2020, 9, 30), 1.0, null),
      List.of());

  private final String name;
  private final Hyperparameters hyperparameters;
  private final double[] weights;
  /** The weights, then metHolds: what the kernel reads. */
  private final double[] kernelParameters;
  private final double metHolds;
  private final double atRiskBelow;
  private final double achieveChance;
  private final ResultTiming resultTiming;
  private final FitSummary fittedOn;
  private final List<String> warnings;

  ForecastModel(String name, Hyperparameters hyperparameters, double[] weights, FitSummary fittedOn,
      List<String> warnings) {
    this(name, hyperparameters, weights, LEGACY_MET_HOLDS, fittedOn, warnings);
  }

  ForecastModel(String name, Hyperparameters hyperparameters, double[] weights, double metHolds, FitSummary fittedOn,
      List<String> warnings) {
    this(name, hyperparameters, weights, metHolds, DEFAULT_AT_RISK_BELOW, fittedOn, warnings);
  }

  ForecastModel(String name, Hyperparameters hyperparameters, double[] weights, double metHolds, double atRiskBelow,
      FitSummary fittedOn, List<String> warnings) {
    this(name, hyperparameters, weights, metHolds, atRiskBelow, DEFAULT_ACHIEVE_CHANCE, fittedOn, warnings);
  }

  ForecastModel(String name, Hyperparameters hyperparameters, double[] weights, double metHolds, double atRiskBelow,
      double achieveChance, FitSummary fittedOn, List<String> warnings) {
    this(name, hyperparameters, weights, metHolds, atRiskBelow, achieveChance, ResultTiming.END, fittedOn, warnings);
  }

  ForecastModel(String name, Hyperparameters hyperparameters, double[] weights, double metHolds, double atRiskBelow,
      double achieveChance, ResultTiming resultTiming, FitSummary fittedOn, List<String> warnings) {
    this.name = requireName(name);
    this.hyperparameters = Objects.requireNonNull(hyperparameters, "hyperparameters must not be null");
    if (weights.length != Stack.FEATURES) {
      throw new IllegalArgumentException("weights must hold " + Stack.FEATURES + " numbers: " + weights.length);
    }
    for (int k = 0; k < weights.length; k++) {
      if (!(Math.abs(weights[k]) <= MAX_WEIGHT)) {
        throw new IllegalArgumentException("weight " + Stack.NAMES[k] + " must be within [-" + MAX_WEIGHT + ", "
            + MAX_WEIGHT + "]: " + weights[k]);
      }
    }
    this.weights = weights.clone();
    if (!(metHolds >= MIN_MET_HOLDS && metHolds <= LEGACY_MET_HOLDS)) {
      throw new IllegalArgumentException("metHolds must be within [" + MIN_MET_HOLDS + ", 1]: " + metHolds);
    }
    this.metHolds = metHolds;
    if (!(atRiskBelow >= MIN_AT_RISK_BELOW && atRiskBelow <= MAX_AT_RISK_BELOW)) {
      throw new IllegalArgumentException("atRiskBelow must be within [" + MIN_AT_RISK_BELOW + ", " + MAX_AT_RISK_BELOW
          + "]: " + atRiskBelow);
    }
    this.atRiskBelow = atRiskBelow;
    if (!(achieveChance >= MIN_ACHIEVE_CHANCE && achieveChance <= MAX_ACHIEVE_CHANCE)) {
      throw new IllegalArgumentException("achieveChance must be within [" + MIN_ACHIEVE_CHANCE + ", "
          + MAX_ACHIEVE_CHANCE + "]: " + achieveChance);
    }
    this.achieveChance = achieveChance;
    this.resultTiming = requireTiming(resultTiming);
    this.kernelParameters = Arrays.copyOf(weights, Stack.FEATURES + 1);
    this.kernelParameters[Stack.MET_HOLDS] = metHolds;
    this.fittedOn = fittedOn;
    this.warnings = List.copyOf(warnings);
  }

  private static ResultTiming requireTiming(ResultTiming timing) {
    Objects.requireNonNull(timing, "resultTiming must not be null");
    if (timing == ResultTiming.DETECT) {
      throw new IllegalArgumentException("resultTiming must be END or LAST_CHECK_IN (a model says what its history "
          + "showed): DETECT");
    }
    return timing;
  }

  private static String requireName(String name) {
    Objects.requireNonNull(name, "name must not be null");
    if (!validName(name)) {
      throw new IllegalArgumentException("name must be 1 to 200 characters without control, format or separator "
          + "characters: " + quote(name));
    }
    return name;
  }

  /**
   * Whether {@code name} may name a model: 1 to 200 characters (code points, as JSON Schema's {@code maxLength}
   * counts them), not blank (white space as the schema's {@code \s} counts it: U+00A0 too), without control characters, format characters (bidirectional marks), line or paragraph
   * separators, private-use characters or unpaired surrogates; characters beyond the Basic Multilingual Plane are
   * judged as themselves (U+E0001, a format character, is refused; an emoji counts once).
   */
  static boolean validName(String name) {
    if (Checks.isBlank(name) || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
      return false;
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      int type = Character.getType(c);
      if (type == Character.CONTROL || isFormat(c) || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  /**
   * Whether {@code c} is one of Unicode 16's format characters (general category Cf, 170 code points), the same on
   * every JDK: {@code Character.getType} follows the JDK's Unicode (Java 17's 13 does not know U+0890, U+0891 or
   * U+13439 to U+1343F), and a name accepted on one JDK must not be refused on another. docs/schemas lists the same.
   */
  static boolean isFormat(int c) {
    int[] r = FormatRanges.RANGES;
    for (int k = 0; k < r.length; k += 2) {
      if (c >= r[k] && c <= r[k + 1]) {
        return true;
      }
    }
    return false;
  }

  /** At most {@code max} code points of {@code s} from its start, never splitting a surrogate pair. */
  static String firstCodePoints(String s, int max) {
    return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
  }

  /** The model shipped with the library (name {@code okr-default-2}). */
  public static ForecastModel defaults() {
    return DEFAULTS;
  }

  /**
   * A model from its parts, for callers that keep parameters elsewhere.
   *
   * @param name a name for reports, 1 to 200 characters without control characters
   * @param hyperparameters the trajectory's hyperparameters
   * @param weights the logistic weights by feature name ({@link #featureNames()}); a missing one is 0
   * @return the model, with the shipped model's {@link #metHolds()} ({@link #withMetHolds} sets another)
   * @throws IllegalArgumentException on an unknown name or a weight outside [-50, 50]
   */
  public static ForecastModel of(String name, Hyperparameters hyperparameters, Map<String, Double> weights) {
    Objects.requireNonNull(weights, "weights must not be null");
    double[] w = new double[Stack.FEATURES];
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      int k = Arrays.asList(Stack.NAMES).indexOf(e.getKey());
      if (k < 0) {
        throw new IllegalArgumentException("unknown weight " + e.getKey() + "; known: " + featureNames());
      }
      w[k] = Objects.requireNonNull(e.getValue(), "weight " + e.getKey() + " must not be null");
    }
    return new ForecastModel(name, hyperparameters, w, DEFAULTS.metHolds, null, List.of());
  }

  /** The names of the stacked features, in order. */
  public static List<String> featureNames() {
    return List.of(Stack.NAMES);
  }

  /** The name reports give. */
  public String name() {
    return name;
  }

  /** A copy with another name. */
  public ForecastModel withName(String name) {
    return new ForecastModel(name, hyperparameters, weights, metHolds, atRiskBelow, achieveChance, resultTiming,
        fittedOn, warnings);
  }

  /** The plan-prior trajectory's hyperparameters. */
  public Hyperparameters hyperparameters() {
    return hyperparameters;
  }

  /** A copy with other trajectory hyperparameters. */
  public ForecastModel withHyperparameters(Hyperparameters hyperparameters) {
    return new ForecastModel(name, hyperparameters, weights, metHolds, atRiskBelow, achieveChance, resultTiming,
        fittedOn, warnings);
  }

  /** The logistic weights by feature name, in the features' order. */
  public Map<String, Double> weights() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int k = 0; k < Stack.FEATURES; k++) {
      out.put(Stack.NAMES[k], weights[k]);
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The probability that a key result whose latest check-in already meets its target still meets it at the end of
   * the cycle (values can fall back: a re-opened issue, a re-measured rate, a last check-in below an earlier one):
   * the movement-aware method's probability of target for such a key result, learned from history by {@link #fit}.
   * Within [0.5, 1]; 1 only for models written before it existed ({@code okr-forecast-model/1} documents without it).
   */
  public double metHolds() {
    return metHolds;
  }

  /** A copy with another {@link #metHolds()}, within [0.5, 1]. */
  public ForecastModel withMetHolds(double metHolds) {
    return new ForecastModel(name, hyperparameters, weights, metHolds, atRiskBelow, achieveChance, resultTiming,
        fittedOn, warnings);
  }

  /**
   * The probability of target below which a key result is at risk (after the cycle's first 30%; see
   * {@link Forecaster#withThresholds}): the on-track threshold of the statuses a {@link Forecaster} with this model
   * gives. {@link #fit} learns it from the history's misses ({@link StatusThreshold}); within [0.15, 0.95];
   * {@link #DEFAULT_AT_RISK_BELOW} for the shipped model, 0.36 for a model document without the field.
   */
  public double atRiskBelow() {
    return atRiskBelow;
  }

  /** A copy with another {@link #atRiskBelow()}, within [0.15, 0.95]. */
  public ForecastModel withAtRiskBelow(double atRiskBelow) {
    return new ForecastModel(name, hyperparameters, weights, metHolds, atRiskBelow, achieveChance, resultTiming,
        fittedOn, warnings);
  }

  /**
   * When the results of the history this model was fitted on were taken: {@link ResultTiming#LAST_CHECK_IN} where
   * they were the key results' last check-ins (an OKR tool's export: {@link #fit} and {@link #fitPooled} read that
   * from the history, {@link ResultTimingEvidence}), else {@link ResultTiming#END}, as for the shipped model and a
   * document without the field. A {@link Forecaster} with a last-check-in model forecasts each key result's value at
   * its expected last check-in, the value its organisation will record ({@link Forecaster#withOutcomeFromLastCheckIn},
   * which overrides it); a {@link Backtest} forecasts by the timing of the cycles it scores, whatever the model's.
   */
  public ResultTiming resultTiming() {
    return resultTiming;
  }

  /**
   * A copy with another {@link #resultTiming()}.
   *
   * @throws IllegalArgumentException for {@link ResultTiming#DETECT}: a model holds what its history showed
   */
  public ForecastModel withResultTiming(ResultTiming resultTiming) {
    return new ForecastModel(name, hyperparameters, weights, metHolds, atRiskBelow, achieveChance, resultTiming,
        fittedOn, warnings);
  }

  /** The weights followed by {@link #metHolds()}, as the kernel reads them (shared, never modified). */
  double[] stackWeights() {
    return kernelParameters;
  }

  /** What the model was fitted on, or null for a model built from parts. */
  public FitSummary fittedOn() {
    return fittedOn;
  }

  /** Warnings of the fit (too little history, say); empty when none. */
  public List<String> warnings() {
    return warnings;
  }

  /** One sentence on what the model was fitted on, for reports. */
  public String describe() {
    if (fittedOn == null) {
      return "built from given parameters" + timingClause();
    }
    // basedOn is free text in a file (not held to a name's rule): escaped, as every report prints this sentence
    String base = fittedOn.basedOn() == null ? "" : ", shrunk toward " + SafeText.printable(fittedOn.basedOn())
        + " (weight of this "
        + "history " + String.format(Locale.ROOT, "%.2f", fittedOn.weightOfHistory()) + ")";
    return "fitted on " + plural(fittedOn.keyResults(), "key result") + " of " + plural(fittedOn.cycles(), "cycle")
        + " from "
        + fittedOn.firstStart() + " to " + fittedOn.lastEnd() + base + timingClause();
  }

  /**
   * What {@link #describe} adds for a last-check-in model ({@link #resultTiming}): a fact of its history (where a
   * forecaster forecasts is its own: {@link Forecaster#describeModel}); nothing for the end.
   */
  private String timingClause() {
    return resultTiming == ResultTiming.LAST_CHECK_IN ? "; its history's results were its last check-ins" : "";
  }

  /**
   * This model refitted on {@code history}, an organisation's earlier cycles with final values: the trajectory's
   * hyperparameters and the logistic weights from its increase and decrease key results forecast at 25%, 50% and 75%
   * of each cycle (and {@link #metHolds()}), each moved from this model's toward the history's own by about
   * {@code m / (m + PRIOR_KEY_RESULTS)} (the weights' and metHolds' priors count as {@code n / m} times
   * PRIOR_KEY_RESULTS and PRIOR_MET_KEY_RESULTS key results),
   * {@code m = n - MIN_KEY_RESULTS + 1} for {@code n} key results (0 just below the minimum, so the fit is
   * continuous in n). With fewer than {@link #MIN_KEY_RESULTS} such key results this model is returned unchanged
   * (its own summary) with one warning that says how much history there was (also logged). The at-risk threshold
   * ({@link #atRiskBelow()}) is then chosen on the history's misses by {@link StatusThreshold}'s rule with the fitted
   * parameters, and moved from this model's by {@code m / (m + 100)}, {@code m} the misses beyond 19 (kept with fewer
   * than 20). The result timing ({@link #resultTiming()}) is the history's where at least 10 of its key results tell
   * it ({@link ResultTimingEvidence}), else this model's. {@code history} is iterated once; the misses' key results
   * are held until the fit returns. Deterministic for a history in a given order: the same cycles in another order
   * (an unordered query) give parameters that may differ in their last digits (about 1e-10: sums are taken in
   * order), so sort a history whose order is not fixed (by end date, say) where the bytes of the document matter.
   *
   * @param history cycles; key results without a final value are skipped
   * @return the fitted model, named after this one with a {@code +fit} suffix (the name cut to fit 200 characters)
   */
  public ForecastModel fit(Iterable<OkrCycle> history) {
    Objects.requireNonNull(history, "history must not be null");
    HyperparameterFit fit = new HyperparameterFit();
    StatusThreshold.Misses misses = new StatusThreshold.Misses();
    int[] achieve = new int[2];
    ResultTimingEvidence[] evidence = {ResultTimingEvidence.NONE};
    int[] read = new int[1];
    history.forEach(c -> {
      read[0]++;
      fit.add(c, FIT_ORIGINS);
      misses.add(c);
      countAchieve(c, achieve);
      evidence[0] = evidence[0].plus(ResultTimingEvidence.of(c));
    });
    int cycles = fit.cycles();
    int n = fit.keyResults();
    if (n < MIN_KEY_RESULTS) {
      // the cycles read beside those with a scored key result: "in 0 cycles" of a quarter of 30 key results without
      // a final value read as if nothing had been read
      String warning = "history too short to learn from: " + n + " scored increase or decrease key result"
          + (n == 1 ? "" : "s") + " in " + (cycles == read[0] ? "" : cycles + " of the ") + read[0] + " cycle"
          + (read[0] == 1 ? "" : "s") + " read (at least " + MIN_KEY_RESULTS + " needed); the model " + name
          + " is used as it is";
      LOG.warn(warning);
      return new ForecastModel(name, hyperparameters, weights, metHolds, atRiskBelow, achieveChance, resultTiming,
          fittedOn, List.of(warning));
    }
    // continuous from the minimum: 0 at MIN_KEY_RESULTS - 1 key results, toward 1 as the history grows
    int beyond = n - (MIN_KEY_RESULTS - 1);
    double share = beyond / (double) (beyond + PRIOR_KEY_RESULTS);
    Hyperparameters own = fit.fit(hyperparameters);
    Hyperparameters h = new Hyperparameters(hyperparameters.planOptimism(),
        Math.exp(share * Math.log(own.rateSpread()) + (1 - share) * Math.log(hyperparameters.rateSpread())),
        Math.exp(share * Math.log(own.noisePrior()) + (1 - share) * Math.log(hyperparameters.noisePrior())),
        0.0, 1.0);
    // the prior counts as PRIOR_KEY_RESULTS * n / m key results, so that n key results of history weigh
    // n / (n + that) = m / (m + PRIOR_KEY_RESULTS) against it, as the hyperparameters do: continuous in n
    double priorCount = PRIOR_KEY_RESULTS * (double) n / beyond;
    double[] w = fit.fitStack(h, weights, priorCount);
    double held = fit.metHolds(metHolds, PRIOR_MET_KEY_RESULTS * (double) n / beyond);
    FitSummary summary = new FitSummary(cycles, n, fit.samples(), fit.hitRate(), fit.firstStart(), fit.lastEnd(),
        share, name);
    String base = name.endsWith("+fit") ? name.substring(0, name.length() - 4) : name;
    // an organisation's own achieve key results, shrunk toward this model's chance by PRIOR_ACHIEVE_KEY_RESULTS
    double chance = achieveChance(achieve, achieveChance, PRIOR_ACHIEVE_KEY_RESULTS);
    // the history's own timing where it holds enough key results to tell, else this model's
    ResultTiming timing = evidence[0].tells() ? evidence[0].timing() : resultTiming;
    ForecastModel fitted = new ForecastModel(firstCodePoints(base, MAX_NAME_LENGTH - 4) + "+fit", h, w, held,
        atRiskBelow, chance, timing, summary, unseen(fit));
    return fitted.withAtRiskBelow(StatusThreshold.shrunk(misses, fitted, atRiskBelow));
  }

  /**
   * A model fitted on {@code history} alone, without shrinkage toward any other (how the shipped defaults were
   * made: {@code history} = both shared families pooled), its at-risk threshold the history's own by
   * {@link StatusThreshold}'s rule (the default with fewer than 20 misses), its result timing the history's
   * ({@link ResultTimingEvidence#timing}). {@code history} is iterated once. Deterministic for a history in a given
   * order, as {@link #fit} (the shipped model: the TAWOS quarters, then the TSE sprints, each file in its order).
   *
   * @throws IllegalArgumentException when {@code history} has fewer than {@link #MIN_KEY_RESULTS} scored key results
   */
  public static ForecastModel fitPooled(String name, Iterable<OkrCycle> history) {
    HyperparameterFit fit = new HyperparameterFit();
    StatusThreshold.Misses misses = new StatusThreshold.Misses();
    int[] achieve = new int[2];
    ResultTimingEvidence[] evidence = {ResultTimingEvidence.NONE};
    int[] read = new int[1];
    history.forEach(c -> {
      read[0]++;
      fit.add(c, FIT_ORIGINS);
      misses.add(c);
      countAchieve(c, achieve);
      evidence[0] = evidence[0].plus(ResultTimingEvidence.of(c));
    });
    int cycles = fit.cycles();
    if (fit.keyResults() < MIN_KEY_RESULTS) {
      throw new IllegalArgumentException("history must hold at least " + MIN_KEY_RESULTS
          + " increase or decrease key results with a final value: " + fit.keyResults());
    }
    Hyperparameters h = fit.fit(Hyperparameters.defaults());
    double[] identity = new double[Stack.FEATURES];
    identity[Stack.Z] = 1;
    double[] w = fit.fitStack(h, identity, 0);
    // Laplace's rule over the history's achieve key results (0.5 without any)
    ForecastModel fitted = new ForecastModel(name, h, w, fit.metHolds(0.5, 2), DEFAULT_AT_RISK_BELOW,
        achieveChance(achieve, DEFAULT_ACHIEVE_CHANCE, 2), evidence[0].timing(),
        new FitSummary(cycles, fit.keyResults(), fit.samples(), fit.hitRate(), fit.firstStart(), fit.lastEnd(), 1.0,
            null), unseen(fit));
    return fitted.withAtRiskBelow(StatusThreshold.own(misses, fitted, DEFAULT_AT_RISK_BELOW));
  }

  /** The fit's warning that its history had (almost) no check-ins to learn from, logged, or none. */
  private static List<String> unseen(HyperparameterFit fit) {
    String w = fit.unseenWarning();
    if (w == null) {
      return List.of();
    }
    LOG.warn(w);
    return List.of(w);
  }

  /**
   * The chance that an achieve key result (done or not) is done by its cycle's end, judged before any of its
   * milestones is due: the prior mean of Laplace's rule over its milestones, {@code (on time + 2 c) / (due + 2)}, which
   * the forecaster then lowers as the cycle runs out ({@code Forecaster}). 0.5 in the shipped model (the shared
   * families hold no achieve key results); a fit learns it from the history's achieve key results with a final value,
   * {@code (done + 10 c) / (n + 10)} from this model's {@code c} (Laplace's rule, {@code (done + 1) / (n + 2)}, in a
   * pooled fit), within [0.01, 0.99]; a fit with too little history to learn from ({@link #MIN_KEY_RESULTS}) keeps
   * this model, this chance too.
   */
  public double achieveChance() {
    return achieveChance;
  }

  /** Counts into {@code counts} the achieve key results of {@code cycle} with a final value: [all, done]. */
  private static void countAchieve(OkrCycle cycle, int[] counts) {
    for (org.okrengine.model.KeyResult kr : cycle.keyResults()) {
      if (kr.metric().direction() == org.okrengine.model.Direction.ACHIEVE && kr.result() != null) {
        counts[0]++;
        counts[1] += kr.metric().isMet(kr.result().finalValue()) ? 1 : 0;
      }
    }
  }

  /** {@code (done + prior chance) / (n + prior)} of {@code counts} = [n, done], within the model's range. */
  private static double achieveChance(int[] counts, double chance, double prior) {
    double c = (counts[1] + prior * chance) / (counts[0] + prior);
    return Math.max(MIN_ACHIEVE_CHANCE, Math.min(MAX_ACHIEVE_CHANCE, c));
  }

  /**
   * The {@code okr-forecast-model/1} document of this model: format, name, method, the trajectory's hyperparameters,
   * the weights, what it was fitted on and the fit's warnings. Numbers are written in full (round-trip exact); the
   * same model gives the same bytes.
   */
  public String toJson() {
    StringBuilder b = new StringBuilder(1024);
    b.append("{\n  \"format\": \"").append(FORMAT).append("\",\n");
    b.append("  \"name\": ").append(quote(name)).append(",\n");
    b.append("  \"method\": \"").append(ForecastMethod.MOVEMENT_AWARE.id()).append("\",\n");
    b.append("  \"trajectory\": {\"planOptimism\": ").append(num(hyperparameters.planOptimism()))
        .append(", \"rateSpread\": ").append(num(hyperparameters.rateSpread()))
        .append(", \"noisePrior\": ").append(num(hyperparameters.noisePrior()));
    if (!hyperparameters.identityCalibration()) {
      b.append(", \"calibrationIntercept\": ").append(num(hyperparameters.calibrationIntercept()))
          .append(", \"calibrationSlope\": ").append(num(hyperparameters.calibrationSlope()));
    }
    b.append("},\n");
    b.append("  \"weights\": {");
    for (int k = 0; k < Stack.FEATURES; k++) {
      b.append(k == 0 ? "" : ", ").append('"').append(Stack.NAMES[k]).append("\": ").append(num(weights[k]));
    }
    b.append("},\n");
    if (metHolds != LEGACY_MET_HOLDS) {
      b.append("  \"metHolds\": ").append(num(metHolds)).append(",\n");
    }
    if (atRiskBelow != LEGACY_AT_RISK_BELOW) {
      b.append("  \"atRiskBelow\": ").append(num(atRiskBelow)).append(",\n");
    }
    if (achieveChance != DEFAULT_ACHIEVE_CHANCE) {
      b.append("  \"achieveChance\": ").append(num(achieveChance)).append(",\n");
    }
    if (resultTiming != ResultTiming.END) {
      b.append("  \"resultTiming\": \"").append(resultTiming.id()).append("\",\n");
    }
    if (fittedOn != null) {
      b.append("  \"fittedOn\": {\"cycles\": ").append(fittedOn.cycles())
          .append(", \"keyResults\": ").append(fittedOn.keyResults())
          .append(", \"forecasts\": ").append(fittedOn.forecasts())
          .append(", \"hitRate\": ").append(num(fittedOn.hitRate()))
          .append(", \"firstStart\": ").append(fittedOn.firstStart() == null ? "null"
              : "\"" + fittedOn.firstStart() + "\"")
          .append(", \"lastEnd\": ").append(fittedOn.lastEnd() == null ? "null" : "\"" + fittedOn.lastEnd() + "\"")
          .append(", \"weightOfHistory\": ").append(num(fittedOn.weightOfHistory()))
          .append(", \"basedOn\": ").append(fittedOn.basedOn() == null ? "null" : quote(fittedOn.basedOn()))
          .append("},\n");
    }
    b.append("  \"warnings\": [");
    for (int i = 0; i < warnings.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(quote(warnings.get(i)));
    }
    b.append("]\n}\n");
    return b.toString();
  }

  /**
   * Reads an {@code okr-forecast-model/1} document.
   *
   * @throws InvalidModelException listing every problem with its JSON path and value: malformed JSON, another
   *     format or version, a missing or unknown field, a number out of its range
   */
  public static ForecastModel fromJson(String json) {
    return ModelReader.read(json);
  }

  /** {@code 1 key result}, {@code 2,730 key results}: grouped as the reports' other counts are. */
  private static String plural(int n, String noun) {
    return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
  }

  private static String num(double v) {
    return Double.toString(v);
  }

  /** A JSON string literal, control characters and non-ASCII escaped. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ForecastModel m && name.equals(m.name) && hyperparameters.equals(m.hyperparameters)
        && Arrays.equals(weights, m.weights) && metHolds == m.metHolds && atRiskBelow == m.atRiskBelow
        && achieveChance == m.achieveChance && resultTiming == m.resultTiming && Objects.equals(fittedOn, m.fittedOn)
        && warnings.equals(m.warnings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, hyperparameters, Arrays.hashCode(weights), metHolds, atRiskBelow, achieveChance,
        resultTiming, fittedOn, warnings);
  }

  @Override
  public String toString() {
    return "ForecastModel[" + name + ", " + hyperparameters + ", " + weights() + ", metHolds=" + metHolds + ", atRiskBelow="
        + atRiskBelow + ", achieveChance=" + achieveChance + ", resultTiming=" + resultTiming.id() + "]";
  }

  /**
   * What a model was fitted on. Immutable and thread-safe.
   *
   * @param cycles cycles with at least one scored key result
   * @param keyResults scored increase and decrease key results (with a final value)
   * @param forecasts forecasts made of them (one per key result and origin)
   * @param hitRate the share of those key results whose final value met the target
   * @param firstStart the earliest cycle start, or null
   * @param lastEnd the latest cycle end, or null
   * @param weightOfHistory how far the parameters moved from the model refitted toward this history's own, 0 to 1
   *     ({@code n / (n + PRIOR_KEY_RESULTS)}; 1 for a model fitted on its history alone)
   * @param basedOn the name of the model refitted, or null
   */
  public record FitSummary(int cycles, int keyResults, int forecasts, double hitRate, LocalDate firstStart,
      LocalDate lastEnd, double weightOfHistory, String basedOn) {
    /** Validates. */
    public FitSummary {
      if (cycles < 0 || keyResults < 0 || forecasts < 0) {
        throw new IllegalArgumentException("counts must not be negative");
      }
      if (!(hitRate >= 0 && hitRate <= 1) || !(weightOfHistory >= 0 && weightOfHistory <= 1)) {
        throw new IllegalArgumentException("hitRate and weightOfHistory must be within [0, 1]: " + hitRate + ", "
            + weightOfHistory);
      }
    }
  }

  /** Unicode 16's format characters, inclusive ranges (a holder: {@link #DEFAULTS} is built before later fields). */
  private static final class FormatRanges {
    static final int[] RANGES = {0x00AD, 0x00AD, 0x0600, 0x0605, 0x061C, 0x061C, 0x06DD, 0x06DD, 0x070F, 0x070F,
        0x0890, 0x0891, 0x08E2, 0x08E2, 0x180E, 0x180E, 0x200B, 0x200F, 0x202A, 0x202E, 0x2060, 0x2064, 0x2066, 0x206F,
        0xFEFF, 0xFEFF, 0xFFF9, 0xFFFB, 0x110BD, 0x110BD, 0x110CD, 0x110CD, 0x13430, 0x1343F, 0x1BCA0, 0x1BCA3,
        0x1D173, 0x1D17A, 0xE0001, 0xE0001, 0xE0020, 0xE007F};

    private FormatRanges() {}
  }
}
