package org.okrengine.forecast;

import java.util.Optional;

/**
 * The forecasting methods behind {@link Forecaster}. Immutable and thread-safe.
 */
public enum ForecastMethod {
  /** What OKR tools do today: extrapolate the pace since the cycle start; probability 0 or 1. The baseline to beat. */
  LINEAR_PACE("linear-pace"),
  /** Least-squares trend line with a Student-t prediction interval. */
  OLS_TREND("ols-trend"),
  /** Random walk with drift on irregular time, no prior. */
  RANDOM_WALK_DRIFT("random-walk-drift"),
  /** Random walk with drift whose rate has a prior centred on the plan: sensible with zero to two check-ins. */
  PLAN_PRIOR_BAYES("plan-prior-bayes"),
  /** Holt's damped trend with fixed parameters. */
  DAMPED_TREND("damped-trend"),
  /**
   * The default: the plan-prior trajectory, with its probability of target restated by a logistic model learned
   * from history over how the key result moves (smooth, in steps or bursts, few-level, not moved yet), the point of
   * the cycle and the owner's confidence; never below 0.05 or above 0.95 unless the evidence earns it.
   */
  MOVEMENT_AWARE("movement-aware");

  private final String id;

  ForecastMethod(String id) {
    this.id = id;
  }

  /** The method's name in reports and on the command line. */
  public String id() {
    return id;
  }

  /** The method with the given name, or empty. */
  public static Optional<ForecastMethod> fromId(String id) {
    for (ForecastMethod m : values()) {
      if (m.id.equals(id)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
