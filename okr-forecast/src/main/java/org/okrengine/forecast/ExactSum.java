package org.okrengine.forecast;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The exact sum of doubles, rounded once (to nearest, ties to even) when read: the same result in any order of adding
 * and merging, which a running {@code double} sum does not give. Every finite double is an integer multiple of
 * 2<sup>-1074</sup>; the sum is kept as that integer in 32-bit limbs held in longs, so adding is a few integer
 * operations. Infinities and NaN are counted apart and give what a double sum would (NaN when both infinities meet).
 * Mutable; not thread-safe.
 */
final class ExactSum {
  /** Limbs: the highest bit position of a finite double is 2045 + 52; three spare limbs take the carries. */
  private static final int LIMBS = 70;
  private static final long MASK = 0xFFFF_FFFFL;
  /** Adds between carry propagations: each add puts less than 2^33 into a limb, so 2^29 adds stay below 2^62. */
  private static final int NORMALIZE_EVERY = 1 << 29;

  private final long[] limbs = new long[LIMBS];
  private int pending;
  private long nan;
  private long positiveInfinity;
  private long negativeInfinity;

  /** Adds {@code v}. */
  void add(double v) {
    long bits = Double.doubleToRawLongBits(v);
    int e = (int) ((bits >>> 52) & 0x7FF);
    if (e == 0x7FF) {
      if (Double.isNaN(v)) {
        nan++;
      } else if (v > 0) {
        positiveInfinity++;
      } else {
        negativeInfinity++;
      }
      return;
    }
    long m = bits & 0x000F_FFFF_FFFF_FFFFL;
    if (m == 0 && e == 0) {
      return;
    }
    int p = 0;
    if (e != 0) {
      m |= 1L << 52;
      p = e - 1;
    }
    // v = m * 2^(p - 1074)
    int i = p >>> 5;
    int off = p & 31;
    long lo = (m & MASK) << off;
    long hi = (m >>> 32) << off;
    if (bits < 0) {
      limbs[i] -= lo & MASK;
      limbs[i + 1] -= (lo >>> 32) + (hi & MASK);
      limbs[i + 2] -= hi >>> 32;
    } else {
      limbs[i] += lo & MASK;
      limbs[i + 1] += (lo >>> 32) + (hi & MASK);
      limbs[i + 2] += hi >>> 32;
    }
    if (++pending >= NORMALIZE_EVERY) {
      normalize();
    }
  }

  /** Adds everything {@code other} holds. */
  void merge(ExactSum other) {
    other.normalize();
    normalize();
    for (int i = 0; i < LIMBS; i++) {
      limbs[i] += other.limbs[i];
    }
    nan += other.nan;
    positiveInfinity += other.positiveInfinity;
    negativeInfinity += other.negativeInfinity;
    pending = 1;
  }

  /** Carries so that every limb but the last is within [0, 2^32). */
  private void normalize() {
    for (int i = 0; i < LIMBS - 1; i++) {
      long carry = limbs[i] >> 32;
      limbs[i] -= carry << 32;
      limbs[i + 1] += carry;
    }
    pending = 0;
  }

  /** The sum rounded to the nearest double. */
  double value() {
    if (nan > 0 || (positiveInfinity > 0 && negativeInfinity > 0)) {
      return Double.NaN;
    }
    if (positiveInfinity > 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (negativeInfinity > 0) {
      return Double.NEGATIVE_INFINITY;
    }
    normalize();
    long[] mag = limbs.clone();
    boolean negative = mag[LIMBS - 1] < 0;
    if (negative) {
      // two's complement negation over the limbs
      long carry = 1;
      for (int i = 0; i < LIMBS; i++) {
        long x = (~mag[i] & MASK) + carry;
        mag[i] = x & MASK;
        carry = x >>> 32;
      }
    }
    int top = LIMBS - 1;
    while (top >= 0 && mag[top] == 0) {
      top--;
    }
    if (top < 0) {
      return 0.0;
    }
    int length = 32 * top + 64 - Long.numberOfLeadingZeros(mag[top]); // bits of the integer
    // the top 64 bits of the integer, the bits below folded into the lowest one (sticky) for correct rounding
    long head = 0;
    boolean sticky = false;
    for (int i = top; i >= 0; i--) {
      int left = 64 - length + 32 * i; // where limb i lands within the top 64 bits
      if (left >= 64) {
        continue;
      }
      if (left >= 0) {
        head |= mag[i] << left;
      } else if (left > -32) {
        head |= mag[i] >>> -left;
        sticky |= (mag[i] & ((1L << -left) - 1)) != 0;
      } else {
        sticky |= mag[i] != 0;
      }
    }
    if (sticky) {
      head |= 1;
    }
    double d = (double) ((head >>> 1) | (head & 1)) * 2.0;
    double r = Math.scalb(d, length - 64 - 1074);
    return negative ? -r : r;
  }

  /**
   * The counts of NaNs and infinities added, in words ({@code "NaN -1, +Infinity 0, -Infinity 0"}), or null when there
   * are none: for a sum of finite terms read back ({@link #mergeFrom}), any count there is damage, a negative one
   * too, which {@link #value} does not show.
   */
  String specialCounts() {
    return nan == 0 && positiveInfinity == 0 && negativeInfinity == 0 ? null
        : "NaN " + nan + ", +Infinity " + positiveInfinity + ", -Infinity " + negativeInfinity;
  }

  void writeTo(DataOutput out) throws IOException {
    normalize();
    int top = LIMBS - 1;
    while (top >= 0 && limbs[top] == 0) {
      top--;
    }
    int bottom = 0;
    while (bottom <= top && limbs[bottom] == 0) {
      bottom++;
    }
    out.writeShort(bottom);
    out.writeShort(top + 1 - bottom);
    for (int i = bottom; i <= top; i++) {
      out.writeLong(limbs[i]);
    }
    out.writeLong(nan);
    out.writeLong(positiveInfinity);
    out.writeLong(negativeInfinity);
  }

  /** Adds a sum written by {@link #writeTo}. */
  void mergeFrom(DataInput in) throws IOException {
    normalize();
    int bottom = in.readShort();
    int count = in.readShort();
    if (bottom < 0 || count < 0 || bottom + count > LIMBS) {
      throw new IOException("not an exact sum: limbs " + bottom + "+" + count);
    }
    for (int i = bottom; i < bottom + count; i++) {
      limbs[i] += in.readLong();
    }
    nan += in.readLong();
    positiveInfinity += in.readLong();
    negativeInfinity += in.readLong();
    pending = 1;
  }
}
