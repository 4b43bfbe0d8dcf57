package org.okrengine.model;

import static org.okrengine.model.internal.Checks.optionalUnit;
import static org.okrengine.model.internal.Checks.requireMagnitude;

/**
 * What a key result reached at the end of a finished cycle. Immutable and thread-safe.
 *
 * @param finalValue the metric's value measured at cycle end, in the metric's unit, within
 *     +-{@link Metric#MAX_MAGNITUDE}
 * @param selfScore the score (0.0 to 1.0) the owner gave themselves, or null
 */
public record Result(double finalValue, Double selfScore) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the final value is not finite or beyond +-{@link Metric#MAX_MAGNITUDE},
   *     or the self score is outside [0, 1]
   */
  public Result {
    requireMagnitude(finalValue, "finalValue");
    optionalUnit(selfScore, "selfScore");
  }

  /** A result with no self score. */
  public static Result of(double finalValue) {
    return new Result(finalValue, null);
  }
}
