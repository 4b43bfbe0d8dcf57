package org.okrengine.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Numbers and flat objects of numbers for the JSON documents of this module. Stateless and thread-safe. */
final class JsonNumbers {
  private JsonNumbers() {}

  /**
   * {@code v} as a JSON number (whole numbers with {@code .0}, as Java writes a double; -0.0, the progress of a
   * decrease key result at its baseline, as 0.0), or {@code null}.
   */
  static String number(Double v) {
    if (v == null) {
      return "null";
    }
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("v must be finite: " + v);
    }
    return Double.toString(v == 0 ? 0.0 : v);
  }

  /**
   * Checks that {@code v}, where given, is a number {@link #number} writes: finite.
   *
   * @throws IllegalArgumentException naming {@code name} and the value
   */
  static void requireFinite(Double v, String name) {
    if (v != null && !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite: " + v);
    }
  }

  /**
   * Checks that {@code v}, where given, is a chance or a share: within 0..1.
   *
   * @throws IllegalArgumentException naming {@code name} and the value
   */
  static void requireUnit(Double v, String name) {
    if (v != null && !(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be within 0..1: " + v);
    }
  }

  /** {@code values} as a JSON object on one line, in their order. */
  static String object(Map<String, Double> values) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Double> e : values.entrySet()) {
      parts.add(FreeText.quote(e.getKey()) + ": " + number(e.getValue()));
    }
    return "{" + String.join(", ", parts) + "}";
  }
}
