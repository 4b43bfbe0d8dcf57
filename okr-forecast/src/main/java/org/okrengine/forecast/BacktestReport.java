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
 */
public record BacktestReport(long cycles, long keyResults, ForecastMethod defaultMethod, ForecastMethod bestMethod,
    List<MethodScore> scores, String model) {
  /** Validates and copies the scores. */
  public BacktestReport {
    Objects.requireNonNull(defaultMethod, "defaultMethod must not be null");
    scores = List.copyOf(scores);
  }

  /** A report that does not name its model. */
  public BacktestReport(long cycles, long keyResults, ForecastMethod defaultMethod, ForecastMethod bestMethod,
      List<MethodScore> scores) {
    this(cycles, keyResults, defaultMethod, bestMethod, scores, null);
  }

  /** A copy naming {@code model}. */
  public BacktestReport withModel(String model) {
    return new BacktestReport(cycles, keyResults, defaultMethod, bestMethod, scores, model);
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
