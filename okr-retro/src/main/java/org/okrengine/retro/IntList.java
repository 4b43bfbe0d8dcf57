package org.okrengine.retro;

import java.util.Arrays;

/** A growable list of ints; medians are selected from a copy, so the insertion order never matters. */
final class IntList {
  private int[] values = new int[4];
  private int size;

  void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  void addAll(IntList o) {
    if (o.size == 0) {
      return;
    }
    if (size + o.size > values.length) {
      values = Arrays.copyOf(values, Math.max(size + o.size, values.length * 2));
    }
    System.arraycopy(o.values, 0, values, size, o.size);
    size += o.size;
  }

  int size() {
    return size;
  }

  /** Makes room for {@code n} values in all, so that adding up to that many copies nothing. */
  void ensureCapacity(int n) {
    if (n > values.length) {
      values = Arrays.copyOf(values, n);
    }
  }

  int get(int i) {
    return values[i];
  }

  /** The array holding the values, the first {@link #size} of them; for reading in a loop, not for keeping. */
  int[] array() {
    return values;
  }

  /** The values' sum. */
  long sum() {
    long sum = 0;
    for (int i = 0; i < size; i++) {
      sum += values[i];
    }
    return sum;
  }

  /** Writes the values in ascending order (sorting them here: the multiset is what counts, not the order). */
  void write(ByteWriter out) {
    sort();
    out.writeInt(size);
    for (int i = 0; i < size; i++) {
      out.writeInt(values[i]);
    }
  }

  /**
   * Sorts the values (non-negative) in place: a least-significant-digit radix sort of 11 bits a pass for long lists
   * (two passes for packed scores below 2^22, a million of them in a few milliseconds), the JDK's sort for short ones.
   */
  void sort() {
    if (size < IntList.COUNTED) {
      Arrays.sort(values, 0, size);
      return;
    }
    int max = 0;
    for (int i = 0; i < size; i++) {
      max = Math.max(max, values[i]);
    }
    int[] from = values;
    int[] to = new int[values.length];
    int[] counts = new int[1 << 11];
    for (int shift = 0; shift < 32 && (max >>> shift) > 0; shift += 11) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < size; i++) {
        counts[(from[i] >>> shift) & 0x7FF]++;
      }
      int sum = 0;
      for (int b = 0; b < counts.length; b++) {
        int c = counts[b];
        counts[b] = sum;
        sum += c;
      }
      for (int i = 0; i < size; i++) {
        int v = from[i];
        to[counts[(v >>> shift) & 0x7FF]++] = v;
      }
      int[] t = from;
      from = to;
      to = t;
    }
    values = from;
  }

  /** Reads what {@link #write} wrote into this empty list: ascending values within {@code [min, max]}. */
  void read(ByteReader in, String what, int min, int max) {
    int n = in.readSize(what, 4);
    int[] read = new int[Math.max(4, n)];
    int previous = min;
    for (int i = 0; i < n; i++) {
      int v = in.readInt();
      if (!(v >= previous && v <= max)) {
        throw in.corrupt(what + " must be ascending within [" + min + ", " + max + "]: " + v + " at byte "
            + (in.position() - 4));
      }
      read[i] = v;
      previous = v;
    }
    values = read;
    size = n;
  }

  /**
   * The median of the values shifted right by {@code shift} (unsigned), divided by {@code scale} (the mean of the
   * middle two of an even count), or null when empty; exact for a given multiset of values. The values must be
   * non-negative (the shift then keeps their order). {@code scratch} holds at least {@link #size} values (it is
   * overwritten).
   */
  Double median(double scale, int shift, int[] scratch) {
    if (size == 0) {
      return null;
    }
    long twice = size < COUNTED ? middleTwo(scratch, shift) : middleTwoCounted(scratch, shift);
    return twice / (2 * scale);
  }

  /** The sum of the two middle values (twice the middle one of an odd count), shifted: by quickselect. */
  private long middleTwo(int[] scratch, int shift) {
    System.arraycopy(values, 0, scratch, 0, size);
    int k = (size - 1) / 2;
    int lo = select(scratch, size, k);
    if (size % 2 == 1) {
      return 2L * (lo >>> shift);
    }
    // select leaves every value after rank k no smaller than it: rank k + 1 is the least of them
    int hi = Integer.MAX_VALUE;
    for (int i = k + 1; i < size; i++) {
      hi = Math.min(hi, scratch[i]);
    }
    return (long) (lo >>> shift) + (hi >>> shift);
  }

  /*
   * A long list's median by counting: the values' top BUCKET_BITS bits (of those the largest value has) name a
   * bucket; one pass counts the buckets, a second copies out the bucket holding the middle rank, and quickselect runs
   * on that bucket alone. Two sequential passes instead of quickselect's four or so over the whole list, with their
   * swaps and mispredicted branches: the report's medians of a million scores each take a third of the time.
   */
  /** Lists at least this long take their median by counting. */
  static final int COUNTED = 4096;
  private static final int BUCKET_BITS = 12;

  /** As {@link #middleTwo}, by counting. */
  private long middleTwoCounted(int[] scratch, int shift) {
    int max = 0;
    for (int i = 0; i < size; i++) {
      max = Math.max(max, values[i]);
    }
    int s = Math.max(0, 32 - Integer.numberOfLeadingZeros(max) - BUCKET_BITS);
    int[] counts = new int[(max >>> s) + 1];
    for (int i = 0; i < size; i++) {
      counts[values[i] >>> s]++;
    }
    int k = (size - 1) / 2;
    int b = 0;
    int before = 0;
    while (before + counts[b] <= k) {
      before += counts[b++];
    }
    int m = 0;
    for (int i = 0; i < size; i++) {
      int v = values[i];
      if (v >>> s == b) {
        scratch[m++] = v;
      }
    }
    int lo = select(scratch, m, k - before);
    if (size % 2 == 1) {
      return 2L * (lo >>> shift);
    }
    int hi = Integer.MAX_VALUE;
    if (k + 1 - before < m) {
      for (int i = k + 1 - before; i < m; i++) {
        hi = Math.min(hi, scratch[i]); // as in middleTwo: after select, the least of those after rank k
      }
    } else {
      int next = b + 1;
      while (counts[next] == 0) {
        next++;
      }
      for (int i = 0; i < size; i++) {
        int v = values[i];
        if (v >>> s == next) {
          hi = Math.min(hi, v);
        }
      }
    }
    return (long) (lo >>> shift) + (hi >>> shift);
  }

  /** The median of the values as they are, as {@link #median(double, int, int[])}. */
  Double median(double scale, int[] scratch) {
    return median(scale, 0, scratch);
  }

  /** The median as {@link #median(double, int[])}, with scratch of its own. */
  Double median(double scale) {
    return median(scale, new int[size]);
  }

  /**
   * The value of rank {@code k} (0-based) in sorted order of {@code a[0 .. n)}: quickselect with a three-way
   * partition. Leaves {@code a} reordered so that no value after position {@code k} is smaller than it.
   */
  static int select(int[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int pivot = median3(a[lo], a[lo + (hi - lo) / 2], a[hi]);
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        if (a[i] < pivot) {
          swap(a, lt++, i++);
        } else if (a[i] > pivot) {
          swap(a, i, gt--);
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt - 1;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return pivot;
      }
    }
    return a[lo];
  }

  private static int median3(int a, int b, int c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
