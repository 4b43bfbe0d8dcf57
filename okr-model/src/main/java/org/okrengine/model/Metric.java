package org.okrengine.model;

import static org.okrengine.model.internal.Checks.optionalFinite;
import static org.okrengine.model.internal.Checks.requireFinite;

import java.util.Objects;

/**
 * What a key result measures: a baseline, a target and a direction, in one unit. Immutable and thread-safe.
 *
 * <p>Progress of {@code increase}, {@code decrease} and {@code achieve} is
 * {@code (value - baseline) / (target - baseline)}, which handles both signs and targets below the baseline; it is
 * not clamped. For {@code maintain-above} ({@code maintain-below}) progress is 1 on the right side of the target
 * (at or above, at or below); on the wrong side it is the fraction of the way from a baseline on the wrong side to
 * the target, or 0 without one.
 *
 * @param baseline the value at cycle start; null only for the maintain directions
 * @param target the value to reach or hold; differs from the baseline
 * @param direction which way the value must move or stay
 * @param unit display unit, or null
 */
public record Metric(Double baseline, double target, Direction direction, String unit) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a number is not finite, the baseline is missing for a direction that needs
   *     one, or the target equals the baseline
   */
  public Metric {
    Objects.requireNonNull(direction, "direction must not be null");
    optionalFinite(baseline, "baseline");
    requireFinite(target, "target");
    if (baseline == null && !direction.isMaintain()) {
      throw new IllegalArgumentException("baseline must be given for direction " + direction.jsonName());
    }
    if (baseline != null && baseline == target) {
      throw new IllegalArgumentException("target must differ from baseline: " + target);
    }
  }

  /** An increase or decrease metric from {@code baseline} to {@code target}, direction from their order. */
  public static Metric of(double baseline, double target, String unit) {
    return new Metric(baseline, target, target > baseline ? Direction.INCREASE : Direction.DECREASE, unit);
  }

  /** A binary metric: baseline 0, target 1. */
  public static Metric achieve() {
    return new Metric(0.0, 1.0, Direction.ACHIEVE, null);
  }

  /** The baseline, or the target where a maintain metric has none. */
  public double baselineOrTarget() {
    return baseline != null ? baseline : target;
  }

  /** Progress of {@code value} toward the target (1.0 = met); unclamped, see the class description. */
  public double progress(double value) {
    switch (direction) {
      case MAINTAIN_ABOVE:
        if (value >= target) {
          return 1.0;
        }
        return baseline != null && baseline < target ? ratio(value, baseline, target) : 0.0;
      case MAINTAIN_BELOW:
        if (value <= target) {
          return 1.0;
        }
        return baseline != null && baseline > target ? ratio(value, baseline, target) : 0.0;
      default:
        return ratio(value, baseline, target);
    }
  }

  /** (value - from) / (to - from) on halves, so that no difference of finite doubles overflows. */
  private static double ratio(double value, double from, double to) {
    return (0.5 * value - 0.5 * from) / (0.5 * to - 0.5 * from);
  }

  /** The value at progress {@code progress} (the inverse of {@link #progress} for reach directions). */
  public double valueAt(double progress) {
    double b = baselineOrTarget();
    if (baseline == null) {
      return target;
    }
    return b + progress * (target - b);
  }

  /** Whether {@code value} meets the target: reached it, or is on its right side for the maintain directions. */
  public boolean isMet(double value) {
    switch (direction) {
      case MAINTAIN_ABOVE:
        return value >= target;
      case MAINTAIN_BELOW:
        return value <= target;
      default:
        return progress(value) >= 1.0;
    }
  }

  /** A Google-style score from 0.0 to 1.0: progress clamped to that range ({@code achieve}: 0 or 1). */
  public double score(double value) {
    if (direction == Direction.ACHIEVE) {
      return isMet(value) ? 1.0 : 0.0;
    }
    double p = progress(value);
    return p >= 1.0 ? 1.0 : Math.max(0.0, p);
  }
}
