package org.okrengine.retro;

import java.util.List;

/**
 * One blocker tag across the retrospective. Its duration on a key result runs from its first to its last mention
 * in that key result's check-ins. Immutable and thread-safe.
 *
 * @param tag the blocker tag
 * @param keyResults key results that mentioned it
 * @param mentions check-ins that mentioned it
 * @param meanDays mean duration per key result, in days
 * @param maxDays longest duration, in days
 * @param teams teams hit, most key results first, then by id
 * @param hits key results with it that met their target
 * @param misses key results with it that missed their target
 * @param missRate misses / (hits + misses), or null
 */
public record BlockerStats(String tag, long keyResults, long mentions, double meanDays, double maxDays,
    List<TeamCount> teams, long hits, long misses, Double missRate) {
  /** Copies the teams. */
  public BlockerStats {
    teams = List.copyOf(teams);
  }
}
