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
    if (size + o.size > values.length) {
      values = Arrays.copyOf(values, Math.max(size + o.size, values.length * 2));
    }
    System.arraycopy(o.values, 0, values, size, o.size);
    size += o.size;
  }

  int size() {
    return size;
  }

  /** The values' sum. */
  long sum() {
    long sum = 0;
    for (int i = 0; i < size; i++) {
      sum += values[i];
    }
    return sum;
  }

  /** The number of values below {@code bound}. */
  long countBelow(int bound) {
    long n = 0;
    for (int i = 0; i < size; i++) {
      n += values[i] < bound ? 1 : 0;
    }
    return n;
  }

  /** Writes the values in ascending order (sorting them here: the multiset is what counts, not the order). */
  void write(ByteWriter out) {
    Arrays.sort(values, 0, size);
    out.writeInt(size);
    for (int i = 0; i < size; i++) {
      out.writeInt(values[i]);
    }
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

  /** The median divided by {@code scale}, or null when empty; exact for a given multiset of values. */
  Double median(double scale) {
    if (size == 0) {
      return null;
    }
    int[] s = Arrays.copyOf(values, size);
    long twice = size % 2 == 1 ? 2L * select(s, size / 2) : (long) select(s, size / 2 - 1) + select(s, size / 2);
    return twice / (2 * scale);
  }

  /** The value of rank {@code k} (0-based) in sorted order: quickselect with a three-way partition. */
  static int select(int[] a, int k) {
    int lo = 0;
    int hi = a.length - 1;
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
