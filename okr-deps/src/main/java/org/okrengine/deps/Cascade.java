package org.okrengine.deps;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.okrengine.model.CascadeSummary;

/**
 * A slip at one item flowing downstream. Immutable and thread-safe.
 *
 * @param source the late item
 * @param sourceTeam its team
 * @param slipDays its slip, in days
 * @param affected the items and objectives the slip reaches, nearest first
 * @param slipAt the slip, in days, that reaches each affected item after slack, sorted by id
 * @param missProbability the probability that each affected item misses because of the source, sorted by id
 * @param teams the teams of the affected items, sorted
 * @param objectives the affected objectives
 * @param crossesTeams whether any affected item belongs to another team than the source
 * @param impact the affected objectives, each weighted by the share of its key results' weight affected
 * @param sentence one plain sentence
 */
public record Cascade(String source, String sourceTeam, double slipDays, List<String> affected,
    Map<String, Double> slipAt, Map<String, Double> missProbability, List<String> teams, List<String> objectives,
    boolean crossesTeams, double impact, String sentence) {
  /** Validates and copies. */
  public Cascade {
    Objects.requireNonNull(source, "source must not be null");
    affected = List.copyOf(affected);
    slipAt = IdMap.copyOf(slipAt);
    missProbability = IdMap.copyOf(missProbability);
    teams = List.copyOf(teams);
    objectives = List.copyOf(objectives);
  }

  /** The highest probability of miss among the affected items, 0 when none. */
  public double maxMissProbability() {
    double m = 0;
    for (double p : missProbability.values()) {
      m = Math.max(m, p);
    }
    return m;
  }

  /** The {@code cascades} entry of an {@code okr-report/1} report. */
  public CascadeSummary toSummary() {
    return new CascadeSummary(source, affected, teams, slipDays, maxMissProbability(), sentence);
  }
}
