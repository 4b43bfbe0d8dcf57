package org.okrengine.deps;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.okrengine.model.CascadeSummary;

/**
 * A slip at one item flowing downstream. Bounded: however much it reaches, it lists at most
 * {@link #MAX_AFFECTED_LISTED} items and objectives each, and keeps the figures of an item only where it is among
 * the {@link #MAX_CASCADES_PER_ITEM} cascades most likely to make that item miss; the counts, teams, impact and
 * sentence cover everything it reaches. Immutable and thread-safe.
 *
 * @param source the late item
 * @param sourceTeam its team
 * @param slipDays its slip, in days
 * @param affected the items and objectives the slip reaches, nearest first; the first {@link #MAX_AFFECTED_LISTED}
 * @param affectedCount how many items and objectives the slip reaches in all
 * @param slipAt the slip, in days, that reaches each affected item after slack, sorted by id; only the items for
 *     which this cascade is among the {@link #MAX_CASCADES_PER_ITEM} most likely to make them miss
 * @param missProbability the probability that each affected item misses because of the source, sorted by id; the
 *     same items as {@code slipAt}
 * @param teams the teams of all the affected items, sorted
 * @param objectives the affected objectives, nearest first; the first {@link #MAX_AFFECTED_LISTED}
 * @param crossesTeams whether any affected item belongs to another team than the source
 * @param impact the affected objectives, each weighted by the share of its key results' weight affected
 * @param maxMissProbability the highest probability of miss among all the affected items, 0 when none
 * @param sentence one plain sentence, naming items as {@code ID (Title)} the first time (the id alone after that
 *     and when the title is the id), each team after its items, titles and team names with control characters escaped
 */
public record Cascade(String source, String sourceTeam, double slipDays, List<String> affected, int affectedCount,
    Map<String, Double> slipAt, Map<String, Double> missProbability, List<String> teams, List<String> objectives,
    boolean crossesTeams, double impact, double maxMissProbability, String sentence) {
  /** A cascade lists at most this many affected items, and this many affected objectives: the nearest. */
  public static final int MAX_AFFECTED_LISTED = 50;

  /**
   * An item's figures ({@link #slipAt()}, {@link #missProbability()}) are kept in at most this many of the cascades
   * that reach it: those most likely to make it miss (ties to the cascade ranked first).
   */
  public static final int MAX_CASCADES_PER_ITEM = 10;

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when {@code affectedCount} is below the number of {@code affected} listed
   */
  public Cascade {
    Objects.requireNonNull(source, "source must not be null");
    affected = List.copyOf(affected);
    if (affectedCount < affected.size()) {
      throw new IllegalArgumentException("affectedCount must not be below the number of affected listed ("
          + affected.size() + "): " + affectedCount);
    }
    slipAt = IdMap.copyOf(slipAt);
    missProbability = IdMap.copyOf(missProbability);
    teams = List.copyOf(teams);
    objectives = List.copyOf(objectives);
  }

  /**
   * A cascade listing all it reaches, the constructor before {@code affectedCount} and {@code maxMissProbability}:
   * {@code affectedCount} the number of {@code affected}, {@code maxMissProbability} the highest of
   * {@code missProbability} (0 when empty), as its {@code maxMissProbability()} was then.
   */
  public Cascade(String source, String sourceTeam, double slipDays, List<String> affected,
      Map<String, Double> slipAt, Map<String, Double> missProbability, List<String> teams, List<String> objectives,
      boolean crossesTeams, double impact, String sentence) {
    this(source, sourceTeam, slipDays, affected, affected.size(), slipAt, missProbability, teams, objectives,
        crossesTeams, impact, missProbability.values().stream().mapToDouble(Double::doubleValue).max().orElse(0),
        sentence);
  }

  /** The {@code cascades} entry of an {@code okr-report/1} report. */
  public CascadeSummary toSummary() {
    return new CascadeSummary(source, affected, teams, slipDays, maxMissProbability, sentence, affectedCount);
  }
}
