package org.okrengine.forecast;

import java.time.Instant;
import java.util.List;
import org.apache.commons.numbers.gamma.LogGamma;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.OkrCycle;

/**
 * Fits the pooled hyperparameters of {@code plan-prior-bayes} on historical cycles. Mutable while samples are added;
 * not thread-safe.
 */
final class HyperparameterFit {
  /*
   * Objective: the mean over (key result, origin) of the log loss of the probability of target (clipped to
   * [0.001, 0.999], as the backtest scores it) plus the negative log predictive density of the final progress under
   * the Student-t predictive. The first term rewards calibrated, sharp probabilities; the second a well-placed and
   * well-scaled distribution, hence honest intervals. Two parameters are fitted, on the log scale, by Nelder-Mead:
   * the rate spread and the noise prior. The plan optimism stays 1 (the plan is taken at its word) and the noise prior
   * weight a0 = 0.25 is structural: fitting them on one family of history over-fits it (optimism 0.7 on sprints,
   * 1.3 on quarters).
   *
   * Recalibration (calibrate) is separate: a logistic map of the log-odds fitted by Newton's method, kept only when it
   * lowers the log loss by more than 0.002 per sample. It helps on the family it is fitted on and hurt on the other
   * in our backtests (see the README), so the shipped defaults do not use it.
   */
  private static final double MIN_SPREAD = 0.05;
  private static final double MAX_SPREAD = 5.0;
  private static final double MIN_NOISE = 0.001;
  private static final double MAX_NOISE = 5.0;

  private double[] times = new double[1024];
  private double[] values = new double[1024];
  private int used;
  private int[] offsets = new int[257];
  private double[] lengthDays = new double[256];
  private double[] asOfDays = new double[256];
  private double[] baselines = new double[256];
  private double[] targets = new double[256];
  private double[] finals = new double[256];
  private double[] confidences = new double[256];
  private double[] ordinals = new double[256];
  private double[] weights = new double[256];
  private int samples;
  /** Of the samples of the last {@link #fitStack}: the weight of those met at their instant, and of those held. */
  private double metWeight;
  private double metHeldWeight;
  private int keyResults;
  /** Of {@link #keyResults}, those with a check-in before the last origin they were forecast at. */
  private int keyResultsSeen;
  private int hits;
  private int cycles;
  private java.time.LocalDate firstStart;
  private java.time.LocalDate lastEnd;

  void add(OkrCycle cycle, double[] origins) {
    Cycle c = cycle.cycle();
    int before = keyResults;
    Instant start = c.startInstant();
    for (KeyResult kr : cycle.keyResults()) {
      Metric m = kr.metric();
      Direction d = m.direction();
      if (kr.result() == null || !d.isReach()) {
        continue;
      }
      keyResults++;
      hits += m.isMet(kr.result().finalValue()) ? 1 : 0;
      int usedBefore = used;
      for (double f : origins) {
        Instant origin = c.instantAtFraction(f);
        ensure(kr.checkIns().size());
        int from = used;
        double confidence = 0;
        for (CheckIn ci : kr.checkIns()) {
          if (!ci.at().isBefore(origin)) {
            break;
          }
          times[used] = Cycle.daysBetween(start, ci.at());
          values[used] = ci.value();
          confidence = ci.confidence() == null ? 0 : ci.confidence() - 0.5;
          used++;
        }
        confidences[samples] = confidence;
        // few-level by the check-ins up to the origin (Ordinal.of), never later ones
        ordinals[samples] = Ordinal.of(m, values, from, used - from) ? 1 : 0;
        weights[samples] = 1.0 / origins.length;
        offsets[samples] = from;
        lengthDays[samples] = c.lengthDays();
        asOfDays[samples] = Cycle.daysBetween(start, origin);
        baselines[samples] = m.baseline();
        targets[samples] = m.target();
        finals[samples] = m.progress(kr.result().finalValue());
        samples++;
        offsets[samples] = used;
      }
      keyResultsSeen += used > usedBefore ? 1 : 0;
    }
    if (keyResults > before) {
      cycles++;
      firstStart = firstStart == null || c.start().isBefore(firstStart) ? c.start() : firstStart;
      lastEnd = lastEnd == null || c.end().isAfter(lastEnd) ? c.end() : lastEnd;
    }
  }

  private void ensure(int more) {
    if (used + more > times.length) {
      int n = Math.max(times.length * 2, used + more);
      times = java.util.Arrays.copyOf(times, n);
      values = java.util.Arrays.copyOf(values, n);
    }
    if (samples + 2 > lengthDays.length) {
      int n = lengthDays.length * 2;
      offsets = java.util.Arrays.copyOf(offsets, n + 1);
      lengthDays = java.util.Arrays.copyOf(lengthDays, n);
      asOfDays = java.util.Arrays.copyOf(asOfDays, n);
      baselines = java.util.Arrays.copyOf(baselines, n);
      targets = java.util.Arrays.copyOf(targets, n);
      finals = java.util.Arrays.copyOf(finals, n);
      confidences = java.util.Arrays.copyOf(confidences, n);
      ordinals = java.util.Arrays.copyOf(ordinals, n);
      weights = java.util.Arrays.copyOf(weights, n);
    }
  }

  /**
   * After {@link #fitStack}: the probability that a met target holds, as the samples whose latest check-in met the
   * target say, each weighted as in the fit (a key result counts once), with {@code prior} counted as
   * {@code priorKeyResults} key results: (held + prior * priorKeyResults) / (met + priorKeyResults), within
   * [ForecastModel.MIN_MET_HOLDS, ForecastModel.MAX_MET_HOLDS] (prior 0.5 with 2 is Laplace's rule).
   */
  double metHolds(double prior, double priorKeyResults) {
    double held = (metHeldWeight + prior * priorKeyResults) / (metWeight + priorKeyResults);
    return Math.min(ForecastModel.MAX_MET_HOLDS, Math.max(ForecastModel.MIN_MET_HOLDS, held));
  }

  int samples() {
    return samples;
  }

  /** The cycles added that had at least one such key result. */
  int cycles() {
    return cycles;
  }

  /** The earliest start of those cycles, or null. */
  java.time.LocalDate firstStart() {
    return firstStart;
  }

  /** The latest end of those cycles, or null. */
  java.time.LocalDate lastEnd() {
    return lastEnd;
  }

  /** The increase and decrease key results with a final value added. */
  int keyResults() {
    return keyResults;
  }

  /** Of {@link #keyResults}, those with a check-in before the last origin they were forecast at. */
  int keyResultsSeen() {
    return keyResultsSeen;
  }

  /**
   * A warning when at most a tenth of the scored key results had a check-in before the fit's last origin (a history
   * of results without check-ins: every forecast the fit learns from is the prior alone), else null.
   */
  String unseenWarning() {
    if (keyResults == 0 || keyResultsSeen * 10 > keyResults) {
      return null;
    }
    return "only " + keyResultsSeen + " of the " + keyResults + " scored key results had a check-in before 75% of "
        + "its cycle: the fit learned how often targets were met, not how key results move toward them";
  }

  /** The share of {@link #keyResults} whose final value met the target (0 without any). */
  double hitRate() {
    return keyResults == 0 ? 0 : hits / (double) keyResults;
  }

  /**
   * Fits the movement-aware method's logistic weights ({@link Stack}) on the samples, the trajectory forecast with
   * {@code p}: maximum penalized likelihood by Newton's method, each sample weighted 1 / origins (so that a key
   * result counts once), the penalty a normal prior centred on {@code prior} whose precision is {@code priorKeyResults}
   * times the average information of one key result at {@code prior} (so the prior counts as that many key results),
   * plus a ridge of 1 that keeps weights without evidence (a feature constant in this history) at the prior's.
   * Samples whose latest check-in already met the target are left out (the method gives them {@link #metHolds});
   * they are counted for it instead. Deterministic.
   *
   * @return the weights, each within [-MAX_WEIGHT, MAX_WEIGHT]
   */
  double[] fitStack(Hyperparameters p, double[] prior, double priorKeyResults) {
    metWeight = 0;
    metHeldWeight = 0;
    int k = Stack.FEATURES;
    double[] sampleWeight = new double[samples];
    double[][] x = new double[samples][];
    boolean[] hit = new boolean[samples];
    Columns c = new Columns(Math.max(1, Math.min(samples, CHUNK)));
    double priorPrec = p.priorPrecision();
    double[] q = Quantiles.Q80;
    int used = 0;
    double[] f = new double[k];
    for (int start = 0; start < samples; start += CHUNK) {
      int m = Math.min(CHUNK, samples - start);
      Kernel.run(ForecastMethod.PLAN_PRIOR_BAYES, p, priorPrec, null, q, Quantiles.LEVEL, Quantiles.Q85, times, values,
          offsets, lengthDays, asOfDays, baselines, targets, start, c, m, false);
      double[][] col = c.col;
      for (int j = 0; j < m; j++) {
        int i = start + j;
        if (col[Kernel.LAST_Y][j] >= 1) {
          metWeight += weights[i];
          metHeldWeight += finals[i] >= 1 ? weights[i] : 0;
          continue;
        }
        Stack.features(col[Kernel.PROBABILITY][j], col[Kernel.REMAINING][j], col[Kernel.LAST_Y][j],
            col[Kernel.LAST_X][j], col[Kernel.SUM_S][j], col[Kernel.SUM_SQUARES][j], confidences[i], ordinals[i],
            col[Kernel.BACKWARD][j], col[Kernel.INCREMENTS][j], f);
        x[used] = f.clone();
        hit[used] = finals[i] >= 1;
        sampleWeight[used] = weights[i];
        used++;
      }
    }
    double[] w = prior.clone();
    // the prior's precision: priorKeyResults times the mean information of a key result at the prior
    double[][] info = information(x, sampleWeight, used, prior);
    double total = 0;
    for (int i = 0; i < used; i++) {
      total += sampleWeight[i];
    }
    double[][] priorPrecision = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        priorPrecision[a][b] = total > 0 ? priorKeyResults * info[a][b] / total : 0;
      }
      priorPrecision[a][a] += 1.0;
    }
    for (int iter = 0; iter < 100; iter++) {
      double[] g = new double[k];
      double[][] h = information(x, sampleWeight, used, w);
      for (int i = 0; i < used; i++) {
        double r = (hit[i] ? 1 : 0) - sigmoid(Stack.linear(w, x[i]));
        for (int a = 0; a < k; a++) {
          g[a] += sampleWeight[i] * r * x[i][a];
        }
      }
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          g[a] -= priorPrecision[a][b] * (w[b] - prior[b]);
          h[a][b] += priorPrecision[a][b];
        }
      }
      double[] step = solve(h, g);
      // backtracking: halve the step until the penalized log-likelihood does not fall (Newton's full step can
      // overshoot where the data nearly separate)
      double current = penalized(x, sampleWeight, hit, used, w, prior, priorPrecision);
      double size = 0;
      for (double t = 1; t > 1e-6; t *= 0.5) {
        double[] next = w.clone();
        for (int a = 0; a < k; a++) {
          next[a] += t * step[a];
        }
        if (penalized(x, sampleWeight, hit, used, next, prior, priorPrecision) >= current - 1e-12) {
          size = 0;
          for (int a = 0; a < k; a++) {
            size += Math.abs(next[a] - w[a]);
          }
          w = next;
          break;
        }
      }
      if (size < 1e-9) {
        break;
      }
    }
    for (int a = 0; a < k; a++) {
      w[a] = Math.max(-ForecastModel.MAX_WEIGHT, Math.min(ForecastModel.MAX_WEIGHT, w[a]));
    }
    return w;
  }

  /** The weighted log-likelihood of the logistic model at {@code w} less the prior's penalty. */
  private static double penalized(double[][] x, double[] weight, boolean[] hit, int n, double[] w, double[] prior,
      double[][] precision) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double s = Stack.linear(w, x[i]);
      // log q = -log(1 + e^-s), log (1 - q) = -log(1 + e^s), computed without overflow
      sum -= weight[i] * (hit[i] ? softplus(-s) : softplus(s));
    }
    int k = w.length;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        sum -= 0.5 * (w[a] - prior[a]) * precision[a][b] * (w[b] - prior[b]);
      }
    }
    return sum;
  }

  /** log(1 + e^s) without overflow. */
  private static double softplus(double s) {
    return s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
  }

  private static double sigmoid(double s) {
    return 1 / (1 + Math.exp(-s));
  }

  /** The weighted Fisher information of the logistic model at {@code w}: sum of weight q (1 - q) x x'. */
  private static double[][] information(double[][] x, double[] weight, int n, double[] w) {
    int k = w.length;
    double[][] h = new double[k][k];
    for (int i = 0; i < n; i++) {
      double q = sigmoid(Stack.linear(w, x[i]));
      double v = weight[i] * q * (1 - q);
      for (int a = 0; a < k; a++) {
        double va = v * x[i][a];
        for (int b = 0; b < k; b++) {
          h[a][b] += va * x[i][b];
        }
      }
    }
    return h;
  }

  /** Solves h s = g for a symmetric positive definite h (Gaussian elimination with partial pivoting). */
  static double[] solve(double[][] h, double[] g) {
    int k = g.length;
    double[][] a = new double[k][k + 1];
    for (int i = 0; i < k; i++) {
      System.arraycopy(h[i], 0, a[i], 0, k);
      a[i][k] = g[i];
    }
    for (int col = 0; col < k; col++) {
      int pivot = col;
      for (int r = col + 1; r < k; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      for (int r = col + 1; r < k; r++) {
        double factor = a[r][col] / a[col][col];
        for (int c = col; c <= k; c++) {
          a[r][c] -= factor * a[col][c];
        }
      }
    }
    double[] s = new double[k];
    for (int r = k - 1; r >= 0; r--) {
      double v = a[r][k];
      for (int c = r + 1; c < k; c++) {
        v -= a[r][c] * s[c];
      }
      s[r] = v / a[r][r];
    }
    return s;
  }

  Hyperparameters fit(Hyperparameters start) {
    if (samples == 0) {
      throw new IllegalArgumentException("history must hold at least one increase or decrease key result with a result");
    }
    double[] best = nelderMead(new double[] {Math.log(start.rateSpread()), Math.log(start.noisePrior())});
    return params(best);
  }

  Hyperparameters calibrate(Hyperparameters p) {
    if (samples == 0) {
      throw new IllegalArgumentException("history must hold at least one increase or decrease key result with a result");
    }
    Hyperparameters raw = p.withCalibration(0.0, 1.0);
    double[] cal = calibration(raw);
    return cal == null ? raw : raw.withCalibration(cal[0], cal[1]);
  }

  private static Hyperparameters params(double[] logs) {
    double spread = Math.min(MAX_SPREAD, Math.max(MIN_SPREAD, Math.exp(logs[0])));
    double noise = Math.min(MAX_NOISE, Math.max(MIN_NOISE, Math.exp(logs[1])));
    return new Hyperparameters(1.0, spread, noise, 0.0, 1.0);
  }

  double objective(Hyperparameters p) {
    double[][] f = forecastAll(p, Quantiles.Q80);
    double sum = 0;
    for (int i = 0; i < samples; i++) {
      double prob = Math.min(0.999, Math.max(0.001, f[PROB][i]));
      boolean hit = finals[i] >= 1;
      sum -= hit ? Math.log(prob) : Math.log(1 - prob);
      double scale = f[SCALE][i];
      if (scale > 0) {
        double df = f[DF][i];
        double logNorm = logNorm(df);
        double z = (finals[i] - f[MEAN][i]) / scale;
        double logPdf = logNorm - (df + 1) / 2 * Math.log1p(z * z / df) - Math.log(scale);
        sum -= Math.max(-50.0, logPdf);
      }
    }
    return sum / samples;
  }

  /**
   * The log of the Student-t density's normalizing constant for {@code df} degrees of freedom, computed once per
   * value: the kernel's df is a half of a whole number (max(1.5, n - 0.5) for n increments), so a fit over thousands of
   * samples sees a few dozen values, where two log-gamma functions per sample took about half of each evaluation of
   * the objective. The same number as computing it every time.
   */
  double logNorm(double df) {
    double halves = 2 * df;
    int k = (int) halves;
    if (k == halves && k >= 0 && k < LOG_NORMS) {
      if (Double.isNaN(logNorms[k])) {
        logNorms[k] = computeLogNorm(df);
      }
      return logNorms[k];
    }
    return computeLogNorm(df);
  }

  static double computeLogNorm(double df) {
    return LogGamma.value((df + 1) / 2) - LogGamma.value(df / 2) - 0.5 * Math.log(df * Math.PI);
  }

  /** Cached {@link #logNorm} by twice the degrees of freedom; NaN where not computed yet. */
  private static final int LOG_NORMS = 1024;
  private final double[] logNorms = newLogNorms();

  private static double[] newLogNorms() {
    double[] a = new double[LOG_NORMS];
    java.util.Arrays.fill(a, Double.NaN);
    return a;
  }

  private static final int MEAN = 0;
  private static final int SCALE = 1;
  private static final int DF = 2;
  private static final int PROB = 3;

  /** The plan-prior forecast of every sample under {@code p}: mean, scale, degrees of freedom and probability. */
  private double[][] forecastAll(Hyperparameters p, double[] q) {
    double[][] f = new double[4][samples];
    Columns c = new Columns(Math.max(1, Math.min(samples, CHUNK)));
    double priorPrec = p.priorPrecision();
    for (int start = 0; start < samples; start += CHUNK) {
      int m = Math.min(CHUNK, samples - start);
      Kernel.run(ForecastMethod.PLAN_PRIOR_BAYES, p, priorPrec, null, q, Quantiles.LEVEL, Quantiles.Q85, times, values,
          offsets, lengthDays, asOfDays, baselines, targets, start, c, m, false);
      System.arraycopy(c.col[Kernel.MEAN], 0, f[MEAN], start, m);
      System.arraycopy(c.col[Kernel.SCALE], 0, f[SCALE], start, m);
      System.arraycopy(c.col[Kernel.DF], 0, f[DF], start, m);
      System.arraycopy(c.col[Kernel.PROBABILITY], 0, f[PROB], start, m);
    }
    return f;
  }

  private static final int CHUNK = Kernel.CHUNK;

  private double[] nelderMead(double[] x0) {
    int dim = x0.length;
    double[][] pts = new double[dim + 1][];
    double[] vals = new double[dim + 1];
    pts[0] = x0.clone();
    for (int i = 0; i < dim; i++) {
      pts[i + 1] = x0.clone();
      pts[i + 1][i] += 0.5;
    }
    for (int i = 0; i <= dim; i++) {
      vals[i] = objective(params(pts[i]));
    }
    for (int iter = 0; iter < 200; iter++) {
      // order
      for (int i = 0; i < dim; i++) {
        for (int j = i + 1; j <= dim; j++) {
          if (vals[j] < vals[i]) {
            double tv = vals[i];
            vals[i] = vals[j];
            vals[j] = tv;
            double[] tp = pts[i];
            pts[i] = pts[j];
            pts[j] = tp;
          }
        }
      }
      if (Math.abs(vals[dim] - vals[0]) < 1e-7 && spread(pts) < 1e-4) {
        break;
      }
      double[] centroid = new double[dim];
      for (int i = 0; i < dim; i++) {
        for (int k = 0; k < dim; k++) {
          centroid[k] += pts[i][k] / dim;
        }
      }
      double[] refl = lerp(centroid, pts[dim], -1.0);
      double fr = objective(params(refl));
      if (fr < vals[0]) {
        double[] exp = lerp(centroid, pts[dim], -2.0);
        double fe = objective(params(exp));
        if (fe < fr) {
          pts[dim] = exp;
          vals[dim] = fe;
        } else {
          pts[dim] = refl;
          vals[dim] = fr;
        }
      } else if (fr < vals[dim - 1]) {
        pts[dim] = refl;
        vals[dim] = fr;
      } else {
        double[] con = lerp(centroid, pts[dim], 0.5);
        double fc = objective(params(con));
        if (fc < vals[dim]) {
          pts[dim] = con;
          vals[dim] = fc;
        } else {
          for (int i = 1; i <= dim; i++) {
            pts[i] = lerp(pts[0], pts[i], 0.5);
            vals[i] = objective(params(pts[i]));
          }
        }
      }
    }
    int bestI = 0;
    for (int i = 1; i <= dim; i++) {
      if (vals[i] < vals[bestI]) {
        bestI = i;
      }
    }
    return pts[bestI];
  }

  private static double spread(double[][] pts) {
    double s = 0;
    for (double[] p : pts) {
      for (int k = 0; k < p.length; k++) {
        s = Math.max(s, Math.abs(p[k] - pts[0][k]));
      }
    }
    return s;
  }

  /** c + t (p - c). */
  private static double[] lerp(double[] c, double[] p, double t) {
    double[] r = new double[c.length];
    for (int k = 0; k < c.length; k++) {
      r[k] = c[k] + t * (p[k] - c[k]);
    }
    return r;
  }

  /** Logistic recalibration {intercept, slope} on the log-odds, or null when it does not help. */
  private double[] calibration(Hyperparameters p) {
    double[] probs = forecastAll(p, Quantiles.Q80)[PROB];
    double[] logit = new double[samples];
    boolean[] hit = new boolean[samples];
    double base = 0;
    for (int i = 0; i < samples; i++) {
      double prob = Math.min(1 - 1e-9, Math.max(1e-9, probs[i]));
      logit[i] = Math.log(prob / (1 - prob));
      hit[i] = finals[i] >= 1;
      double pc = Math.min(0.999, Math.max(0.001, prob));
      base -= hit[i] ? Math.log(pc) : Math.log(1 - pc);
    }
    double a = 0;
    double b = 1;
    for (int iter = 0; iter < 50; iter++) {
      double ga = 0;
      double gb = 0;
      double haa = 0;
      double hab = 0;
      double hbb = 0;
      for (int i = 0; i < samples; i++) {
        double z = a + b * logit[i];
        double q = 1 / (1 + Math.exp(-z));
        double r = (hit[i] ? 1 : 0) - q;
        double w = q * (1 - q);
        ga += r;
        gb += r * logit[i];
        haa += w;
        hab += w * logit[i];
        hbb += w * logit[i] * logit[i];
      }
      double det = haa * hbb - hab * hab;
      if (!(det > 1e-12)) {
        return null;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a += da;
      b += db;
      if (Math.abs(da) + Math.abs(db) < 1e-9) {
        break;
      }
    }
    if (!(b > 0.01 && b < 100 && Math.abs(a) < 100)) {
      return null;
    }
    double loss = 0;
    for (int i = 0; i < samples; i++) {
      double q = Kernel.recalibrate(1 / (1 + Math.exp(-logit[i])), a, b);
      double pc = Math.min(0.999, Math.max(0.001, q));
      loss -= hit[i] ? Math.log(pc) : Math.log(1 - pc);
    }
    return loss < base - 0.002 * samples ? new double[] {a, b} : null;
  }

  /** The interval quantiles the fit uses: the default forecaster's (80%). */
  private static final class Quantiles {
    static final double[] Q80 = Forecaster.withDefaults().quantiles();
    /** Their central probability (the plan-prior method the fit runs does not read it). */
    static final double LEVEL = Forecaster.withDefaults().level();
    static final double[] Q85 = Forecaster.withDefaults().quantiles85();

    private Quantiles() {}
  }

  /** The check-ins of a key result strictly before an instant. */
  static List<CheckIn> before(List<CheckIn> all, Instant origin) {
    int n = 0;
    while (n < all.size() && all.get(n).at().isBefore(origin)) {
      n++;
    }
    return all.subList(0, n);
  }
}
