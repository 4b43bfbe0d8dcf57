package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.optionalUnit;
import static org.okrengine.model.internal.Checks.requireFinite;
import static org.okrengine.model.internal.Checks.requireId;

import java.util.List;

/**
 * A slip upstream flowing into other items, as the report carries it. Immutable and thread-safe.
 *
 * @param source the id of the late item the slip starts at
 * @param affected ids of the items and objectives it reaches, nearest first; the analysis lists at most 50 (the
 *     nearest), see {@code affectedCount}
 * @param teams ids of the teams it reaches
 * @param slipDays the source's expected slip, in days
 * @param probabilityOfMiss the probability (0..1) that the most exposed affected item misses because of it, or null
 * @param reason one plain sentence
 * @param affectedCount how many items and objectives it reaches in all, at least the number listed in
 *     {@code affected}
 */
public record CascadeSummary(String source, List<String> affected, List<String> teams, double slipDays,
    Double probabilityOfMiss, String reason, int affectedCount) {
  /**
   * Validates and copies the lists.
   *
   * @throws IllegalArgumentException when {@code affectedCount} is below the number of {@code affected} listed
   */
  public CascadeSummary {
    requireId(source, "source");
    affected = copy(affected, "affected");
    teams = copy(teams, "teams");
    requireFinite(slipDays, "slipDays");
    optionalUnit(probabilityOfMiss, "probabilityOfMiss");
    if (affectedCount < affected.size()) {
      throw new IllegalArgumentException("affectedCount must not be below the number of affected listed ("
          + affected.size() + "): " + affectedCount);
    }
  }

  /** A summary that lists everything it reaches: {@code affectedCount} is the size of {@code affected}. */
  public CascadeSummary(String source, List<String> affected, List<String> teams, double slipDays,
      Double probabilityOfMiss, String reason) {
    this(source, affected, teams, slipDays, probabilityOfMiss, reason, affected == null ? 0 : affected.size());
  }
}
