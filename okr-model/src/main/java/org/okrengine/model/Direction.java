package org.okrengine.model;

import java.util.Optional;

/**
 * Which way a metric must move or stay to meet its target. Immutable and thread-safe.
 */
public enum Direction {
  /** Reach the target from below. */
  INCREASE("increase"),
  /** Reach the target from above. */
  DECREASE("decrease"),
  /** Stay at or above the target all cycle; the baseline is optional. */
  MAINTAIN_ABOVE("maintain-above"),
  /** Stay at or below the target all cycle; the baseline is optional. */
  MAINTAIN_BELOW("maintain-below"),
  /** Binary: 0 is not done, 1 is done. */
  ACHIEVE("achieve");

  private final String jsonName;

  Direction(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in {@code okr-cycle/1}, for example {@code maintain-above}. */
  public String jsonName() {
    return jsonName;
  }

  /** Whether the metric must stay on one side of the target rather than reach it. */
  public boolean isMaintain() {
    return this == MAINTAIN_ABOVE || this == MAINTAIN_BELOW;
  }

  /** Whether the metric moves from its baseline to its target ({@code increase}, {@code decrease}): it has a way to go. */
  public boolean isReach() {
    return this == INCREASE || this == DECREASE;
  }

  /** The direction with the given {@code okr-cycle/1} name, or empty. */
  public static Optional<Direction> fromJsonName(String name) {
    for (Direction d : values()) {
      if (d.jsonName.equals(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
