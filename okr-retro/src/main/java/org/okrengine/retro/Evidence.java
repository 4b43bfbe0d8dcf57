package org.okrengine.retro;

import java.util.Objects;

/**
 * One number behind a recommendation. Immutable and thread-safe.
 *
 * @param name its name, for example {@code medianScore}
 * @param value its value (finite)
 */
public record Evidence(String name, double value) {
  /** Validates. */
  public Evidence {
    Objects.requireNonNull(name, "name must not be null");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("evidence." + name + " must be finite: " + value);
    }
  }
}
