package org.okrengine.forecast;

import java.util.List;
import java.util.Objects;

/**
 * How one method scored at one forecast origin over a backtest. Means are over key results; null where nothing was
 * scored. Immutable and thread-safe.
 *
 * @param method the method
 * @param origin the forecast origin as a fraction of the cycle (for example 0.5)
 * @param n key results scored
 * @param brier mean squared error of the probability of target (0 best, 0.25 a coin)
 * @param logLoss mean negative log-likelihood of the outcome, probabilities clipped to [0.001, 0.999]
 * @param intervals80 forecasts of the {@code n} that gave an 80% interval, the ones {@code coverage80} is over, and
 *     {@code width80} over those with a span (an achieve key result never gives one; linear-pace only for maintain
 *     key results)
 * @param coverage80 share of outcomes inside the 80% interval, over the {@code intervals80} forecasts that gave one,
 *     or null when none did
 * @param width80 mean width of the 80% interval in progress points (width / |target - baseline|), over the
 *     {@code intervals80} forecasts whose key result has a span (a baseline apart from its target: a maintain key
 *     result without a baseline has none, and its intervals count in {@code coverage80} only), or null when none has
 * @param maeProgress mean absolute error of landing progress, in progress points
 * @param missesFlagged share of misses flagged at-risk or off-track, or null without misses
 * @param hitsFlagged share of hits flagged at-risk or off-track (false alarms), or null without hits
 * @param reliability ten bins of width 0.1
 */
public record MethodScore(ForecastMethod method, double origin, long n, Double brier, Double logLoss,
    long intervals80, Double coverage80, Double width80, Double maeProgress, Double missesFlagged, Double hitsFlagged,
    List<ReliabilityBin> reliability) {
  /**
   * Validates and copies the bins.
   *
   * @throws IllegalArgumentException when {@code intervals80} is not within [0, {@code n}]
   */
  public MethodScore {
    Objects.requireNonNull(method, "method must not be null");
    if (intervals80 < 0 || intervals80 > n) {
      throw new IllegalArgumentException("intervals80 must be within [0, n = " + n + "]: " + intervals80);
    }
    reliability = List.copyOf(reliability);
  }
}
