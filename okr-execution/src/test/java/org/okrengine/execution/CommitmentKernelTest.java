package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The kernel draws a factor's number only when a link asks for it: the numbers are SplittableRandom's, and each
 * objective's probability is bit for bit what drawing every factor's number in every draw gives (the reference below,
 * the kernel's loop before that change).
 */
class CommitmentKernelTest {
  @Test
  void drawsAreSplittableRandomsNumbers() {
    SplittableRandom seeds = new SplittableRandom(7);
    for (int s = 0; s < 200; s++) {
      long seed = seeds.nextLong();
      SplittableRandom expected = new SplittableRandom(seed);
      CommitmentKernel.Draws draws = new CommitmentKernel.Draws(seed);
      for (int i = 1; i <= 1_000; i++) {
        double e = expected.nextDouble();
        assertThat(CommitmentKernel.Draws.at(seed, i)).isEqualTo(e);
        assertThat(draws.nextDouble()).isEqualTo(e);
      }
    }
  }

  @Test
  void lazyFactorsGiveTheSameProbabilitiesAsDrawingEveryFactor() {
    SplittableRandom rnd = new SplittableRandom(3);
    int checked = 0;
    for (int trial = 0; trial < 60; trial++) {
      CommitmentKernel kernel = randomKernel(rnd);
      for (int o = 0; o < kernel.objectives; o++) {
        long seed = rnd.nextLong();
        int drawCount = 1 + rnd.nextInt(3_000);
        double expected = eager(kernel, o, drawCount, seed);
        assertThat(Double.doubleToRawLongBits(kernel.probability(o, drawCount, seed))).as("trial %d objective %d",
            trial, o).isEqualTo(Double.doubleToRawLongBits(expected));
        checked += Double.isNaN(expected) ? 0 : 1;
      }
    }
    assertThat(checked).isGreaterThan(200);
  }

  /** Objectives of 0 to 5 key results, 0 to 6 factors each, links with hit probabilities 0 to 1, both commitments. */
  static CommitmentKernel randomKernel(SplittableRandom rnd) {
    int n = 2 + rnd.nextInt(6);
    String[] ids = new String[n];
    int[] krStart = new int[n + 1];
    boolean[] aspirational = new boolean[n];
    int[] factorStart = new int[n + 1];
    int krs = 0;
    int factors = 0;
    int[] krCount = new int[n];
    int[] factorCount = new int[n];
    for (int o = 0; o < n; o++) {
      ids[o] = "O-" + rnd.nextInt(1_000);
      aspirational[o] = rnd.nextBoolean();
      krCount[o] = rnd.nextInt(6);
      factorCount[o] = rnd.nextInt(7);
      krStart[o] = krs;
      factorStart[o] = factors;
      krs += krCount[o];
      factors += factorCount[o];
    }
    krStart[n] = krs;
    factorStart[n] = factors;
    double[] factorQ = new double[factors];
    for (int f = 0; f < factors; f++) {
      factorQ[f] = rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble();
    }
    double[] own = new double[krs];
    double[] weight = new double[krs];
    double[] missScores = new double[krs * (CommitmentKernel.MISS_QUANTILES + 1)];
    int[] linkStart = new int[krs + 1];
    int[] linkFactor = new int[krs * 7];
    double[] linkHit = new double[krs * 7];
    int links = 0;
    for (int o = 0; o < n; o++) {
      for (int k = krStart[o]; k < krStart[o + 1]; k++) {
        own[k] = rnd.nextDouble();
        weight[k] = 1.0 / krCount[o];
        double score = rnd.nextDouble() * 0.5;
        for (int j = 0; j <= CommitmentKernel.MISS_QUANTILES; j++) {
          score = Math.min(Math.nextDown(1.0), score + rnd.nextDouble() * 0.02);
          missScores[k * (CommitmentKernel.MISS_QUANTILES + 1) + j] = score;
        }
        linkStart[k] = links;
        for (int f = 0; f < factorCount[o]; f++) {
          if (rnd.nextBoolean()) {
            linkFactor[links] = factorStart[o] + f;
            linkHit[links++] = rnd.nextInt(4) == 0 ? 1.0 : rnd.nextDouble();
          }
        }
      }
    }
    linkStart[krs] = links;
    return new CommitmentKernel(ids, krStart, aspirational, factorStart, factorQ, own, weight, missScores, linkStart,
        java.util.Arrays.copyOf(linkFactor, links), java.util.Arrays.copyOf(linkHit, links));
  }

  /** Every factor drawn first in every draw from a SplittableRandom, then the key results as the kernel does. */
  static double eager(CommitmentKernel k, int o, int draws, long seed) {
    int from = k.krStart[o];
    int to = k.krStart[o + 1];
    if (from == to) {
      return Double.NaN;
    }
    int f0 = k.factorStart[o];
    int nf = k.factorStart[o + 1] - f0;
    boolean[] hurt = new boolean[nf];
    SplittableRandom rng = new SplittableRandom(CommitmentKernel.seedFor(seed, k.ids[o]));
    int met = 0;
    for (int d = 0; d < draws; d++) {
      for (int f = 0; f < nf; f++) {
        hurt[f] = rng.nextDouble() < k.factorQ[f0 + f];
      }
      if (k.aspirational[o]) {
        double score = 0;
        for (int kr = from; kr < to; kr++) {
          score += k.weight[kr] * (reaches(k, kr, f0, hurt, rng) ? 1.0 : k.missScore(kr, rng.nextDouble()));
        }
        met += score >= CommitmentKernel.ASPIRATIONAL_SCORE - 1e-12 ? 1 : 0;
      } else {
        boolean all = true;
        for (int kr = from; kr < to && all; kr++) {
          all = reaches(k, kr, f0, hurt, rng);
        }
        met += all ? 1 : 0;
      }
    }
    return met / (double) draws;
  }

  private static boolean reaches(CommitmentKernel k, int kr, int f0, boolean[] hurt, SplittableRandom rng) {
    for (int l = k.linkStart[kr]; l < k.linkStart[kr + 1]; l++) {
      if (hurt[k.linkFactor[l] - f0] && rng.nextDouble() < k.linkHit[l]) {
        return false;
      }
    }
    return rng.nextDouble() < k.own[kr];
  }
}
