package org.okrengine.retro;

import java.util.Arrays;

/**
 * A multiset of non-negative gaps in whole hours, for their median: exact for every gap, in memory independent of
 * how far apart the gaps are. Mutable; not thread-safe.
 */
final class GapHistogram {
  /*
   * Gaps below DENSE_HOURS are counted in a dense array of ints, of 1,024 (4 KB) at first and grown to the largest
   * such gap seen (so at most DENSE_HOURS ints, 8 KB); longer gaps, rare in real cadences (a
   * quarter is 2,184 hours), are kept one by one, 8 bytes each, and sorted only when the median is taken. A check-in
   * dated thousands of years away therefore costs 8 bytes, not a count for every hour up to it, and its gap is still
   * exact: a median that falls among the long gaps is read from the sorted list. Memory is O(min(largest gap,
   * DENSE_HOURS) + number of long gaps). A count that would pass Integer.MAX_VALUE (two billion gaps of one length,
   * as merged partitions could reach) moves the counts to an array of longs for good.
   */
  /** Gaps below this many hours (85 days and 8 hours) are counted in the dense array. */
  static final int DENSE_HOURS = 2048;
  /** The dense array's first length: gaps of up to 42 days, so that a team checking in every few weeks never grows it. */
  private static final int FIRST = 1024;

  private int[] counts = new int[0];
  /** The counts once one of them passed Integer.MAX_VALUE (then {@link #counts} is unused), else null. */
  private long[] wide;
  /** Gaps counted in {@link #counts} or {@link #wide}. */
  private long dense;
  /** Gaps of {@link #DENSE_HOURS} or more, in no order. */
  private long[] longGaps = new long[0];
  private int longCount;

  /** Adds a gap of {@code hours} (0 or more). */
  void add(long hours) {
    if (hours < counts.length && wide == null) {
      int h = (int) hours;
      if (counts[h] != Integer.MAX_VALUE) {
        counts[h]++;
        dense++;
        return;
      }
    }
    if (hours < DENSE_HOURS) {
      add((int) hours, 1);
    } else {
      addLong(hours);
    }
  }

  /** Adds {@code count} (at least 1) gaps of {@code h} hours, below {@link #DENSE_HOURS}. */
  private void add(int h, long count) {
    if (wide != null) {
      wide[h] += count;
    } else {
      if (h >= counts.length) {
        counts = Arrays.copyOf(counts, Math.min(DENSE_HOURS, Math.max(h + 1, Math.max(FIRST, counts.length * 2))));
      }
      long c = counts[h] + count;
      if (c <= Integer.MAX_VALUE) {
        counts[h] = (int) c;
      } else {
        widen();
        wide[h] += count;
      }
    }
    dense += count;
  }

  private void widen() {
    wide = new long[DENSE_HOURS];
    for (int i = 0; i < counts.length; i++) {
      wide[i] = counts[i];
    }
    counts = new int[0];
  }

  /** The count of gaps of {@code h} hours (below {@link #DENSE_HOURS}). */
  private long count(int h) {
    return wide != null ? wide[h] : h < counts.length ? counts[h] : 0;
  }

  /** The length of the dense counts in use. */
  private int denseLength() {
    return wide != null ? wide.length : counts.length;
  }

  private void addLong(long hours) {
    if (longCount == longGaps.length) {
      longGaps = Arrays.copyOf(longGaps, Math.max(4, longCount * 2));
    }
    longGaps[longCount++] = hours;
  }

  void merge(GapHistogram o) {
    int n = o.denseLength();
    int h = 0;
    if (wide == null && o.wide == null) {
      if (n > counts.length) {
        counts = Arrays.copyOf(counts, n);
      }
      for (; h < n; h++) {
        long c = (long) counts[h] + o.counts[h];
        if (c > Integer.MAX_VALUE) {
          break;
        }
        counts[h] = (int) c;
      }
    }
    if (h < n) {
      if (wide == null) {
        widen();
      }
      for (; h < n; h++) {
        wide[h] += o.count(h);
      }
    }
    dense += o.dense;
    for (int i = 0; i < o.longCount; i++) {
      addLong(o.longGaps[i]);
    }
  }

  /** Writes the gaps: the dense counts that are not 0 as (hours, count), then the long gaps in ascending order. */
  void write(ByteWriter out) {
    int bins = 0;
    for (int h = 0; h < denseLength(); h++) {
      bins += count(h) > 0 ? 1 : 0;
    }
    out.writeInt(bins);
    for (int h = 0; h < denseLength(); h++) {
      long c = count(h);
      if (c > 0) {
        out.writeInt(h);
        out.writeLong(c);
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
      add(h, c);
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
    for (int h = 0; h < denseLength(); h++) {
      seen += count(h);
      if (seen > rank) {
        return h;
      }
    }
    throw new IllegalStateException("rank out of range: " + rank);
  }
}
