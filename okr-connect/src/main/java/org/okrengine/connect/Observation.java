package org.okrengine.connect;

import java.time.Instant;
import java.util.Objects;

/**
 * One dated value a source reported for a key result, in the key result's unit after the binding's
 * {@linkplain ValueMapping value mapping}. Immutable and thread-safe.
 *
 * @param at when the value held
 * @param value the value; finite
 */
public record Observation(Instant at, double value) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the value is not finite
   */
  public Observation {
    Objects.requireNonNull(at, "at must not be null");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite: " + value);
    }
  }
}
