package org.okrengine.model;

import static org.okrengine.model.internal.Checks.optionalFinite;
import static org.okrengine.model.internal.Checks.requireFinite;
import static org.okrengine.model.internal.Checks.requireId;
import static org.okrengine.model.internal.Checks.requireUnit;

import java.time.LocalDate;

/**
 * Where a key result is forecast to land, as the report carries it. Numbers that cannot be known are null.
 * Immutable and thread-safe.
 *
 * @param method the forecasting method's name
 * @param landingValue where the value lands at cycle end, the median of the method's predictive, in the metric's unit
 * @param landingProgress the progress of {@code landingValue}
 * @param interval the prediction interval of the value at cycle end, or null
 * @param probabilityOfTarget the probability (0..1) that the target is met at cycle end
 * @param requiredVelocityPerWeek the change per week needed from now to reach the target, or null
 * @param actualVelocityPerWeek the change per week seen so far, or null
 * @param velocityRatio actual over required velocity, or null
 * @param completionDate the local date the target is expected to be reached, or null when not moving toward it
 * @param completionP50 the date by which the target is reached with probability 0.5, or null
 * @param completionP85 the date by which the target is reached with probability 0.85, or null
 */
public record ForecastSummary(String method, double landingValue, double landingProgress,
    PredictionInterval interval, double probabilityOfTarget, Double requiredVelocityPerWeek,
    Double actualVelocityPerWeek, Double velocityRatio, LocalDate completionDate, LocalDate completionP50,
    LocalDate completionP85) {
  /** Validates that every number is finite and the probability is within 0..1. */
  public ForecastSummary {
    requireId(method, "method");
    requireFinite(landingValue, "landingValue");
    requireFinite(landingProgress, "landingProgress");
    requireUnit(probabilityOfTarget, "probabilityOfTarget");
    optionalFinite(requiredVelocityPerWeek, "requiredVelocityPerWeek");
    optionalFinite(actualVelocityPerWeek, "actualVelocityPerWeek");
    optionalFinite(velocityRatio, "velocityRatio");
  }
}
