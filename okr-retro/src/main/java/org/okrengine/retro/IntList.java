package org.okrengine.retro;

import java.util.Arrays;

/** A growable list of ints; medians are taken on a sorted copy, so the insertion order never matters. */
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

  /** The median divided by {@code scale}, or null when empty; exact for a given multiset of values. */
  Double median(double scale) {
    if (size == 0) {
      return null;
    }
    int[] s = Arrays.copyOf(values, size);
    Arrays.sort(s);
    long twice = size % 2 == 1 ? 2L * s[size / 2] : (long) s[size / 2 - 1] + s[size / 2];
    return twice / (2 * scale);
  }
}
