package org.okrengine.model;

import java.util.Optional;

/**
 * How one item depends on another. Immutable and thread-safe.
 */
public enum DependencyKind {
  /** Downstream cannot finish before upstream. */
  BLOCKS("blocks"),
  /** Upstream's progress feeds downstream's. */
  CONTRIBUTES("contributes"),
  /** Both draw on one team or asset; no direction. */
  SHARES_RESOURCE("shares-resource");

  private final String jsonName;

  DependencyKind(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in {@code okr-cycle/1}. */
  public String jsonName() {
    return jsonName;
  }

  /** Whether a slip upstream flows downstream along this kind (blocks and contributes). */
  public boolean isDirected() {
    return this != SHARES_RESOURCE;
  }

  /** The kind with the given {@code okr-cycle/1} name, or empty. */
  public static Optional<DependencyKind> fromJsonName(String name) {
    for (DependencyKind k : values()) {
      if (k.jsonName.equals(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
