package org.okrengine.deps;

import java.util.Arrays;

/**
 * For each node, the figures (slip, probability of miss) of the few cascades most likely to make it miss: at most
 * {@code limit} per node, the strongest by probability, ties to the cascade ranked first (most impact, then the
 * largest slip, then the smallest source id: the order of {@link CascadeAnalyzer#analyze}). Slots are taken only for
 * nodes some cascade reaches, {@code limit} at a time, so memory grows with what is reached, not with the graph
 * times the cascades. Not thread-safe: one per analysis.
 */
final class StrongestCascades {
  private final int limit;
  /** Per cascade, what ranks it. */
  private double[] impact = new double[16];
  private double[] slipDays = new double[16];
  private int[] sourceRank = new int[16];
  /** Per node: the first of its slots, or -1; how many it holds; the slot of the weakest it holds. */
  private final int[] first;
  private final int[] held;
  private final int[] weakest;
  /** Per node, the probability and the cascade in its weakest slot (copies, read by node on the common path). */
  private final double[] weakestMiss;
  private final int[] weakestCascade;
  private int[] cascade = new int[64];
  private double[] slip = new double[64];
  private double[] miss = new double[64];
  private int used;

  StrongestCascades(int nodes, int limit) {
    this.limit = limit;
    first = new int[nodes];
    Arrays.fill(first, -1);
    held = new int[nodes];
    weakest = new int[nodes];
    weakestMiss = new double[nodes];
    weakestCascade = new int[nodes];
  }

  /** Notes what ranks cascade {@code c} (numbered from 0 in the order they are found), before its offers. */
  void cascade(int c, double cascadeImpact, double cascadeSlip, int rank) {
    if (c >= impact.length) {
      impact = Arrays.copyOf(impact, c * 2);
      slipDays = Arrays.copyOf(slipDays, c * 2);
      sourceRank = Arrays.copyOf(sourceRank, c * 2);
    }
    impact[c] = cascadeImpact;
    slipDays[c] = cascadeSlip;
    sourceRank[c] = rank;
  }

  /**
   * Offers cascade {@code c}'s figures at each of {@code nodes[0, count)}, the figures of node v at
   * {@code slipAt[v]} and {@code missAt[v]}: {@link #offer} for each.
   */
  void offerAll(int c, int[] nodes, int count, double[] slipAt, double[] missAt) {
    for (int k = 0; k < count; k++) {
      int node = nodes[k];
      offer(node, c, slipAt[node], missAt[node]);
    }
  }

  /** Offers cascade {@code c}'s figures at {@code node}; kept when among the strongest there. */
  void offer(int node, int c, double slipAt, double missAt) {
    int h = held[node];
    if (h == limit) {
      // the common case on long chains: full, and this one is not stronger than the weakest held
      double weakMiss = weakestMiss[node];
      if (missAt < weakMiss || missAt == weakMiss && !ranksBefore(c, weakestCascade[node])) {
        return;
      }
      int w = weakest[node];
      cascade[w] = c;
      slip[w] = slipAt;
      miss[w] = missAt;
      setWeakest(node, weakestOf(first[node], limit));
      return;
    }
    if (first[node] < 0) {
      if (used + limit > cascade.length) {
        int size = Math.max(cascade.length * 2, used + limit);
        cascade = Arrays.copyOf(cascade, size);
        slip = Arrays.copyOf(slip, size);
        miss = Arrays.copyOf(miss, size);
      }
      first[node] = used;
      used += limit;
    }
    int base = first[node];
    int slot = base + held[node]++;
    cascade[slot] = c;
    slip[slot] = slipAt;
    miss[slot] = missAt;
    setWeakest(node, weakestOf(base, held[node]));
  }

  private void setWeakest(int node, int slot) {
    weakest[node] = slot;
    weakestMiss[node] = miss[slot];
    weakestCascade[node] = cascade[slot];
  }

  /** The slot of the weakest of the {@code n} held from slot {@code base} on (the first of equals). */
  private int weakestOf(int base, int n) {
    int weak = base;
    double weakMiss = miss[base];
    for (int s = base + 1; s < base + n; s++) {
      double m = miss[s];
      if (weakMiss > m || weakMiss == m && ranksBefore(cascade[weak], cascade[s])) {
        weak = s;
        weakMiss = m;
      }
    }
    return weak;
  }

  /** Whether cascade {@code a} comes before {@code b} in the analysis' order. */
  boolean ranksBefore(int a, int b) {
    if (impact[a] != impact[b]) {
      return Double.compare(impact[a], impact[b]) > 0;
    }
    if (slipDays[a] != slipDays[b]) {
      return Double.compare(slipDays[a], slipDays[b]) > 0;
    }
    return sourceRank[a] < sourceRank[b];
  }

  /** How many cascades node {@code v} holds figures of. */
  int held(int v) {
    return held[v];
  }

  /** The cascade in the {@code i}-th slot of node {@code v}. */
  int cascade(int v, int i) {
    return cascade[first[v] + i];
  }

  double slip(int v, int i) {
    return slip[first[v] + i];
  }

  double miss(int v, int i) {
    return miss[first[v] + i];
  }
}
