package org.okrengine.retro;

import java.util.List;
import java.util.Objects;

/**
 * A team's completion cycle over cycle. Immutable and thread-safe.
 *
 * @param team the team's id
 * @param points one per cycle, by start date then cycle id
 */
public record TeamTrend(String team, List<TrendPoint> points) {
  /** Validates and copies. */
  public TeamTrend {
    Objects.requireNonNull(team, "team must not be null");
    points = List.copyOf(points);
  }
}
