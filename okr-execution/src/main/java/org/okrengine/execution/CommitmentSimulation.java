package org.okrengine.execution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.deps.NodeRisk;
import org.okrengine.forecast.Forecast;
import org.okrengine.model.Commitment;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.PredictionInterval;

/**
 * The probability that each objective meets its commitment (committed: every key result at its target;
 * aspirational: a weighted score of at least 0.7), jointly over its key results and the late upstream work they
 * share, by seeded simulation. Each key result keeps its forecast probability of target; a late upstream item that
 * several of them need (a cascade source, with the cascade analysis's probabilities) makes them miss together. The
 * same cycle, forecasts, slips, draws and seed give the same probabilities. About 10,000 draws of 1,000 objectives of
 * 3 to 5 key results take well under a second on one core (benchmarks/README.md). Immutable and thread-safe.
 */
public final class CommitmentSimulation {
  /** The draws per objective by default: 10,000 (a standard error of at most 0.005). */
  public static final int DEFAULT_DRAWS = 10_000;
  /** The seed by default. */
  public static final long DEFAULT_SEED = 0x0C0FFEE5EEDL;
  /** The most draws per objective: 10,000,000. */
  public static final int MAX_DRAWS = 10_000_000;

  private static final CommitmentSimulation DEFAULTS = new CommitmentSimulation(DEFAULT_DRAWS, DEFAULT_SEED);

  private final int draws;
  private final long seed;

  private CommitmentSimulation(int draws, long seed) {
    this.draws = draws;
    this.seed = seed;
  }

  /** {@link #DEFAULT_DRAWS} draws per objective from {@link #DEFAULT_SEED}. */
  public static CommitmentSimulation withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy drawing {@code draws} times per objective.
   *
   * @throws IllegalArgumentException when {@code draws} is not within 1..{@link #MAX_DRAWS}
   */
  public CommitmentSimulation withDraws(int draws) {
    if (draws >= 1 && draws <= MAX_DRAWS) {
      return new CommitmentSimulation(draws, seed);
    }
    throw new IllegalArgumentException("draws must be within 1..10000000: " + draws);
  }

  /** A copy drawing from {@code seed}. */
  public CommitmentSimulation withSeed(long seed) {
    return new CommitmentSimulation(draws, seed);
  }

  /** The draws per objective. */
  public int draws() {
    return draws;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /**
   * The odds of each objective of {@code cycle} with at least one key result, in document order.
   *
   * @param forecasts each key result's forecast, by id (its {@link Forecast#probabilityOfTarget()}, landing value
   *     and interval are used)
   * @param risks the slips of late items, by id, as fed to the cascade analysis
   *     ({@link org.okrengine.deps.CascadeAnalyzer#analyze}); empty: the key results are independent
   * @throws IllegalArgumentException when a key result has no forecast, naming it
   * @throws org.okrengine.deps.DependencyCycleException when dependencies form a cycle
   */
  public List<ObjectiveOdds> run(OkrCycle cycle, Map<String, Forecast> forecasts, Map<String, NodeRisk> risks) {
    Objects.requireNonNull(cycle, "cycle must not be null");
    Objects.requireNonNull(forecasts, "forecasts must not be null");
    Objects.requireNonNull(risks, "risks must not be null");
    Cascades cascades = risks.isEmpty() ? Cascades.none() : Cascades.of(DependencyGraph.of(cycle), risks);
    return run(cycle, forecasts, risks, cascades);
  }

  /** {@link #run(OkrCycle, Map, Map)} with the cascades of {@code risks} already found. */
  List<ObjectiveOdds> run(OkrCycle cycle, Map<String, Forecast> forecasts, Map<String, NodeRisk> risks,
      Cascades cascades) {
    CommitmentKernel kernel = compile(cycle, forecasts, risks, cascades);
    List<ObjectiveOdds> out = new ArrayList<>();
    int o = 0;
    for (Objective objective : cycle.objectives()) {
      if (!objective.keyResults().isEmpty()) {
        out.add(new ObjectiveOdds(objective.id(), objective.commitment(), kernel.probability(o, draws, seed),
            draws));
      }
      o++;
    }
    return List.copyOf(out);
  }

  /** The odds of {@code cycle}'s objectives by id. */
  Map<String, ObjectiveOdds> byObjective(OkrCycle cycle, Map<String, Forecast> forecasts,
      Map<String, NodeRisk> risks, Cascades cascades) {
    Map<String, ObjectiveOdds> out = new LinkedHashMap<>();
    for (ObjectiveOdds odds : run(cycle, forecasts, risks, cascades)) {
      out.put(odds.objectiveId(), odds);
    }
    return out;
  }

  static CommitmentKernel compile(OkrCycle cycle, Map<String, Forecast> forecasts, Map<String, NodeRisk> risks,
      Cascades cascades) {
    List<Objective> objectives = cycle.objectives();
    int n = objectives.size();
    int krs = 0;
    for (Objective o : objectives) {
      krs += o.keyResults().size();
    }
    String[] ids = new String[n];
    int[] krStart = new int[n + 1];
    boolean[] aspirational = new boolean[n];
    int[] factorStart = new int[n + 1];
    double[] own = new double[krs];
    double[] weight = new double[krs];
    double[] missScores = new double[krs * (CommitmentKernel.MISS_QUANTILES + 1)];
    int[] linkStart = new int[krs + 1];
    List<Double> factorQ = new ArrayList<>();
    List<Integer> linkFactor = new ArrayList<>();
    List<Double> linkHit = new ArrayList<>();
    long[] krName = new long[krs];
    List<Long> factorName = new ArrayList<>();
    List<Long> linkName = new ArrayList<>();
    int k = 0;
    for (int o = 0; o < n; o++) {
      Objective objective = objectives.get(o);
      ids[o] = objective.id();
      krStart[o] = k;
      factorStart[o] = factorQ.size();
      aspirational[o] = objective.commitment() == Commitment.ASPIRATIONAL;
      double total = objective.totalWeight();
      int count = objective.keyResults().size();
      Map<String, Integer> local = new HashMap<>();
      for (KeyResult kr : objective.keyResults()) {
        Forecast f = forecasts.get(kr.id());
        if (f == null) {
          throw new IllegalArgumentException("forecasts must hold every key result: " + kr.id());
        }
        krName[k] = CommitmentKernel.name("kr", kr.id());
        weight[k] = total > 0 ? kr.weight() / total : 1.0 / count;
        missScores(kr.metric(), f, missScores, k * (CommitmentKernel.MISS_QUANTILES + 1));
        int first = linkFactor.size();
        for (Cascades.Held h : cascades.holding(kr.id())) {
          NodeRisk source = risks.get(h.cascade().source());
          double q = source == null ? 0 : source.probabilityOfMiss();
          if (q > 0 && h.missProbability() > 0) {
            Integer f0 = local.get(h.cascade().source());
            if (f0 == null) {
              f0 = factorQ.size();
              local.put(h.cascade().source(), f0);
              factorQ.add(q);
              factorName.add(CommitmentKernel.name("factor", h.cascade().source()));
            }
            linkFactor.add(f0);
            linkName.add(CommitmentKernel.name("link", kr.id() + '\0' + h.cascade().source()));
            linkHit.add(Math.min(1.0, h.missProbability() / q));
          }
        }
        own[k] = ownProbability(f.probabilityOfTarget(), factorQ, linkFactor, linkHit, first);
        linkStart[k + 1] = linkFactor.size();
        k++;
      }
    }
    krStart[n] = k;
    factorStart[n] = factorQ.size();
    return new CommitmentKernel(ids, krStart, aspirational, factorStart, doubles(factorQ), own, weight,
        missScores, linkStart, ints(linkFactor), doubles(linkHit), krName,
        factorName.stream().mapToLong(Long::longValue).toArray(),
        linkName.stream().mapToLong(Long::longValue).toArray());
  }

  /**
   * r_k = p / P(not hit) for a key result whose links are {@code [first, end)}; where the links alone would hit it
   * more often than 1 - p, their hit probabilities are scaled down (in place) until P(not hit) = p, and r_k = 1.
   */
  private static double ownProbability(double p, List<Double> factorQ, List<Integer> linkFactor,
      List<Double> linkHit, int first) {
    int end = linkFactor.size();
    double notHit = notHit(1.0, factorQ, linkFactor, linkHit, first, end);
    if (notHit >= p) {
      return notHit > 0 ? Math.min(1.0, p / notHit) : 0.0;
    }
    // P(not hit) falls as s grows: find s with P(not hit at s) = p
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 60; i++) {
      double mid = 0.5 * (lo + hi);
      if (notHit(mid, factorQ, linkFactor, linkHit, first, end) >= p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    for (int l = first; l < end; l++) {
      linkHit.set(l, linkHit.get(l) * lo);
    }
    return 1.0;
  }

  private static double notHit(double s, List<Double> factorQ, List<Integer> linkFactor, List<Double> linkHit,
      int first, int end) {
    double out = 1;
    for (int l = first; l < end; l++) {
      out *= 1 - factorQ.get(linkFactor.get(l)) * linkHit.get(l) * s;
    }
    return out;
  }

  /**
   * Fills {@code out[at .. at + MISS_QUANTILES]} with the scores of key result {@code metric} at equally spaced
   * quantiles of its landing value conditioned on missing the target (see {@link CommitmentKernel}); each below 1.
   */
  static void missScores(Metric metric, Forecast f, double[] out, int at) {
    int q = CommitmentKernel.MISS_QUANTILES;
    double justBelow = Math.nextDown(1.0);
    if (metric.direction() == Direction.ACHIEVE) {
      return; // a missed achieve key result scores 0; the array starts at 0
    }
    boolean up = metric.direction() == Direction.MAINTAIN_ABOVE
        || (metric.direction() != Direction.MAINTAIN_BELOW && metric.target() > metric.baseline());
    double mean = f.landingValue();
    PredictionInterval interval = f.interval();
    double sd = 0;
    if (interval != null && interval.level() > 0 && interval.level() < 1) {
      double z = Normal.quantile(0.5 + 0.5 * interval.level());
      sd = (interval.high() - interval.low()) / (2 * z);
      // The part of the forecast short of the target: the landing is the predictive's median and the interval's ends
      // its quantiles, which follow the probability of target (the default method puts the chance it adds beyond
      // the trajectory's at the target itself, so the landing of a key result with a chance of one half or more can
      // be the target and the interval's far end too). The normal is then fitted to the side short of the target:
      // where the landing is short of it, the landing and the interval's near end (a key result that moves in steps
      // keeps its trajectory's spread there: a normal centred at the landing with the interval's whole width read
      // one whose far end was moved to the target as one that misses by little); where the landing is the target
      // or beyond, the near end and the chance of missing, 1 - P, at the target.
      double near = up ? interval.low() : interval.high();
      double s = up ? 1.0 : -1.0;
      double missing = 1 - f.probabilityOfTarget();
      if (s * (metric.target() - mean) > 0) {
        double half = s * (mean - near) / z;
        sd = half > 0 ? half : sd;
      } else if (s * (metric.target() - near) > 0 && missing > 0.5 - 0.5 * interval.level() && missing < 1) {
        double zMiss = Normal.quantile(missing);
        double sigma = s * (metric.target() - near) / (zMiss + z);
        if (sigma > 0 && Double.isFinite(sigma)) {
          sd = sigma;
          mean = metric.target() - s * sigma * zMiss;
        }
      }
    }
    double below = sd > 0 && Double.isFinite(sd) ? Normal.cdf((metric.target() - mean) / sd) : Double.NaN;
    double tail = up ? below : 1 - below;
    if (!(tail > 1e-12)) {
      double s = Math.min(metric.score(metric.clamp(mean)), justBelow);
      for (int j = 0; j <= q; j++) {
        out[at + j] = s;
      }
      return;
    }
    for (int j = 0; j <= q; j++) {
      double u = tail * j / q;
      double v = mean + sd * Normal.quantile(up ? u : 1 - u);
      out[at + j] = Math.min(metric.score(metric.clamp(v)), justBelow);
    }
  }

  private static double[] doubles(List<Double> list) {
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  private static int[] ints(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }
}
