package org.okrengine.forecast;

import org.okrengine.model.PredictionInterval;

/**
 * One forecast a backtest made and scored, for researchers who compute their own scores ({@code okr backtest
 * --per-forecast}). Immutable and thread-safe.
 *
 * @param cycleId the cycle
 * @param keyResultId the key result
 * @param origin the forecast instant, as a fraction of the cycle
 * @param method the method
 * @param model the name of the model whose parameters the method used
 * @param probability the probability of target, 0 to 1
 * @param interval the 80% prediction interval in the metric's unit, or null where the method gives none
 * @param landingValue the forecast value, in the metric's unit: at the cycle's end, or at the key result's expected
 *     last check-in where that is what it is scored against (results taken at the last check-in,
 *     {@link Backtest#withResultTiming}, or a key result without a result, {@link Backtest#withOutcomeFromLastCheckIn})
 * @param finalValue the value scored: {@code result.finalValue}, or the last check-in's where it has none
 * @param hit whether the final value met the target
 * @param atLastCheckIn whether the forecast was of the value at the key result's expected last check-in (the landing,
 *     interval and probability taken there), not at the cycle's end: false where the backtest forecast the last
 *     check-in but none after the start was seen by the origin (nothing to place it by: the forecast is the end's)
 */
public record BacktestForecast(String cycleId, String keyResultId, double origin, ForecastMethod method, String model,
    double probability, PredictionInterval interval, double landingValue, double finalValue, boolean hit,
    boolean atLastCheckIn) {
  /** A forecast of the value at the cycle's end (the record before it said where it was made). */
  public BacktestForecast(String cycleId, String keyResultId, double origin, ForecastMethod method, String model,
      double probability, PredictionInterval interval, double landingValue, double finalValue, boolean hit) {
    this(cycleId, keyResultId, origin, method, model, probability, interval, landingValue, finalValue, hit, false);
  }
}
