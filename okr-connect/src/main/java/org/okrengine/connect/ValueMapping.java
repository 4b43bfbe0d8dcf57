package org.okrengine.connect;

/**
 * How a source's raw number becomes the key result's value: {@code raw * scale + offset} (for example a ratio
 * 0..1 into percent with {@code scale} 100). Immutable and thread-safe.
 *
 * @param scale the factor; finite and not 0
 * @param offset added after scaling; finite
 */
public record ValueMapping(double scale, double offset) {
  /** The identity: scale 1, offset 0. */
  public static final ValueMapping IDENTITY = new ValueMapping(1, 0);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when scale is 0 or not finite, or offset is not finite
   */
  public ValueMapping {
    if (!(Double.isFinite(scale) && scale != 0)) {
      throw new IllegalArgumentException("scale must be finite and not 0: " + scale);
    }
    if (!Double.isFinite(offset)) {
      throw new IllegalArgumentException("offset must be finite: " + offset);
    }
  }

  /** {@code raw * scale + offset}. */
  public double apply(double raw) {
    return raw * scale + offset;
  }
}
