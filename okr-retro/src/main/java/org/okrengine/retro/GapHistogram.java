package org.okrengine.retro;

import java.util.Arrays;

/**
 * A multiset of non-negative gaps in whole hours, for their median: exact for every gap, in memory independent of
 * how far apart the gaps are. Mutable; not thread-safe.
 */
final class GapHistogram {
  /*
   * Gaps below DENSE_HOURS are counted in a dense array, grown to the largest such gap seen (so at most DENSE_HOURS
   * longs, 16 KB); longer gaps, rare in real cadences (a quarter is 2,184 hours), are kept one by one, 8 bytes each,
   * and sorted only when the median is taken. A check-in dated thousands of years away therefore costs 8 bytes, not
   * a count for every hour up to it, and its gap is still exact: a median that falls among the long gaps is read
   * from the sorted list. Memory is O(min(largest gap, DENSE_HOURS) + number of long gaps).
   */
  /** Gaps below this many hours (85 days and 8 hours) are counted in the dense array. */
  static final int DENSE_HOURS = 2048;

  private long[] counts = new long[0];
  /** Gaps counted in {@link #counts}. */
  private long dense;
  /** Gaps of {@link #DENSE_HOURS} or more, in no order. */
  private long[] longGaps = new long[0];
  private int longCount;

  /** Adds a gap of {@code hours} (0 or more). */
  void add(long hours) {
    if (hours < DENSE_HOURS) {
      int h = (int) hours;
      if (h >= counts.length) {
        grow(h);
      }
      counts[h]++;
      dense++;
    } else {
      addLong(hours);
    }
  }

  private void grow(int h) {
    counts = Arrays.copyOf(counts, Math.min(DENSE_HOURS, Math.max(h + 1, counts.length * 2)));
  }

  private void addLong(long hours) {
    if (longCount == longGaps.length) {
      longGaps = Arrays.copyOf(longGaps, Math.max(4, longCount * 2));
    }
    longGaps[longCount++] = hours;
  }

  void merge(GapHistogram o) {
    if (o.counts.length > counts.length) {
      counts = Arrays.copyOf(counts, o.counts.length);
    }
    for (int i = 0; i < o.counts.length; i++) {
      counts[i] += o.counts[i];
    }
    dense += o.dense;
    for (int i = 0; i < o.longCount; i++) {
      addLong(o.longGaps[i]);
    }
  }

  /** Writes the gaps: the dense counts that are not 0 as (hours, count), then the long gaps in ascending order. */
  void write(ByteWriter out) {
    int bins = 0;
    for (long c : counts) {
      bins += c > 0 ? 1 : 0;
    }
    out.writeInt(bins);
    for (int h = 0; h < counts.length; h++) {
      if (counts[h] > 0) {
        out.writeInt(h);
        out.writeLong(counts[h]);
      }
    }
    Arrays.sort(longGaps, 0, longCount);
    out.writeInt(longCount);
    for (int i = 0; i < longCount; i++) {
      out.writeLong(longGaps[i]);
    }
  }

  /** Reads what {@link #write} wrote into this empty histogram. */
  void read(ByteReader in, String what) {
    int bins = in.readSize(what + " counts", 12);
    int previous = -1;
    for (int i = 0; i < bins; i++) {
      int h = in.readInt();
      long c = in.readCount(what + " count");
      in.check(h > previous && h < DENSE_HOURS && c > 0 && c <= Long.MAX_VALUE - dense,
          what + " must count gaps below " + DENSE_HOURS + " hours in ascending order, each at least once");
      if (h >= counts.length) {
        grow(h);
      }
      counts[h] = c;
      dense += c;
      previous = h;
    }
    int n = in.readSize(what + " long gaps", 8);
    long[] read = new long[n];
    long last = DENSE_HOURS;
    for (int i = 0; i < n; i++) {
      read[i] = in.readLong(what + " long gap", last, Long.MAX_VALUE);
      last = read[i];
    }
    longGaps = read;
    longCount = n;
  }

  /** The number of gaps. */
  long size() {
    return dense + longCount;
  }

  /** The median gap divided by {@code scale} (the mean of the middle two of an even count), or null when empty. */
  Double median(double scale) {
    long total = size();
    if (total == 0) {
      return null;
    }
    if (total / 2 >= dense) {
      Arrays.sort(longGaps, 0, longCount); // reorders the multiset's storage, not the multiset
    }
    long lo = value((total - 1) / 2);
    long hi = value(total / 2);
    return (lo + hi) / (2 * scale);
  }

  /** The gap of rank {@code rank} (0-based) in sorted order; long gaps sorted when the rank falls among them. */
  private long value(long rank) {
    if (rank >= dense) {
      return longGaps[(int) (rank - dense)];
    }
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
