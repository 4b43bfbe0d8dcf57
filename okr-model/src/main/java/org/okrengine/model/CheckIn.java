package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.optionalUnit;
import static org.okrengine.model.internal.Checks.requireInstant;
import static org.okrengine.model.internal.Checks.requireMagnitude;

import java.time.Instant;
import java.util.List;

/**
 * One reported value of a key result's metric. Immutable and thread-safe.
 *
 * @param at when the value was reported; its date in UTC within {@link Cycle#MIN_DATE} to {@link Cycle#MAX_DATE}
 * @param value the metric's value, in the metric's unit, within +-{@link Metric#MAX_MAGNITUDE}
 * @param confidence the owner's confidence (0..1) that the target will be met, or null
 * @param note free text, or null
 * @param blockers tags of what blocks progress (empty when none)
 * @param source the integration that sent the value (for example {@code salesforce}), or null when entered by hand
 */
public record CheckIn(Instant at, double value, Double confidence, String note, List<String> blockers,
    String source) {
  /**
   * Validates and copies the blockers.
   *
   * @throws IllegalArgumentException when {@code at} lies outside the years 1900 to 2200 (in UTC), the value is not
   *     finite or beyond +-{@link Metric#MAX_MAGNITUDE}, or the confidence is outside [0, 1]
   */
  public CheckIn {
    requireInstant(at, "at");
    requireMagnitude(value, "value");
    optionalUnit(confidence, "confidence");
    blockers = blockers == null ? List.of() : copy(blockers, "blockers");
  }

  /** A check-in with a value only. */
  public static CheckIn of(Instant at, double value) {
    return new CheckIn(at, value, null, null, List.of(), null);
  }
}
