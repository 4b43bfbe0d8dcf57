package org.okrengine.retro;

import java.util.Arrays;

/**
 * A multiset of non-negative gaps in whole hours, for their median: exact for every gap, in memory independent of
 * how far apart the gaps are. Mutable; not thread-safe.
 */
final class GapHistogram {
  /*
   * Gaps below DENSE_HOURS are counted in a dense array, grown to the largest such gap seen (at least FIRST, at most
   * DENSE_HOURS entries); longer gaps, rare in real cadences (a quarter is 2,184 hours), are kept one by one, 8 bytes
   * each, and sorted only when the median is taken. A check-in dated thousands of years away therefore costs 8 bytes,
   * not a count for every hour up to it, and its gap is still exact: a median that falls among the long gaps is read
   * from the sorted list. Memory is O(min(largest gap, DENSE_HOURS) + number of long gaps).
   *
   * The counts start as unsigned bytes: a team's few thousand gaps a quarter spread over a thousand or so hours count
   * a few each, and a team's histogram is then at most 2 KB (it was 8 KB of ints: with thousands of teams, tens of
   * megabytes to allocate, zero and keep). A count that would pass 255 moves the counts to ints, and one that would
   * pass Integer.MAX_VALUE (two billion gaps of one length, as merged partitions could reach) to longs, for good.
   */
  /** Gaps below this many hours (85 days and 8 hours) are counted in the dense array. */
  static final int DENSE_HOURS = 2048;
  /** The dense array's least length: gaps of up to 10 days and 16 hours. */
  private static final int FIRST = 256;
  private static final byte[] NO_BYTES = new byte[0];

  /** The counts while all are at most 255 (unsigned), else empty. */
  private byte[] bytes = NO_BYTES;
  /** The counts once one of them passed 255, until one passes Integer.MAX_VALUE; else null. */
  private int[] counts;
  /** The counts once one of them passed Integer.MAX_VALUE, else null. */
  private long[] wide;
  /** Gaps counted in the dense counts. */
  private long dense;
  /** Gaps of {@link #DENSE_HOURS} or more, in no order. */
  private long[] longGaps = new long[0];
  private int longCount;

  /** Adds a gap of {@code hours} (0 or more). */
  void add(long hours) {
    if (hours < bytes.length) {
      int h = (int) hours;
      int c = bytes[h] & 0xFF;
      if (c != 0xFF) {
        bytes[h] = (byte) (c + 1);
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

  /**
   * Adds the gaps between consecutive times of {@code seconds[first .. end)} (ascending, in seconds), each rounded to
   * whole hours: {@code (later - earlier + 1800) / 3600}.
   */
  void addGaps(long[] seconds, int first, int end) {
    byte[] b = bytes;
    int added = 0;
    int c = first + 1;
    for (; c < end; c++) {
      long hours = (seconds[c] - seconds[c - 1] + 1800) / 3600;
      if (hours >= b.length) {
        break;
      }
      int h = (int) hours;
      int count = b[h] & 0xFF;
      if (count == 0xFF) {
        break;
      }
      b[h] = (byte) (count + 1);
      added++;
    }
    dense += added;
    for (; c < end; c++) {
      add((seconds[c] - seconds[c - 1] + 1800) / 3600);
    }
  }

  /** The length a dense array grows to so that it holds hour {@code h}: doubling, within [FIRST, DENSE_HOURS]. */
  private static int grown(int length, int h) {
    return Math.min(DENSE_HOURS, Math.max(h + 1, Math.max(FIRST, length * 2)));
  }

  /** Adds {@code count} (at least 1) gaps of {@code h} hours, below {@link #DENSE_HOURS}. */
  private void add(int h, long count) {
    if (counts == null && wide == null) {
      if (h >= bytes.length) {
        bytes = Arrays.copyOf(bytes, grown(bytes.length, h));
      }
      long c = (bytes[h] & 0xFF) + count;
      if (c <= 0xFF) {
        bytes[h] = (byte) c;
        dense += count;
        return;
      }
      toInts();
    }
    if (wide != null) {
      wide[h] += count;
    } else {
      if (h >= counts.length) {
        counts = Arrays.copyOf(counts, grown(counts.length, h));
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

  /** Moves the byte counts to ints. */
  private void toInts() {
    counts = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      counts[i] = bytes[i] & 0xFF;
    }
    bytes = NO_BYTES;
  }

  /** Moves the counts to longs. */
  private void widen() {
    if (counts == null) {
      toInts();
    }
    wide = new long[DENSE_HOURS];
    for (int i = 0; i < counts.length; i++) {
      wide[i] = counts[i];
    }
    counts = null;
  }

  /** The count of gaps of {@code h} hours (below {@link #DENSE_HOURS}). */
  private long count(int h) {
    if (wide != null) {
      return wide[h];
    }
    if (counts != null) {
      return h < counts.length ? counts[h] : 0;
    }
    return h < bytes.length ? bytes[h] & 0xFF : 0;
  }

  /** The length of the dense counts in use. */
  private int denseLength() {
    return wide != null ? wide.length : counts != null ? counts.length : bytes.length;
  }

  private void addLong(long hours) {
    if (longCount == longGaps.length) {
      longGaps = Arrays.copyOf(longGaps, Math.max(4, longCount * 2));
    }
    longGaps[longCount++] = hours;
  }

  void merge(GapHistogram o) {
    int n = o.denseLength();
    if (counts == null && wide == null && dense + o.dense > 0xFF) {
      toInts(); // a sum of counts could pass 255
    }
    if (counts == null && wide == null) {
      // every count of both is at most dense + o.dense, which is at most 255
      if (n > bytes.length) {
        bytes = Arrays.copyOf(bytes, n);
      }
      for (int h = 0; h < n; h++) {
        bytes[h] = (byte) ((bytes[h] & 0xFF) + o.count(h));
      }
    } else {
      int h = 0;
      if (wide == null) {
        if (n > counts.length) {
          counts = Arrays.copyOf(counts, n);
        }
        for (; h < n; h++) {
          long c = counts[h] + o.count(h);
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
