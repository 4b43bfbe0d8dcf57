package org.okrengine.execution;

/**
 * The standard normal distribution's CDF and quantile, for setting up simulations (not for hot paths). Stateless and
 * thread-safe.
 */
final class Normal {
  /*
   * cdf: Marsaglia's series (J. Stat. Software 11(4), 2004), Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...),
   * summed until the terms no longer change the sum: an absolute error of about 1e-15 for |x| <= 8 (so few
   * significant digits far in the lower tail); beyond, 0 or 1 (Phi(-8) = 6.2e-16).
   * quantile: Acklam's rational approximation (relative error 1.15e-9), refined by one Halley step on cdf in the
   * central region (0.02425 <= p <= 0.97575), where cdf's absolute error is small against p.
   */
  private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
      1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
  private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
      6.680131188771972e+01, -1.328068155288572e+01};
  private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
      -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
  private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
      3.754408661907416e+00};
  private static final double LOW = 0.02425;

  private Normal() {}

  /** P(Z <= x) for a standard normal Z; NaN for NaN. */
  static double cdf(double x) {
    if (x < -8) {
      return 0.0;
    }
    if (x > 8) {
      return 1.0;
    }
    double sum = x;
    double term = x;
    double q = x * x;
    for (int i = 3; sum + term != sum; i += 2) {
      term = term * q / i;
      sum += term;
    }
    return 0.5 + sum * Math.exp(-0.5 * q - 0.91893853320467274178);
  }

  /** The x with P(Z <= x) = p, for p in (0, 1); -infinity at 0, +infinity at 1. */
  static double quantile(double p) {
    if (p <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    double x;
    if (p < LOW) {
      double q = Math.sqrt(-2 * Math.log(p));
      x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    } else if (p <= 1 - LOW) {
      double q = p - 0.5;
      double r = q * q;
      x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
          / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    } else {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
    if (p >= LOW && p <= 1 - LOW) {
      double e = cdf(x) - p;
      double u = e * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x);
      x = x - u / (1 + 0.5 * x * u);
    }
    return x;
  }
}
