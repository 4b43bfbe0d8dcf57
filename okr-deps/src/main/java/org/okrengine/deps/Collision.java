package org.okrengine.deps;

import java.util.List;

/**
 * A planning-time warning: key results of different objectives or teams hanging on one upstream item, so that one
 * slip would hit them all. Immutable and thread-safe.
 *
 * @param upstream the item depended on
 * @param keyResults the key results that depend on it directly, sorted
 * @param objectives their objectives, sorted
 * @param teams their teams, sorted
 */
public record Collision(String upstream, List<String> keyResults, List<String> objectives, List<String> teams) {
  /** Copies the lists. */
  public Collision {
    keyResults = List.copyOf(keyResults);
    objectives = List.copyOf(objectives);
    teams = List.copyOf(teams);
  }
}
