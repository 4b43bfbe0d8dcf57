package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The kernel computes a number only when it is needed: the numbers are SplittableRandom's, and each objective's
 * probability is bit for bit what drawing every number of every stream in every draw gives (the reference below: one
 * SplittableRandom per key result, factor and link, each advanced once per draw, the key results' twice, whatever
 * the draw decides).
 */
class CommitmentKernelTest {
  @Test
  void drawsAreSplittableRandomsNumbers() {
    SplittableRandom seeds = new SplittableRandom(7);
    for (int s = 0; s < 200; s++) {
      long seed = seeds.nextLong();
      SplittableRandom expected = new SplittableRandom(seed);
      for (int i = 1; i <= 1_000; i++) {
        assertThat(CommitmentKernel.Draws.at(seed, i)).isEqualTo(expected.nextDouble());
      }
    }
  }

  @Test
  void lazyNumbersGiveTheSameProbabilitiesAsDrawingEveryNumber() {
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
    long[] krName = new long[krs];
    for (int k = 0; k < krs; k++) {
      krName[k] = CommitmentKernel.name("kr", "KR-" + k);
    }
    long[] factorName = new long[factors];
    for (int f = 0; f < factors; f++) {
      factorName[f] = CommitmentKernel.name("factor", "I-" + f);
    }
    long[] linkName = new long[links];
    for (int l = 0; l < links; l++) {
      linkName[l] = CommitmentKernel.name("link", "L-" + l);
    }
    return new CommitmentKernel(ids, krStart, aspirational, factorStart, factorQ, own, weight, missScores, linkStart,
        java.util.Arrays.copyOf(linkFactor, links), java.util.Arrays.copyOf(linkHit, links), krName, factorName,
        linkName);
  }

  /** Every number of every stream drawn in every draw, each stream a SplittableRandom; then as the kernel decides. */
  static double eager(CommitmentKernel k, int o, int draws, long seed) {
    int from = k.krStart[o];
    int to = k.krStart[o + 1];
    if (from == to) {
      return Double.NaN;
    }
    int f0 = k.factorStart[o];
    int nf = k.factorStart[o + 1] - f0;
    int l0 = k.linkStart[from];
    int nl = k.linkStart[to] - l0;
    long objectiveSeed = CommitmentKernel.seedFor(seed, k.ids[o]);
    SplittableRandom[] krs = new SplittableRandom[to - from];
    for (int kr = from; kr < to; kr++) {
      krs[kr - from] = new SplittableRandom(CommitmentKernel.streamSeed(objectiveSeed, k.krName[kr]));
    }
    SplittableRandom[] factors = new SplittableRandom[nf];
    for (int f = 0; f < nf; f++) {
      factors[f] = new SplittableRandom(CommitmentKernel.streamSeed(objectiveSeed, k.factorName[f0 + f]));
    }
    SplittableRandom[] links = new SplittableRandom[nl];
    for (int l = 0; l < nl; l++) {
      links[l] = new SplittableRandom(CommitmentKernel.streamSeed(objectiveSeed, k.linkName[l0 + l]));
    }
    boolean[] hurt = new boolean[nf];
    boolean[] hit = new boolean[nl];
    double[] reach = new double[to - from];
    double[] miss = new double[to - from];
    int met = 0;
    for (int d = 0; d < draws; d++) {
      for (int f = 0; f < nf; f++) {
        hurt[f] = factors[f].nextDouble() < k.factorQ[f0 + f];
      }
      for (int l = 0; l < nl; l++) {
        hit[l] = links[l].nextDouble() < k.linkHit[l0 + l];
      }
      for (int kr = from; kr < to; kr++) {
        reach[kr - from] = krs[kr - from].nextDouble();
        miss[kr - from] = krs[kr - from].nextDouble();
      }
      if (k.aspirational[o]) {
        double score = 0;
        for (int kr = from; kr < to; kr++) {
          score += k.weight[kr] * (reaches(k, kr, from, f0, l0, hurt, hit, reach) ? 1.0
              : k.missScore(kr, miss[kr - from]));
        }
        met += score >= CommitmentKernel.ASPIRATIONAL_SCORE - 1e-12 ? 1 : 0;
      } else {
        boolean all = true;
        for (int kr = from; kr < to; kr++) {
          all &= reaches(k, kr, from, f0, l0, hurt, hit, reach);
        }
        met += all ? 1 : 0;
      }
    }
    return met / (double) draws;
  }

  private static boolean reaches(CommitmentKernel k, int kr, int from, int f0, int l0, boolean[] hurt, boolean[] hit,
      double[] reach) {
    for (int l = k.linkStart[kr]; l < k.linkStart[kr + 1]; l++) {
      if (hurt[k.linkFactor[l] - f0] && hit[l - l0]) {
        return false;
      }
    }
    return reach[kr - from] < k.own[kr];
  }
}
