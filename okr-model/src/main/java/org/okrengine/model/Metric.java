package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.optionalMagnitude;
import static org.okrengine.model.internal.Checks.requireMagnitude;
import static org.okrengine.model.internal.Checks.requireWellFormed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.okrengine.model.internal.Checks;
import org.okrengine.model.internal.CycleValidation;

/**
 * What a key result measures: a baseline, a target and a direction, in one unit, and optionally the physical bounds
 * of its values and the few levels it takes. Immutable and thread-safe.
 *
 * <p>Progress of {@code increase}, {@code decrease} and {@code achieve} is
 * {@code (value - baseline) / (target - baseline)}, which handles both signs; it is not clamped. The target of
 * {@code increase} lies above its baseline, that of {@code decrease} below (a document or caller saying otherwise
 * is refused: the direction is declared, not inferred from the two numbers). For {@code maintain-above} ({@code maintain-below}) progress is 1 on the right side of the target
 * (at or above, at or below); on the wrong side it is the fraction of the way from a baseline on the wrong side to
 * the target, or 0 without one.
 *
 * <p>Bounds and levels, all in the metric's unit:
 * <ul>
 *   <li>{@code min} and {@code max} are the physical bounds of any value (a percentage cannot pass 100, a count
 *       cannot go below 0); either may be null (unbounded on that side). The baseline and target lie within them.
 *       {@link #clamp} brings a value (a forecast, an interval's end) within them.
 *   <li>{@code levels} are the only values a few-level (ordinal) key result takes, such as zones 0, 1, 2, 3:
 *       ascending, distinct, 2 to 20 of them, within the bounds; the baseline and target lie within
 *       [first level, last level] (not necessarily on a level). Null when not declared.
 * </ul>
 * A measured value outside the bounds, or off the levels, is not rejected here: the model keeps data as given, and
 * the JSON reader warns about it.
 *
 * @param baseline the value at cycle start; null only for the maintain directions; 0 for {@code achieve}
 * @param target the value to reach or hold; at least {@link #MIN_SPAN} from the baseline; 1 for {@code achieve}
 * @param direction which way the value must move or stay
 * @param unit display unit, or null
 * @param min the lowest value the metric can physically take, or null when unbounded below
 * @param max the highest value the metric can physically take, or null when unbounded above
 * @param levels the only values the metric takes (ascending, distinct, 2 to 20), or null when not declared
 */
public record Metric(Double baseline, double target, Direction direction, String unit, Double min, Double max,
    List<Double> levels) {
  /** The fewest levels an ordinal metric declares. */
  public static final int MIN_LEVELS = 2;
  /** The most levels an ordinal metric declares. */
  public static final int MAX_LEVELS = 20;
  /**
   * The largest magnitude of a number of a metric or measured against it (baseline, target, min, max, levels,
   * check-in and final values, plan points): 1e15. Within it every difference of two values stays exact to about
   * 0.1 and every ratio to a span of at least {@link #MIN_SPAN} (a progress) stays within 2e24.
   */
  public static final double MAX_MAGNITUDE = 1e15;
  /** The smallest distance between the baseline and the target: 1e-9. */
  public static final double MIN_SPAN = 1e-9;

  /**
   * Validates and copies {@code levels}.
   *
   * @throws IllegalArgumentException when a number is not finite or beyond +-{@link #MAX_MAGNITUDE}, the baseline is
   *     missing for a direction that needs one, an {@code achieve} metric's baseline is not 0 or its target not 1,
   *     the target is closer to the baseline than {@link #MIN_SPAN} or on the wrong side of it for the direction
   *     (increase below, decrease above), {@code min} is not below {@code max}, the
   *     baseline or target lies outside the bounds or outside [first level, last level], or the levels are fewer
   *     than 2, more than 20, not strictly ascending or outside the bounds
   * @throws NullPointerException when {@code direction} or a level is null
   */
  public Metric {
    Objects.requireNonNull(direction, "direction must not be null");
    requireWellFormed(unit, "unit");
    optionalMagnitude(baseline, "baseline");
    requireMagnitude(target, "target");
    optionalMagnitude(min, "min");
    optionalMagnitude(max, "max");
    if (baseline == null && !direction.isMaintain()) {
      throw new IllegalArgumentException("baseline must be given for direction " + direction.jsonName());
    }
    if (direction == Direction.ACHIEVE && baseline != 0.0) {
      throw new IllegalArgumentException("baseline must be 0 for direction achieve: " + baseline);
    }
    if (direction == Direction.ACHIEVE && target != 1.0) {
      throw new IllegalArgumentException("target must be 1 for direction achieve: " + target);
    }
    if (baseline != null && baseline == target) {
      throw new IllegalArgumentException("target must differ from baseline: " + target);
    }
    if (baseline != null && !(Math.abs(target - baseline) >= MIN_SPAN)) {
      throw new IllegalArgumentException(
          "target must differ from baseline by at least 1e-9: " + target + " (baseline " + baseline + ")");
    }
    String side = baseline == null ? null : Checks.wrongSide(direction, baseline, target);
    if (side != null) {
      throw new IllegalArgumentException("target " + side);
    }
    if (min != null && max != null && !(min < max)) {
      throw new IllegalArgumentException("min must be below max: " + min + " >= " + max);
    }
    if (baseline != null) {
      requireWithin(baseline, "baseline", min, max);
    }
    requireWithin(target, "target", min, max);
    if (levels != null) {
      levels = copy(levels, "levels");
      requireLevels(levels, min, max);
      double first = levels.get(0);
      double last = levels.get(levels.size() - 1);
      if (baseline != null) {
        requireWithinLevels(baseline, "baseline", first, last);
      }
      requireWithinLevels(target, "target", first, last);
    }
  }

  /**
   * An unbounded metric without levels.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public Metric(Double baseline, double target, Direction direction, String unit) {
    this(baseline, target, direction, unit, null, null, null);
  }

  private static void requireWithin(double value, String name, Double min, Double max) {
    if (min != null && !(value >= min)) {
      throw new IllegalArgumentException(name + " must not be below min: " + value + " < " + min);
    }
    if (max != null && !(value <= max)) {
      throw new IllegalArgumentException(name + " must not be above max: " + value + " > " + max);
    }
  }

  private static void requireLevels(List<Double> levels, Double min, Double max) {
    if (!(levels.size() >= MIN_LEVELS && levels.size() <= MAX_LEVELS)) {
      throw new IllegalArgumentException(
          "levels must hold " + MIN_LEVELS + " to " + MAX_LEVELS + " values: " + levels.size());
    }
    for (int i = 0; i < levels.size(); i++) {
      double level = requireMagnitude(levels.get(i), "levels[" + i + "]");
      if (i > 0 && !(level > levels.get(i - 1))) {
        throw new IllegalArgumentException(
            "levels[" + i + "] must be above levels[" + (i - 1) + "]: " + level + " <= " + levels.get(i - 1));
      }
      requireWithin(level, "levels[" + i + "]", min, max);
    }
  }

  private static void requireWithinLevels(double value, String name, double first, double last) {
    if (!(value >= first)) {
      throw new IllegalArgumentException(name + " must not be below the first level: " + value + " < " + first);
    }
    if (!(value <= last)) {
      throw new IllegalArgumentException(name + " must not be above the last level: " + value + " > " + last);
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

  /**
   * A builder of an {@code increase} metric from {@code baseline} up to {@code target}, in the metric's unit
   * ({@code Metric.increase(1.2, 2.0).unit("M EUR")}); nothing is checked before {@link Builder#build} or the build of
   * the key result or cycle it goes into, which list every problem.
   */
  public static Builder increase(double baseline, double target) {
    return new Builder(Direction.INCREASE).baseline(baseline).target(target);
  }

  /** A builder of a {@code decrease} metric from {@code baseline} down to {@code target}; see {@link #increase}. */
  public static Builder decrease(double baseline, double target) {
    return new Builder(Direction.DECREASE).baseline(baseline).target(target);
  }

  /** A builder of a {@code maintain-above} metric: stay at or above {@code target}; see {@link #increase}. */
  public static Builder maintainAbove(double target) {
    return new Builder(Direction.MAINTAIN_ABOVE).target(target);
  }

  /** A builder of a {@code maintain-below} metric: stay at or below {@code target}; see {@link #increase}. */
  public static Builder maintainBelow(double target) {
    return new Builder(Direction.MAINTAIN_BELOW).target(target);
  }

  /** A builder of a metric of {@code direction}, with no baseline or target yet; see {@link #increase}. */
  public static Builder builder(Direction direction) {
    return new Builder(direction);
  }

  /** A builder holding this metric's fields. */
  public Builder toBuilder() {
    Builder b = new Builder(direction).target(target).unit(unit).min(min).max(max);
    b.baseline = baseline;
    b.levels = levels;
    return b;
  }

  /**
   * Builds a {@link Metric} field by field, as {@code okr-cycle/1} writes one. {@link #build} checks every rule the
   * JSON reader checks and lists every problem at once ({@code metric.target: must differ from baseline (both 5.0)});
   * a {@link KeyResult.Builder} or {@link OkrCycle.Builder} it is given to checks it again within its item.
   *
   * <p>Not thread-safe: use a builder from one thread. What it builds is immutable and thread-safe.
   */
  public static final class Builder {
    private Direction direction;
    private Double baseline;
    private Double target;
    private String unit;
    private Double min;
    private Double max;
    private List<Double> levels;

    private Builder(Direction direction) {
      this.direction = direction;
    }

    /** Which way the value must move or stay. */
    public Builder direction(Direction direction) {
      this.direction = direction;
      return this;
    }

    /** The value at cycle start, in the metric's unit; null for none (only the maintain directions). */
    public Builder baseline(Double baseline) {
      this.baseline = baseline;
      return this;
    }

    /** The value to reach or hold, in the metric's unit. */
    public Builder target(double target) {
      this.target = target;
      return this;
    }

    /** The display unit ({@code "signups"}, {@code "%"}), or null. */
    public Builder unit(String unit) {
      this.unit = unit;
      return this;
    }

    /** The lowest value the metric can physically take, or null when unbounded below. */
    public Builder min(Double min) {
      this.min = min;
      return this;
    }

    /** The highest value the metric can physically take, or null when unbounded above. */
    public Builder max(Double max) {
      this.max = max;
      return this;
    }

    /** The only values a few-level key result takes, ascending (2 to 20 of them). */
    public Builder levels(double... levels) {
      List<Double> list = new ArrayList<>(levels.length);
      for (double level : levels) {
        list.add(level);
      }
      this.levels = list;
      return this;
    }

    Builder copy() {
      Builder b = new Builder(direction);
      b.baseline = baseline;
      b.target = target;
      b.unit = unit;
      b.min = min;
      b.max = max;
      b.levels = levels == null ? null : new ArrayList<>(levels);
      return b;
    }

    /** The metric's fields as {@code okr-cycle/1} writes them. */
    Map<String, Object> tree() {
      Map<String, Object> t = Built.object();
      Built.put(t, "baseline", baseline);
      Built.put(t, "target", target);
      Built.put(t, "direction", direction == null ? null : direction.jsonName());
      Built.put(t, "unit", unit);
      Built.put(t, "min", min);
      Built.put(t, "max", max);
      Built.put(t, "levels", levels == null ? null : new ArrayList<Object>(levels));
      return t;
    }

    /**
     * The metric.
     *
     * @throws InvalidCycleException listing every problem, each naming the field
     *     ({@code metric.target: must differ from baseline (both 5.0)})
     */
    public Metric build() {
      Built.Names names = new Built.Names("metric").add("", null, null);
      return Built.read(CycleValidation.Element.METRIC, tree(), names, Metric.class);
    }
  }

  /** The baseline, or the target where a maintain metric has none. */
  public double baselineOrTarget() {
    return baseline != null ? baseline : target;
  }

  /**
   * {@code value} brought within [{@code min}, {@code max}], in the metric's unit: {@code min} below it, {@code max}
   * above it, {@code value} itself in between or where the metric is unbounded on that side. NaN stays NaN.
   */
  public double clamp(double value) {
    if (min != null && value < min) {
      return min;
    }
    if (max != null && value > max) {
      return max;
    }
    return value;
  }

  /** Whether the metric declares its {@link #levels} (a few-level, ordinal key result). */
  public boolean isOrdinal() {
    return levels != null;
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
