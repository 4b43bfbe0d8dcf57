package org.okrengine.forecast;

import java.util.ArrayList;
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
   * The highest mean log loss: -ln 0.001 = 6.9078 (the probabilities are clipped to [0.001, 0.999]), rounded up to
   * 6.908 so that a mean the backtest computed, whose last digit may round above the bound, is never refused.
   */
  static final double MAX_LOG_LOSS = 6.908;

  /**
   * Validates and copies the bins.
   *
   * @throws IllegalArgumentException naming every figure out of its range, with its value: {@code origin} not within
   *     (0, 1), {@code n} below 0, {@code intervals80} not within [0, {@code n}], {@code brier}, {@code coverage80},
   *     {@code missesFlagged} or {@code hitsFlagged} not within [0, 1], {@code logLoss} not within [0, 6.908],
   *     {@code width80} or {@code maeProgress} below 0 or not finite (a null figure is none), {@code reliability}
   *     null or holding a null
   */
  public MethodScore {
    Objects.requireNonNull(method, "method must not be null");
    List<String> bad = new ArrayList<>();
    if (!(origin > 0 && origin < 1)) {
      bad.add("origin must be within (0, 1): " + origin);
    }
    if (n < 0) {
      bad.add("n must not be negative: " + n);
    }
    if (intervals80 < 0 || intervals80 > n) {
      bad.add("intervals80 must be within [0, n = " + n + "]: " + intervals80);
    }
    within(bad, "brier", brier, 1, "within [0, 1]");
    within(bad, "logLoss", logLoss, MAX_LOG_LOSS, "within [0, " + MAX_LOG_LOSS + "]");
    within(bad, "coverage80", coverage80, 1, "within [0, 1]");
    within(bad, "width80", width80, Double.MAX_VALUE, "finite and not negative");
    within(bad, "maeProgress", maeProgress, Double.MAX_VALUE, "finite and not negative");
    within(bad, "missesFlagged", missesFlagged, 1, "within [0, 1]");
    within(bad, "hitsFlagged", hitsFlagged, 1, "within [0, 1]");
    if (reliability == null || reliability.stream().anyMatch(Objects::isNull)) {
      bad.add("reliability must be a list of bins without null: " + reliability);
    }
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", bad));
    }
    reliability = List.copyOf(reliability);
  }

  /**
   * Notes {@code name} in {@code bad} where {@code value} is given and not within [0, {@code max}] (also for
   * {@link ReliabilityBin}).
   */
  static void within(List<String> bad, String name, Double value, double max, String range) {
    if (value != null && !(value >= 0 && value <= max)) {
      bad.add(name + " must be " + range + ": " + value);
    }
  }
}
