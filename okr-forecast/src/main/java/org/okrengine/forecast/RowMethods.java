package org.okrengine.forecast;

import static org.okrengine.forecast.Kernel.*;

/**
 * The kernel's methods that run key result by key result on a row of slots ({@link Kernel}): random walk with drift,
 * OLS trend, damped trend, linear pace, and the plan-prior method on a snapshot metric. Stateless.
 */
final class RowMethods {
  static final double DAMPED_ALPHA = 0.5;
  static final double DAMPED_BETA = 0.3;
  static final double DAMPED_PHI = 0.9;

  /**
   * The forecast of every method but the plan-prior one (and of the plan-prior one on a snapshot metric), from one
   * key result's scanned sums and common figures ({@link #common}) in {@code out}, to the cycle fraction
   * {@code end} at which the outcome is taken (1 unless it is the last check-in: {@link Kernel#outcomeX}).
   */
  static void prepare(ForecastMethod method, Hyperparameters p, double priorPrec, double[] q, double[] times,
      double[] values, int from, int to, double asOfDays, double baseline, double end, double[] out, int o) {
    int flags = (int) out[o + FLAGS];
    // the slots a method may leave unset
    out[o + SCALE] = 0;
    out[o + DF] = 0;
    double px = out[o + LAST_X];
    double py = out[o + LAST_Y];
    double sumS = out[o + SUM_S];
    double ss = out[o + SUM_SQUARES];
    int n = (int) out[o + INCREMENTS];
    double invLength = out[o + INV_LENGTH];
    double invSpan = out[o + INV_HALF_SPAN];
    double h = Math.max(0.0, end - px);
    switch (method) {
      case RANDOM_WALK_DRIFT:
        flags = randomWalk(q, px, sumS, ss, n, px, py, h, flags, out, o);
        break;
      case OLS_TREND:
        flags = ols(q, times, values, from, to, invLength, baseline, invSpan, px, py, end, flags, out, o);
        break;
      case DAMPED_TREND:
        flags = damped(q, times, values, from, to, invLength, baseline, invSpan, px, py, h, end, n, flags, out, o);
        break;
      case PLAN_PRIOR_BAYES:
        // a snapshot metric (see bayes for running counts)
        olsSums(times, values, from, to, invLength, baseline, invSpan, out, o);
        flags = bayesSnapshot(p, priorPrec, q, px, end, flags, out, o);
        break;
      default:
        flags = pace(px, py, end, flags, out, o);
        break;
    }
    double now = asOfDays * invLength;
    if ((flags & HAS_COMPLETION) != 0) {
      out[o + COMPLETION] = notBefore(out[o + COMPLETION], now);
    }
    if ((flags & HAS_COMPLETION_85) != 0) {
      out[o + COMPLETION_85] = notBefore(out[o + COMPLETION_85], now);
    }
    if (invSpan < 0) {
      // the interval's ends in the metric's order (see LOW)
      double low = out[o + LOW];
      out[o + LOW] = out[o + HIGH];
      out[o + HIGH] = low;
    }
    out[o + FLAGS] = flags;
  }

  static int randomWalk(double[] q, double sumT, double sumS, double ss, int n, double px, double py, double h,
      int flags, double[] out, int o) {
    if (sumT <= 0) {
      return pointForecast(py, flags, out, o);
    }
    double rate = sumS / sumT;
    double mean = py + rate * h;
    if (n < 2) {
      int f = pointForecast(mean, flags, out, o);
      return completion(rate, px, py, f, out, o);
    }
    double s2 = Math.max(0.0, ss - sumS * sumS / sumT) / (n - 1);
    double scale = Math.sqrt(s2 * (h + h * h / sumT));
    finish(mean, scale, StudentT.row(n - 1), q, null, flags, out, o);
    return completion(rate, px, py, flags | HAS_INTERVAL, out, o);
  }

  /**
   * The least-squares sums over the points after anchoring and merging, as in the scan: (0, y0), then one point per
   * increment, a merged check-in replacing the last point's value. Writes OLS_M .. OLS_SYY.
   */
  static void olsSums(double[] times, double[] values, int from, int to, double invLength, double baseline,
      double invSpan, double[] out, int o) {
    int m = 1;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    double lx = 0;
    double ly = 0;
    for (int i = from; i < to; i++) {
      double x = times[i] * invLength;
      double y = progress(values[i], baseline, invSpan);
      if (x - lx < MIN_DX) {
        sy += y - ly;
        sxy += lx * (y - ly);
        syy += y * y - ly * ly;
        ly = y;
        continue;
      }
      m++;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
      syy += y * y;
      lx = x;
      ly = y;
    }
    out[o + OLS_M] = m;
    out[o + OLS_SX] = sx;
    out[o + OLS_SY] = sy;
    out[o + OLS_SXX] = sxx;
    out[o + OLS_SXY] = sxy;
    out[o + OLS_SYY] = syy;
  }

  /*
   * Snapshot metrics (NPS, latency, conversion) wander around a trend: each check-in is the trend plus its own
   * measurement noise, which does not accumulate as a running count's does. The plan-prior method then fits a line
   * y = level + slope x with the slope's prior N(optimism * planRate, spread^2), the intercept flat and the noise
   * variance inverse-gamma (shape a0 + (m - 2) / 2, scale noisePrior + RSS / 2). The landing value is the line at
   * x = 1 plus one more measurement's noise; Student-t with 2 an degrees of freedom (at least MIN_DF).
   */
  static int bayesSnapshot(Hyperparameters p, double priorPrec, double[] q, double px, double end, int flags,
      double[] out, int o) {
    int m = (int) out[o + OLS_M];
    double mx = out[o + OLS_SX] / m;
    double my = out[o + OLS_SY] / m;
    double cxx = Math.max(0.0, out[o + OLS_SXX] - out[o + OLS_SX] * mx);
    double cxy = out[o + OLS_SXY] - out[o + OLS_SX] * my;
    double cyy = Math.max(0.0, out[o + OLS_SYY] - out[o + OLS_SY] * my);
    double slopeOls = cxx > 0 ? cxy / cxx : 0.0;
    double rss = Math.max(0.0, cyy - slopeOls * cxy);
    double an = Hyperparameters.NOISE_PRIOR_WEIGHT + 0.5 * Math.max(m - 2, 0);
    double bn = p.noisePrior() + 0.5 * rss;
    double s2 = bn / an;
    double slopeVar = 1.0 / (priorPrec + cxx / s2);
    double slope = (p.planOptimism() * priorPrec + cxy / s2) * slopeVar;
    double mean = my + slope * (end - mx);
    double scale = Math.sqrt(s2 * (1 + 1.0 / m) + (end - mx) * (end - mx) * slopeVar);
    double df = Math.max(2 * an, MIN_DF);
    out[o + SCALE] = scale;
    out[o + DF] = df;
    finish(mean, scale, StudentT.row(df), q, p, flags, out, o);
    flags |= HAS_INTERVAL;
    double level = my + slope * (px - mx);
    return completion(slope, px, level, flags, out, o);
  }

  static int ols(double[] q, double[] times, double[] values, int from, int to, double invLength,
      double baseline, double invSpan, double px, double py, double end, int flags, double[] out, int o) {
    olsSums(times, values, from, to, invLength, baseline, invSpan, out, o);
    int m = (int) out[o + OLS_M];
    double sx = out[o + OLS_SX];
    double sy = out[o + OLS_SY];
    double sxx = out[o + OLS_SXX];
    double sxy = out[o + OLS_SXY];
    double syy = out[o + OLS_SYY];
    if (m < 2) {
      return pointForecast(py, flags, out, o);
    }
    double mx = sx / m;
    double my = sy / m;
    double cxx = sxx - sx * mx;
    if (!(cxx > 1e-12)) {
      return pointForecast(py, flags, out, o);
    }
    double slope = (sxy - sx * my) / cxx;
    double mean = my + slope * (end - mx);
    if (m < 3) {
      int f = pointForecast(mean, flags, out, o);
      return completion(slope, px, mean - slope * (end - px), f, out, o);
    }
    double rss = Math.max(0.0, (syy - sy * my) - slope * (sxy - sx * my));
    double s2 = rss / (m - 2);
    double scale = Math.sqrt(s2 * (1 + 1.0 / m + (end - mx) * (end - mx) / cxx));
    finish(mean, scale, StudentT.row(m - 2), q, null, flags, out, o);
    return completion(slope, px, mean - slope * (end - px), flags | HAS_INTERVAL, out, o);
  }

  static int damped(double[] q, double[] times, double[] values, int from, int to, double invLength,
      double baseline, double invSpan, double px, double py, double h, double end, int n, int flags, double[] out,
      int o) {
    if (n < 2) {
      return pace(px, py, end, flags, out, o);
    }
    double step = px / n;
    // Holt on the merged points; trend per step
    double level = 0;
    double trend = 0;
    double prevX = 0;
    boolean started = false;
    double sse = 0;
    int errors = 0;
    for (int i = from; i < to; i++) {
      double x = times[i] * invLength;
      double y = progress(values[i], baseline, invSpan);
      if (x <= 0 || !started) {
        if (!started && x > 0) {
          // first point after the anchor (0, level)
          trend = (y - level) / Math.max(1.0, x / step);
          level = y;
          prevX = x;
          started = true;
        } else {
          level = y;
        }
        continue;
      }
      if (x - prevX < MIN_DX) {
        level = y;
        continue;
      }
      double forecast = level + DAMPED_PHI * trend;
      double e = y - forecast;
      sse += e * e;
      errors++;
      double newLevel = DAMPED_ALPHA * y + (1 - DAMPED_ALPHA) * forecast;
      trend = DAMPED_BETA * (newLevel - level) + (1 - DAMPED_BETA) * DAMPED_PHI * trend;
      level = newLevel;
      prevX = x;
    }
    double steps = h / step;
    // sum_{j=1..steps} phi^j, continuous in steps
    double damp = DAMPED_PHI * (1 - Math.pow(DAMPED_PHI, steps)) / (1 - DAMPED_PHI);
    double mean = level + damp * trend;
    double sigma = errors > 0 ? Math.sqrt(sse / errors) : 0.0;
    double var = sigma * sigma
        * (1 + Math.max(0.0, steps - 1) * DAMPED_ALPHA * DAMPED_ALPHA * (1 + DAMPED_BETA) * (1 + DAMPED_BETA));
    double scale = Math.sqrt(var);
    out[o + MEAN] = mean;
    if (scale > 0) {
      double z = (1 - mean) / scale;
      out[o + PROBABILITY] = 1 - normalCdf(z);
      out[o + LOW] = mean - q[StudentT.NORMAL] * scale;
      out[o + HIGH] = mean + q[StudentT.NORMAL] * scale;
      flags |= HAS_INTERVAL;
    } else {
      out[o + PROBABILITY] = mean >= 1 ? 1 : 0;
      out[o + LOW] = mean;
      out[o + HIGH] = mean;
    }
    return dampedCompletion(level, trend, step, px, flags, out, o);
  }

  /**
   * Completion on the damped path: k steps after the last point it is at level + trend phi (1 - phi^k) / (1 - phi),
   * which crosses 1 at phi^k = 1 - c, c = (1 - level) (1 - phi) / (phi trend), when its asymptote level + trend phi /
   * (1 - phi) lies beyond 1 (c below 1). The landing value is the same path at the cycle end, so the completion falls
   * within the cycle exactly when the landing reaches the target.
   */
  static int dampedCompletion(double level, double trend, double step, double px, int flags, double[] out,
      int o) {
    double g = 1 - level;
    if (g > 0 && trend > 0) {
      double c = g * (1 - DAMPED_PHI) / (DAMPED_PHI * trend);
      if (c < 1) {
        double x = px + step * Math.log1p(-c) / Math.log(DAMPED_PHI);
        if (x <= MAX_COMPLETION) {
          out[o + COMPLETION] = x;
          flags |= HAS_COMPLETION;
        }
      }
    }
    return flags;
  }

  static int pace(double px, double py, double end, int flags, double[] out, int o) {
    // (at the end, py / px as before: end is 1 exactly)
    double landing = px > 0 ? py / px * end : py;
    int f = pointForecast(landing, flags, out, o);
    return completion(px > 0 ? py / px : 0, px, py, f, out, o);
  }

  static int pointForecast(double mean, int flags, double[] out, int o) {
    out[o + MEAN] = mean;
    out[o + LOW] = mean;
    out[o + HIGH] = mean;
    out[o + PROBABILITY] = mean >= 1 ? 1.0 : 0.0;
    return flags;
  }

  static int completion(double rate, double px, double py, int flags, double[] out, int o) {
    double g = 1 - py;
    if (g > 0 && rate > 0 && px + g / rate <= MAX_COMPLETION) {
      out[o + COMPLETION] = px + g / rate;
      flags |= HAS_COMPLETION;
    }
    return flags;
  }

  static void finish(double mean, double scale, int row, double[] q, Hyperparameters cal, int flags,
      double[] out, int o) {
    out[o + MEAN] = mean;
    double prob;
    if (scale > 0) {
      prob = 1 - StudentT.cdf(1 - mean, scale, row);
      out[o + LOW] = mean - q[row] * scale;
      out[o + HIGH] = mean + q[row] * scale;
    } else {
      prob = mean >= 1 ? 1.0 : 0.0;
      out[o + LOW] = mean;
      out[o + HIGH] = mean;
    }
    if (cal != null && !cal.identityCalibration()) {
      prob = recalibrate(prob, cal.calibrationIntercept(), cal.calibrationSlope());
    }
    out[o + PROBABILITY] = prob;
  }

  private RowMethods() {}
}
