package org.okrengine.model;

import static org.okrengine.model.internal.Checks.requireDate;
import static org.okrengine.model.internal.Checks.requireMagnitude;

import java.time.LocalDate;

/**
 * One point of an explicit plan: the value expected at the start of {@code date} in the cycle's zone.
 * Immutable and thread-safe.
 *
 * @param date the local date, from {@link Cycle#MIN_DATE} to {@link Cycle#MAX_DATE}
 * @param value the expected value, in the metric's unit, within +-{@link Metric#MAX_MAGNITUDE}
 */
public record PlanPoint(LocalDate date, double value) {
  /** Validates. */
  public PlanPoint {
    requireDate(date, "date");
    requireMagnitude(value, "value");
  }
}
