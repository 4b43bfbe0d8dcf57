package org.okrengine.model;

import java.util.Optional;

/**
 * A named curve for the expected share of a key result's way from baseline to target over the cycle.
 * Immutable and thread-safe.
 */
public enum PlanShape {
  /** Even pace: f(x) = x. */
  LINEAR("linear"),
  /** Slow start, fast middle, slow finish: f(x) = 3x^2 - 2x^3 (smoothstep). */
  S_CURVE("s-curve"),
  /** Most of the way early: f(x) = 1 - (1 - x)^2. */
  FRONT_LOADED("front-loaded"),
  /** Most of the way late: f(x) = x^2. */
  BACK_LOADED("back-loaded");

  private final String jsonName;

  PlanShape(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in {@code okr-cycle/1}. */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The expected share (0..1) of the way from baseline to target at elapsed fraction {@code x} of the cycle;
   * {@code x} is clamped to [0, 1].
   */
  public double fraction(double x) {
    double t = Math.min(1.0, Math.max(0.0, x));
    switch (this) {
      case S_CURVE:
        return t * t * (3 - 2 * t);
      case FRONT_LOADED:
        return 1 - (1 - t) * (1 - t);
      case BACK_LOADED:
        return t * t;
      default:
        return t;
    }
  }

  /** The shape with the given {@code okr-cycle/1} name, or empty. */
  public static Optional<PlanShape> fromJsonName(String name) {
    for (PlanShape s : values()) {
      if (s.jsonName.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
