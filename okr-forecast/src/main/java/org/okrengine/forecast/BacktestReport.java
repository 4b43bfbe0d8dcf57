package org.okrengine.forecast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of a backtest: one score per method and origin, the library's default method, and the method that
 * scored best. Immutable and thread-safe.
 *
 * @param cycles cycles read
 * @param keyResults key results with a final value (the ones scored)
 * @param defaultMethod the method {@link Forecaster#withDefaults()} uses
 * @param bestMethod the method with the lowest Brier score at the origin nearest 0.5, or null when nothing scored
 * @param scores per method, then per origin
 * @param model the name of the model whose parameters the methods used (with {@code +walk-forward} for a walk-forward
 *     backtest, where each cycle had its own refit), or null
 * @param resultTiming when the results were taken, so where key results with a result were forecast:
 *     {@link ResultTiming#END}, {@link ResultTiming#LAST_CHECK_IN}, or {@link ResultTiming#DETECT} for a walk-forward
 *     backtest that forecast some cycles at the end and others at the last check-in, as the cycles ended before
 *     each said ({@link Backtest#runWalkForward}). It says nothing of key results without a result: those scored
 *     against their last check-in were forecast there whatever the timing ({@code keyResultsFromLastCheckIn})
 * @param evidence what the cycles said of it where a run {@linkplain ResultTiming#DETECT detected} it over all of
 *     them, or null (reports are equal only with equal timings and evidence: a detected run and one given the same
 *     timing score alike but differ in this)
 * @param keyResultsFromLastCheckIn of {@code keyResults}, those without a result scored against their last check-in
 *     ({@link Backtest#withOutcomeFromLastCheckIn}), each forecast at its expected last check-in (0 without that
 *     setting; all of them for a history exported without results)
 */
public record BacktestReport(long cycles, long keyResults, ForecastMethod defaultMethod, ForecastMethod bestMethod,
    List<MethodScore> scores, String model, ResultTiming resultTiming, ResultTimingEvidence evidence,
    long keyResultsFromLastCheckIn) {
  /**
   * Validates and copies the scores.
   *
   * @throws IllegalArgumentException when {@code keyResultsFromLastCheckIn} is not within [0, {@code keyResults}]
   */
  public BacktestReport {
    Objects.requireNonNull(defaultMethod, "defaultMethod must not be null");
    Objects.requireNonNull(resultTiming, "resultTiming must not be null");
    if (keyResultsFromLastCheckIn < 0 || keyResultsFromLastCheckIn > keyResults) {
      throw new IllegalArgumentException("keyResultsFromLastCheckIn must be within [0, keyResults = " + keyResults
          + "]: " + keyResultsFromLastCheckIn);
    }
    scores = List.copyOf(scores);
  }

  /** A report with no key result scored from its last check-in (the record before it counted them). */
  public BacktestReport(long cycles, long keyResults, ForecastMethod defaultMethod, ForecastMethod bestMethod,
      List<MethodScore> scores, String model, ResultTiming resultTiming, ResultTimingEvidence evidence) {
    this(cycles, keyResults, defaultMethod, bestMethod, scores, model, resultTiming, evidence, 0);
  }

  /** A report of results taken at the end, without evidence (the record before it named the timing). */
  public BacktestReport(long cycles, long keyResults, ForecastMethod defaultMethod, ForecastMethod bestMethod,
      List<MethodScore> scores, String model) {
    this(cycles, keyResults, defaultMethod, bestMethod, scores, model, ResultTiming.END, null);
  }

  /** A report that does not name its model. */
  public BacktestReport(long cycles, long keyResults, ForecastMethod defaultMethod, ForecastMethod bestMethod,
      List<MethodScore> scores) {
    this(cycles, keyResults, defaultMethod, bestMethod, scores, null);
  }

  /** A copy naming {@code model}. */
  public BacktestReport withModel(String model) {
    return new BacktestReport(cycles, keyResults, defaultMethod, bestMethod, scores, model, resultTiming, evidence,
        keyResultsFromLastCheckIn);
  }

  /** A copy naming {@code resultTiming}. */
  public BacktestReport withResultTiming(ResultTiming resultTiming) {
    return new BacktestReport(cycles, keyResults, defaultMethod, bestMethod, scores, model, resultTiming, evidence,
        keyResultsFromLastCheckIn);
  }

  /** A copy carrying the {@code evidence} the timing was detected from. */
  public BacktestReport withEvidence(ResultTimingEvidence evidence) {
    return new BacktestReport(cycles, keyResults, defaultMethod, bestMethod, scores, model, resultTiming, evidence,
        keyResultsFromLastCheckIn);
  }

  /**
   * The origin {@link #bestMethod} is judged at: of the scores' origins, the one nearest 0.5 (the first of two as
   * near: 46% of weekly origins, not 54%); empty without scores.
   */
  public OptionalDouble originNearestHalf() {
    OptionalDouble nearest = OptionalDouble.empty();
    for (MethodScore s : scores) {
      if (nearest.isEmpty() || Math.abs(s.origin() - 0.5) < Math.abs(nearest.getAsDouble() - 0.5)) {
        nearest = OptionalDouble.of(s.origin());
      }
    }
    return nearest;
  }

  /** The score of {@code method} at {@code origin}, or empty. */
  public Optional<MethodScore> score(ForecastMethod method, double origin) {
    for (MethodScore s : scores) {
      if (s.method() == method && Math.abs(s.origin() - origin) < 1e-9) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
