package org.okrengine.retro;

import java.util.Optional;

/** A dimension the completion figures are broken down by. Immutable and thread-safe. */
public enum Grouping {
  /** The key result's team. */
  TEAM("team"),
  /** The key result's objective, keyed {@code cycleId/objectiveId}. */
  OBJECTIVE("objective"),
  /** The key result's owner; key results without an owner are left out. */
  OWNER("owner"),
  /** Each of the key result's tags; key results without tags are left out. */
  TAG("tag"),
  /** The metric's direction ({@code increase}, {@code maintain-above}, ...). */
  DIRECTION("direction"),
  /** The metric's unit; key results without a unit are left out. */
  UNIT("unit"),
  /** The objective's commitment ({@code committed} or {@code aspirational}). */
  COMMITMENT("commitment");

  private final String jsonName;

  Grouping(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in {@code okr-retro/1} and on the command line. */
  public String jsonName() {
    return jsonName;
  }

  /** The grouping with the given name, or empty. */
  public static Optional<Grouping> fromJsonName(String name) {
    for (Grouping g : values()) {
      if (g.jsonName.equals(name)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }
}
