package org.okrengine.retro;

import java.util.Arrays;

/** Counts of non-negative int values (for example gaps in hours), growable; merges by adding counts. */
final class LongHistogram implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private long[] counts = new long[0];
  private long total;

  void add(int value) {
    if (value >= counts.length) {
      counts = Arrays.copyOf(counts, Math.max(value + 1, counts.length * 2));
    }
    counts[value]++;
    total++;
  }

  void merge(LongHistogram o) {
    if (o.counts.length > counts.length) {
      counts = Arrays.copyOf(counts, o.counts.length);
    }
    for (int i = 0; i < o.counts.length; i++) {
      counts[i] += o.counts[i];
    }
    total += o.total;
  }

  /** The median value divided by {@code scale}, or null when empty. */
  Double median(double scale) {
    if (total == 0) {
      return null;
    }
    long lo = value((total - 1) / 2);
    long hi = value(total / 2);
    return (lo + hi) / (2 * scale);
  }

  /** The value of rank {@code rank} (0-based) in sorted order. */
  private long value(long rank) {
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen > rank) {
        return i;
      }
    }
    throw new IllegalStateException("rank out of range: " + rank);
  }
}
