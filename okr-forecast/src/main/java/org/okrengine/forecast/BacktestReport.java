package org.okrengine.forecast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 *     each said ({@link Backtest#runWalkForward})
 * @param evidence what the cycles said of it where a run {@linkplain ResultTiming#DETECT detected} it over all of
 *     them, or null (reports are equal only with equal timings and evidence: a detected run and one given the same
 *     timing score alike but differ in this)
 */
public record BacktestReport(long cycles, long keyResults, ForecastMethod defaultMethod, ForecastMethod bestMethod,
    List<MethodScore> scores, String model, ResultTiming resultTiming, ResultTimingEvidence evidence) {
  /** Validates and copies the scores. */
  public BacktestReport {
    Objects.requireNonNull(defaultMethod, "defaultMethod must not be null");
    Objects.requireNonNull(resultTiming, "resultTiming must not be null");
    scores = List.copyOf(scores);
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
    return new BacktestReport(cycles, keyResults, defaultMethod, bestMethod, scores, model, resultTiming, evidence);
  }

  /** A copy naming {@code resultTiming}. */
  public BacktestReport withResultTiming(ResultTiming resultTiming) {
    return new BacktestReport(cycles, keyResults, defaultMethod, bestMethod, scores, model, resultTiming, evidence);
  }

  /** A copy carrying the {@code evidence} the timing was detected from. */
  public BacktestReport withEvidence(ResultTimingEvidence evidence) {
    return new BacktestReport(cycles, keyResults, defaultMethod, bestMethod, scores, model, resultTiming, evidence);
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
