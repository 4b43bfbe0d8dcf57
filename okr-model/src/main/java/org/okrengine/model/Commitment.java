package org.okrengine.model;

import java.util.Optional;

/**
 * Whether an objective is committed (expected to score 1.0) or aspirational (about 0.7 is a good result).
 * Immutable and thread-safe.
 */
public enum Commitment {
  /** Expected to be met in full. */
  COMMITTED("committed", 1.0),
  /** A stretch goal: about 0.7 counts as success. */
  ASPIRATIONAL("aspirational", 0.7);

  private final String jsonName;
  private final double expectedScore;

  Commitment(String jsonName, double expectedScore) {
    this.jsonName = jsonName;
    this.expectedScore = expectedScore;
  }

  /** The name used in {@code okr-cycle/1}. */
  public String jsonName() {
    return jsonName;
  }

  /** The score, 0.0 to 1.0, that counts as success for this kind of objective. */
  public double expectedScore() {
    return expectedScore;
  }

  /** The commitment with the given {@code okr-cycle/1} name, or empty. */
  public static Optional<Commitment> fromJsonName(String name) {
    for (Commitment c : values()) {
      if (c.jsonName.equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
