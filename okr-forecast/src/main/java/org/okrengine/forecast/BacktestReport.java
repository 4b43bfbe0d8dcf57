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
 */
public record BacktestReport(long cycles, long keyResults, ForecastMethod defaultMethod, ForecastMethod bestMethod,
    List<MethodScore> scores) {
  /** Validates and copies the scores. */
  public BacktestReport {
    Objects.requireNonNull(defaultMethod, "defaultMethod must not be null");
    scores = List.copyOf(scores);
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
