package org.okrengine.model;

import static org.okrengine.model.internal.Checks.requireId;

import java.util.Map;
import org.okrengine.model.internal.Checks;

/**
 * A machine-readable reason behind a status, with the numbers behind it, for example {@code velocity-below-required}
 * with {@code {"velocityRatio": 0.6}}. Immutable and thread-safe.
 *
 * @param code a lower-case, hyphenated code
 * @param evidence named finite numbers, sorted by name
 */
public record Reason(String code, Map<String, Double> evidence) {
  /** Validates and copies the evidence into name order. */
  public Reason {
    requireId(code, "code");
    evidence = Checks.evidence(evidence);
  }

  /** A reason with no numbers. */
  public static Reason of(String code) {
    return new Reason(code, Map.of());
  }

  /** A reason with one number. */
  public static Reason of(String code, String name, double value) {
    return new Reason(code, Map.of(name, value));
  }
}
