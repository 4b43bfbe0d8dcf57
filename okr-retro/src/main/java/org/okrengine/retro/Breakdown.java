package org.okrengine.retro;

import java.util.List;
import java.util.Objects;

/**
 * Completion figures by one grouping, groups sorted by key. Immutable and thread-safe.
 *
 * @param grouping the dimension
 * @param groups one entry per key, sorted by key
 */
public record Breakdown(Grouping grouping, List<GroupStats> groups) {
  /** Validates and copies. */
  public Breakdown {
    Objects.requireNonNull(grouping, "grouping must not be null");
    groups = List.copyOf(groups);
  }
}
