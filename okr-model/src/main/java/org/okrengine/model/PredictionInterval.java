package org.okrengine.model;

import static org.okrengine.model.internal.Checks.requireFinite;

/**
 * A central prediction interval of a metric's value at cycle end. Immutable and thread-safe.
 *
 * @param level the probability (0..1, exclusive) that the value lands inside, for example 0.8
 * @param low the lower bound, in the metric's unit
 * @param high the upper bound, not below {@code low}
 */
public record PredictionInterval(double level, double low, double high) {
  /** Validates. */
  public PredictionInterval {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be within (0, 1): " + level);
    }
    requireFinite(low, "low");
    requireFinite(high, "high");
    if (!(high >= low)) {
      throw new IllegalArgumentException("high must not be below low: " + high + " < " + low);
    }
  }
}
