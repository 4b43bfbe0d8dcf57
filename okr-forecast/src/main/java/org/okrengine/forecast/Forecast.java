package org.okrengine.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.okrengine.model.ForecastSummary;
import org.okrengine.model.PredictionInterval;
import org.okrengine.model.Reason;
import org.okrengine.model.Status;

/**
 * Where one key result is forecast to land at cycle end, how likely it is to meet its target, and why it has its
 * status. Numbers that cannot be known are null; none is NaN or infinite. Immutable and thread-safe.
 *
 * @param keyResultId the key result's id
 * @param method the forecaster's method (for increase and decrease key results; maintain and achieve ones have
 *     rules of their own, see {@link Forecaster})
 * @param status the status that follows
 * @param progress the latest progress at or before the instant (unclamped), or null without check-ins
 * @param expectedProgress the progress the plan expects at the instant
 * @param daysSinceCheckIn whole days since the latest check-in, or null without check-ins
 * @param landingValue where the value lands at cycle end, the median of the method's predictive (the movement-aware
 *     method's at or beyond the target exactly where {@code probabilityOfTarget} is at least 0.5), in the metric's
 *     unit (at the key result's last check-in before the end for a forecaster
 *     {@linkplain Forecaster#withOutcomeFromLastCheckIn forecasting that})
 * @param landingProgress the progress of {@code landingValue}
 * @param interval the prediction interval of the value at cycle end (where {@code landingValue} is taken), or null
 *     where the method gives none
 * @param probabilityOfTarget the probability (0..1) that the target is met at cycle end (where {@code landingValue}
 *     is taken)
 * @param requiredVelocityPerWeek change per week (metric's unit) needed from the instant to reach the target, or null
 *     when the target is met or the cycle is over
 * @param actualVelocityPerWeek change per week (metric's unit) seen so far, or null with fewer than two points
 * @param velocityRatio actual over required velocity, or null when either is unknown
 * @param completionDate the local date the target is expected to be reached (the P50 date), or null when the key
 *     result is not moving toward it or would take more than three cycles
 * @param completionP85 the date by which the target is reached with probability 0.85, or null
 * @param reasons machine-readable reasons with their numbers, most important first
 */
public record Forecast(String keyResultId, ForecastMethod method, Status status, Double progress,
    double expectedProgress, Integer daysSinceCheckIn, double landingValue, double landingProgress,
    PredictionInterval interval, double probabilityOfTarget, Double requiredVelocityPerWeek,
    Double actualVelocityPerWeek, Double velocityRatio, LocalDate completionDate, LocalDate completionP85,
    List<Reason> reasons) {

  /** Validates: every number finite, the probability within 0..1. */
  public Forecast {
    Objects.requireNonNull(keyResultId, "keyResultId must not be null");
    Objects.requireNonNull(method, "method must not be null");
    Objects.requireNonNull(status, "status must not be null");
    finite(progress, "progress");
    finite(expectedProgress, "expectedProgress");
    finite(landingValue, "landingValue");
    finite(landingProgress, "landingProgress");
    if (!(probabilityOfTarget >= 0 && probabilityOfTarget <= 1)) {
      throw new IllegalArgumentException("probabilityOfTarget must be within 0..1: " + probabilityOfTarget);
    }
    finite(requiredVelocityPerWeek, "requiredVelocityPerWeek");
    finite(actualVelocityPerWeek, "actualVelocityPerWeek");
    finite(velocityRatio, "velocityRatio");
    reasons = List.copyOf(reasons);
  }

  private static void finite(Double value, String name) {
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite: " + value);
    }
  }

  /** Whether it has the reason with {@code code}. */
  public boolean hasReason(String code) {
    for (Reason r : reasons) {
      if (r.code().equals(code)) {
        return true;
      }
    }
    return false;
  }

  /** The forecast part of an {@code okr-report/1} key result entry. */
  public ForecastSummary toSummary() {
    return new ForecastSummary(method.id(), landingValue, landingProgress, interval, probabilityOfTarget,
        requiredVelocityPerWeek, actualVelocityPerWeek, velocityRatio, completionDate, completionDate,
        completionP85);
  }
}
