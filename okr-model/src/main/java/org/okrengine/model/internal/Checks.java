package org.okrengine.model.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.okrengine.model.Metric;

/**
 * Argument checks shared by the model's constructors; messages name the parameter, the rule and the value.
 * Not part of the API (this package is not exported). Stateless and thread-safe.
 */
public final class Checks {
  private Checks() {}

  /** Returns {@code value} when it is a non-blank string. */
  public static String requireId(String value, String name) {
    Objects.requireNonNull(value, () -> name + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** Returns {@code value} when it is null or a non-blank string. */
  public static String optionalId(String value, String name) {
    return value == null ? null : requireId(value, name);
  }

  /** Returns {@code value} when it is finite. */
  public static double requireFinite(double value, String name) {
    if (Double.isFinite(value)) {
      return value;
    }
    throw new IllegalArgumentException(name + " must be finite: " + value);
  }

  /** Returns {@code value} when it is null or finite. */
  public static Double optionalFinite(Double value, String name) {
    return value == null ? null : requireFinite(value, name);
  }

  /** How messages write the range of {@link Metric#MAX_MAGNITUDE}. */
  public static final String MAGNITUDE_RANGE = "-1e15..1e15";

  /** Returns {@code value} when it is finite and within +-{@link Metric#MAX_MAGNITUDE}. */
  public static double requireMagnitude(double value, String name) {
    requireFinite(value, name);
    if (value >= -Metric.MAX_MAGNITUDE && value <= Metric.MAX_MAGNITUDE) {
      return value;
    }
    throw new IllegalArgumentException(name + " must be within " + MAGNITUDE_RANGE + ": " + value);
  }

  /** Returns {@code value} when it is null or finite and within +-{@link Metric#MAX_MAGNITUDE}. */
  public static Double optionalMagnitude(Double value, String name) {
    return value == null ? null : requireMagnitude(value, name);
  }

  /** Returns {@code value} when it is within [0, 1]. */
  public static double requireUnit(double value, String name) {
    if (value >= 0 && value <= 1) {
      return value;
    }
    throw new IllegalArgumentException(name + " must be within 0..1: " + value);
  }

  /** Returns {@code value} when it is null or within [0, 1]. */
  public static Double optionalUnit(Double value, String name) {
    return value == null ? null : requireUnit(value, name);
  }

  /** Returns an immutable copy of {@code list}, which must not be null nor hold nulls. */
  public static <T> List<T> copy(List<T> list, String name) {
    Objects.requireNonNull(list, () -> name + " must not be null");
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new NullPointerException(name + "[" + i + "] must not be null");
      }
    }
    return List.copyOf(list);
  }

  /**
   * An unmodifiable copy of named evidence in name order; each name must be an id and each number finite.
   *
   * @throws NullPointerException when the map or a number is null
   * @throws IllegalArgumentException when a name is blank or a number is not finite, naming it
   */
  public static Map<String, Double> evidence(Map<String, Double> evidence) {
    Objects.requireNonNull(evidence, "evidence must not be null");
    TreeMap<String, Double> sorted = new TreeMap<>();
    for (Map.Entry<String, Double> e : evidence.entrySet()) {
      Objects.requireNonNull(e.getValue(), () -> "evidence." + e.getKey() + " must not be null");
      sorted.put(requireId(e.getKey(), "evidence name"), requireFinite(e.getValue(), "evidence." + e.getKey()));
    }
    return Collections.unmodifiableMap(sorted);
  }
}
