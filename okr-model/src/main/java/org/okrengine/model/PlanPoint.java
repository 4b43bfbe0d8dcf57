package org.okrengine.model;

import static org.okrengine.model.internal.Checks.requireMagnitude;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One point of an explicit plan: the value expected at the start of {@code date} in the cycle's zone.
 * Immutable and thread-safe.
 *
 * @param date the local date
 * @param value the expected value, in the metric's unit, within +-{@link Metric#MAX_MAGNITUDE}
 */
public record PlanPoint(LocalDate date, double value) {
  /** Validates. */
  public PlanPoint {
    Objects.requireNonNull(date, "date must not be null");
    requireMagnitude(value, "value");
  }
}
