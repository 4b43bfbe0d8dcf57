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
   * Draws: common random numbers. Every random number has a place fixed by what it decides, never by what the
   * numbers before it decided: each key result has its own stream (two numbers per draw: whether it reaches its
   * target, and its score when it misses), each factor its own (one per draw: whether it hurts) and each link its
   * own (one per draw: whether the factor that hurts hits the key result). A stream is SplittableRandom's sequence
   * from a seed mixed from the simulation's seed, the objective's id and the stream's name (the key result's id, the
   * factor's source id, or both for a link), and the number of draw d is the d-th of it (the key result's: the
   * 2d-th and 2d+1-th), computed without the ones before it. So an objective's probability does not depend on the
   * others (nor on their order), and a what-if run on the same seed uses the same numbers in every draw for every
   * key result and factor whatever the others' chances: a key result that reaches its target more often (a higher
   * r_k, or links scaled down) reaches it in every draw it did before, and the objective's probability never falls
   * (with the miss scores fixed). (The draws once shared one sequence read in order, a miss taking one more number
   * and a committed draw stopping at its first miss, so a key result that missed less often shifted every later
   * number and the objective's probability could fall by noise when a key result became likelier.) A committed draw
   * still stops at the first
   * key result that misses: the others' numbers are not needed, and skipping them moves nothing.
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
  /** The names of the key results', factors' and links' streams (hashes of their ids), parallel to their arrays. */
  final long[] krName;
  final long[] factorName;
  final long[] linkName;

  CommitmentKernel(String[] ids, int[] krStart, boolean[] aspirational, int[] factorStart, double[] factorQ,
      double[] own, double[] weight, double[] missScores, int[] linkStart, int[] linkFactor, double[] linkHit,
      long[] krName, long[] factorName, long[] linkName) {
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
    this.krName = krName;
    this.factorName = factorName;
    this.linkName = linkName;
  }

  /** The seed of objective {@code id}'s generator under the simulation's {@code seed}. */
  static long seedFor(long seed, String id) {
    return seed ^ (0x9E3779B97F4A7C15L * (id.hashCode() + 1L));
  }

  /** The name of a stream: a 64-bit hash (FNV-1a, then mixed) of {@code kind} and {@code id}. */
  static long name(String kind, String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < kind.length(); i++) {
      h = (h ^ kind.charAt(i)) * 0x100000001b3L;
    }
    h = (h ^ ':') * 0x100000001b3L;
    for (int i = 0; i < id.length(); i++) {
      h = (h ^ id.charAt(i)) * 0x100000001b3L;
    }
    return Draws.mix64(h);
  }

  /** The seed of stream {@code name} of the objective whose generator's seed is {@code objectiveSeed}. */
  static long streamSeed(long objectiveSeed, long name) {
    return Draws.mix64(objectiveSeed ^ name);
  }

  /** The share of {@code draws} in which objective {@code o} meets its commitment; NaN without key results. */
  double probability(int o, int draws, long seed) {
    int from = krStart[o];
    int to = krStart[o + 1];
    if (from == to) {
      return Double.NaN;
    }
    int f0 = factorStart[o];
    int l0 = linkStart[from];
    long objectiveSeed = seedFor(seed, ids[o]);
    // one array of the objective's streams' seeds: its key results', then its factors', then its links'
    int nk = to - from;
    int nf = factorStart[o + 1] - f0;
    long[] streams = new long[nk + nf + linkStart[to] - l0];
    for (int k = from; k < to; k++) {
      streams[k - from] = streamSeed(objectiveSeed, krName[k]);
    }
    for (int f = 0; f < nf; f++) {
      streams[nk + f] = streamSeed(objectiveSeed, factorName[f0 + f]);
    }
    for (int l = l0; l < linkStart[to]; l++) {
      streams[nk + nf + l - l0] = streamSeed(objectiveSeed, linkName[l]);
    }
    // where each stream's seed is: streams[krAt + k], streams[factorAt + f], streams[linkAt + l]
    int krAt = -from;
    int factorAt = nk - f0;
    int linkAt = nk + nf - l0;
    boolean asp = aspirational[o];
    int met = 0;
    for (int d = 0; d < draws; d++) {
      if (asp) {
        double score = 0;
        for (int k = from; k < to; k++) {
          score += weight[k] * (reaches(k, d, streams, krAt, factorAt, linkAt) ? 1.0
              : missScore(k, Draws.at(streams[krAt + k], 2 * d + 2)));
        }
        // the sum of weights may round below 1 by a few ulps: 0.7 reached by 0.7 of the weight counts
        met += score >= ASPIRATIONAL_SCORE - 1e-12 ? 1 : 0;
      } else {
        boolean all = true;
        for (int k = from; k < to && all; k++) {
          all = reaches(k, d, streams, krAt, factorAt, linkAt);
        }
        met += all ? 1 : 0;
      }
    }
    return met / (double) draws;
  }

  /**
   * Whether key result {@code k} reaches its target in draw {@code d} (from 0); the seeds of the streams of key result
   * k, factor f and link l are {@code streams[krAt + k]}, {@code streams[factorAt + f]} and {@code streams[linkAt + l]}.
   * A factor's and a link's number are computed only when needed (a link's only when its factor hurts).
   */
  private boolean reaches(int k, int d, long[] streams, int krAt, int factorAt, int linkAt) {
    for (int l = linkStart[k]; l < linkStart[k + 1]; l++) {
      int f = linkFactor[l];
      if (Draws.at(streams[factorAt + f], d + 1) < factorQ[f] && Draws.at(streams[linkAt + l], d + 1) < linkHit[l]) {
        return false;
      }
    }
    return Draws.at(streams[krAt + k], 2 * d + 1) < own[k];
  }

  /*
   * The streams' numbers are SplittableRandom's (new SplittableRandom(seed).nextDouble(), bit for bit;
   * CommitmentKernelTest compares them): the state advances by a fixed gamma per number and each number is a mix of
   * the state alone, so the i-th number of a stream is computed without the ones before it, and a number nothing
   * asks for (a factor's in a committed draw that stopped at its first miss) is never computed.
   */

  /** SplittableRandom's sequence of doubles from one seed: its i-th number at hand. */
  static final class Draws {
    /** SplittableRandom's gamma for a generator made from a seed (its GOLDEN_GAMMA). */
    static final long GAMMA = 0x9e3779b97f4a7c15L;

    private Draws() {}

    /** The {@code i}-th number (from 1) that a generator at {@code state} gives next. */
    static double at(long state, int i) {
      return (mix64(state + i * GAMMA) >>> 11) * 0x1.0p-53;
    }

    /** SplittableRandom's mix64 (Stafford's variant 13). */
    static long mix64(long z) {
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
