package org.okrengine.model;

import static org.okrengine.model.internal.Checks.optionalFinite;
import static org.okrengine.model.internal.Checks.requireFinite;

/**
 * What a key result reached at the end of a finished cycle. Immutable and thread-safe.
 *
 * @param finalValue the metric's value measured at cycle end, in the metric's unit
 * @param selfScore the score (usually 0.0 to 1.0) the owner gave themselves, or null
 */
public record Result(double finalValue, Double selfScore) {
  /** Validates that both numbers are finite. */
  public Result {
    requireFinite(finalValue, "finalValue");
    optionalFinite(selfScore, "selfScore");
  }

  /** A result with no self score. */
  public static Result of(double finalValue) {
    return new Result(finalValue, null);
  }
}
