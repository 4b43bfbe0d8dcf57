package org.okrengine.forecast;

/**
 * The pooled hyperparameters of the plan-prior Bayesian forecaster, in progress units (0 = baseline, 1 = target) and
 * cycle units (1 = the whole cycle). Fitted on historical cycles ({@link Backtest#fit}); users can refit them on
 * their own history. Immutable and thread-safe.
 *
 * @param planOptimism the prior mean of the rate, as a multiple of the plan's rate (1 = the plan is right on average)
 * @param rateSpread the prior standard deviation of the rate, in progress per cycle
 * @param noisePrior the prior scale of the check-in noise variance, in progress squared per cycle
 * @param calibrationIntercept intercept of the logistic recalibration of the probability of target (0 = none); the
 *     recalibration applies to the plan-prior method's probabilities, as the rest of these
 * @param calibrationSlope slope of the logistic recalibration on the log-odds scale (1 = none)
 */
public record Hyperparameters(double planOptimism, double rateSpread, double noisePrior, double calibrationIntercept,
    double calibrationSlope) {

  /** The prior shape of the noise variance (half an observation's worth); a structural constant, not fitted. */
  public static final double NOISE_PRIOR_WEIGHT = 0.25;

  private static final Hyperparameters DEFAULTS = new Hyperparameters(1.0, 0.48, 0.052, 0.0, 1.0);

  /** Validates. */
  public Hyperparameters {
    if (!(planOptimism > 0 && planOptimism < 100)) {
      throw new IllegalArgumentException("planOptimism must be within (0, 100): " + planOptimism);
    }
    if (!(rateSpread > 0 && rateSpread < 1e6)) {
      throw new IllegalArgumentException("rateSpread must be within (0, 1e6): " + rateSpread);
    }
    if (!(noisePrior > 0 && noisePrior < 1e6)) {
      throw new IllegalArgumentException("noisePrior must be within (0, 1e6): " + noisePrior);
    }
    if (!(Math.abs(calibrationIntercept) < 100)) {
      throw new IllegalArgumentException("calibrationIntercept must be within (-100, 100): " + calibrationIntercept);
    }
    if (!(calibrationSlope > 0 && calibrationSlope < 100)) {
      throw new IllegalArgumentException("calibrationSlope must be within (0, 100): " + calibrationSlope);
    }
  }

  /**
   * The defaults shipped with the library: fitted on the TAWOS quarters (regular weekly check-ins), the fit that
   * transfers best to the other family in our backtests (see the README).
   */
  public static Hyperparameters defaults() {
    return DEFAULTS;
  }

  /** A copy with the given recalibration. */
  public Hyperparameters withCalibration(double intercept, double slope) {
    return new Hyperparameters(planOptimism, rateSpread, noisePrior, intercept, slope);
  }

  /** The prior precision of the rate, 1 / rateSpread^2. */
  double priorPrecision() {
    return 1.0 / (rateSpread * rateSpread);
  }

  /** Whether the recalibration is the identity. */
  boolean identityCalibration() {
    return calibrationIntercept == 0.0 && calibrationSlope == 1.0;
  }
}
