package org.okrengine.execution;

/**
 * The simulation behind {@link CommitmentSimulation}, on primitive arrays: each objective's key results, the late
 * upstream items they share, and the draws. Built by {@link CommitmentSimulation}; immutable once built, and
 * {@link #probability} allocates one small object per objective, never per draw, so one kernel may be shared by
 * threads.
 */
final class CommitmentKernel {
  /*
   * The model, per objective.
   *
   * Inputs. Each key result k has p_k, its forecast probability of reaching its target (its marginal, kept exactly).
   * Each late upstream item f that one of the objective's key results needs (a cascade source reaching it) is a
   * common factor: it "hurts" with q_f, the source's own probability of missing (Snapshot's risks). A key result k
   * reached by f's cascade with probability of missing because of it m_fk (CascadeAnalyzer: q_f times the edge
   * weights along the way) is hit by f, when f hurts, with c_fk = m_fk / q_f.
   *
   * Two-state mixture. In a draw, every factor hurts or not; k is hit when some factor that hurts hits it (each
   * with its own c_fk); a key result not hit reaches its target with r_k = p_k / P(not hit), where
   * P(not hit) = prod_f (1 - q_f c_fk). So P(k reaches its target) = P(not hit) r_k = p_k: the marginals stay the
   * forecaster's, and only the dependence comes from the shared upstream work. Where the upstream alone would make
   * k miss more often than 1 - p_k (P(not hit) < p_k), every c_fk of k is scaled by one s in [0, 1] (bisection)
   * so that P(not hit) = p_k and r_k = 1. Factors are independent of each other and of the key results' own
   * draws; a key result that is itself a factor is drawn as a factor and as a key result independently.
   *
   * What the construction guarantees for two key results that share one factor with c = 1 and nothing else
   * (q < 1, p_1, p_2 <= 1 - q): P(both) = (1 - q) r_1 r_2 = p_1 p_2 / (1 - q), above the independent product
   * p_1 p_2 and at most min(p_1, p_2); P(neither) = q + (1 - q)(1 - r_1)(1 - r_2), above (1 - p_1)(1 - p_2).
   * Shared late work makes the key results succeed and fail together.
   *
   * Committed: the objective meets its commitment when every key result reaches its target. Aspirational: when the
   * weighted mean of its key results' scores (weights relative within the objective; all 0: equal) is at least
   * 0.7. A key result that reaches its target scores 1; one that does not draws its score from the landing
   * distribution below its target: a normal with the forecast's landing value as mean and the standard deviation
   * of its prediction interval (width / (2 z), z the normal quantile of (1 + level) / 2), clamped to the metric's
   * bounds, conditioned on the wrong side of the target, kept as MISS_QUANTILES + 1 scores at equally spaced
   * conditional quantiles and interpolated linearly (a score below 1, see missScores).
   *
   * Draws. One SplittableRandom per objective, seeded from the simulation's seed and the objective's id, so an
   * objective's probability does not depend on the others (nor on their order) and a what-if run on the same seed
   * uses the same random numbers (common random numbers: differences are not drowned by noise). A committed draw
   * stops at the first key result that misses.
   */
  static final int MISS_QUANTILES = 32;
  static final double ASPIRATIONAL_SCORE = 0.7;

  final int objectives;
  final String[] ids;
  final int[] krStart;
  final boolean[] aspirational;
  final int[] factorStart;
  final double[] factorQ;
  final double[] own;
  final double[] weight;
  final double[] missScores;
  final int[] linkStart;
  final int[] linkFactor;
  final double[] linkHit;

  CommitmentKernel(String[] ids, int[] krStart, boolean[] aspirational, int[] factorStart, double[] factorQ,
      double[] own, double[] weight, double[] missScores, int[] linkStart, int[] linkFactor, double[] linkHit) {
    this.objectives = ids.length;
    this.ids = ids;
    this.krStart = krStart;
    this.aspirational = aspirational;
    this.factorStart = factorStart;
    this.factorQ = factorQ;
    this.own = own;
    this.weight = weight;
    this.missScores = missScores;
    this.linkStart = linkStart;
    this.linkFactor = linkFactor;
    this.linkHit = linkHit;
  }

  /** The seed of objective {@code id}'s generator under the simulation's {@code seed}. */
  static long seedFor(long seed, String id) {
    return seed ^ (0x9E3779B97F4A7C15L * (id.hashCode() + 1L));
  }

  /** The share of {@code draws} in which objective {@code o} meets its commitment; NaN without key results. */
  double probability(int o, int draws, long seed) {
    int from = krStart[o];
    int to = krStart[o + 1];
    if (from == to) {
      return Double.NaN;
    }
    int f0 = factorStart[o];
    int nf = factorStart[o + 1] - f0;
    Draws rng = new Draws(seedFor(seed, ids[o]));
    boolean asp = aspirational[o];
    int met = 0;
    for (int d = 0; d < draws; d++) {
      // the factors' numbers come first in each draw, one per factor; each is drawn only when a link asks for it
      long factors = rng.state;
      rng.state += nf * Draws.GAMMA;
      if (asp) {
        double score = 0;
        for (int k = from; k < to; k++) {
          score += weight[k] * (reaches(k, f0, factors, rng) ? 1.0 : missScore(k, rng.nextDouble()));
        }
        // the sum of weights may round below 1 by a few ulps: 0.7 reached by 0.7 of the weight counts
        met += score >= ASPIRATIONAL_SCORE - 1e-12 ? 1 : 0;
      } else {
        boolean all = true;
        for (int k = from; k < to && all; k++) {
          all = reaches(k, f0, factors, rng);
        }
        met += all ? 1 : 0;
      }
    }
    return met / (double) draws;
  }

  /** Whether key result {@code k} reaches its target in a draw whose factors' numbers follow {@code factors}. */
  private boolean reaches(int k, int f0, long factors, Draws rng) {
    for (int l = linkStart[k]; l < linkStart[k + 1]; l++) {
      int f = linkFactor[l];
      if (Draws.at(factors, f - f0 + 1) < factorQ[f] && rng.nextDouble() < linkHit[l]) {
        return false;
      }
    }
    return rng.nextDouble() < own[k];
  }

  /*
   * The draws' numbers are SplittableRandom's (new SplittableRandom(seed).nextDouble(), bit for bit;
   * CommitmentKernelTest compares them): the state advances by a fixed gamma per number and each number is a mix of the state alone, so the
   * i-th number after a state is computed without the ones before it. A draw's factors take the first nf numbers
   * whether a link asks for them or not (a committed draw that stops at its first miss asks for few), so a factor's
   * number is computed only when asked for, and the state skips all nf at once: the same numbers as drawing them all.
   */

  /** SplittableRandom's sequence of doubles from one seed, with the i-th number after a state at hand. */
  static final class Draws {
    /** SplittableRandom's gamma for a generator made from a seed (its GOLDEN_GAMMA). */
    static final long GAMMA = 0x9e3779b97f4a7c15L;
    long state;

    Draws(long seed) {
      this.state = seed;
    }

    /** The next number, in [0, 1): as SplittableRandom.nextDouble. */
    double nextDouble() {
      state += GAMMA;
      return (mix64(state) >>> 11) * 0x1.0p-53;
    }

    /** The {@code i}-th number (from 1) that a generator at {@code state} gives next. */
    static double at(long state, int i) {
      return (mix64(state + i * GAMMA) >>> 11) * 0x1.0p-53;
    }

    /** SplittableRandom's mix64 (Stafford's variant 13). */
    private static long mix64(long z) {
      z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
      z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
      return z ^ (z >>> 31);
    }
  }

  /** The score of key result {@code k} at conditional quantile {@code u} (0..1) of its landing below target. */
  double missScore(int k, double u) {
    double x = u * MISS_QUANTILES;
    int i = (int) x;
    int base = k * (MISS_QUANTILES + 1);
    if (i >= MISS_QUANTILES) {
      return missScores[base + MISS_QUANTILES];
    }
    double a = missScores[base + i];
    return a + (x - i) * (missScores[base + i + 1] - a);
  }
}
