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
 * @param affected ids of the items and objectives it reaches, nearest first
 * @param teams ids of the teams it reaches
 * @param slipDays the source's expected slip, in days
 * @param probabilityOfMiss the probability (0..1) that the most exposed affected item misses because of it, or null
 * @param reason one plain sentence
 */
public record CascadeSummary(String source, List<String> affected, List<String> teams, double slipDays,
    Double probabilityOfMiss, String reason) {
  /** Validates and copies the lists. */
  public CascadeSummary {
    requireId(source, "source");
    affected = copy(affected, "affected");
    teams = copy(teams, "teams");
    requireFinite(slipDays, "slipDays");
    optionalUnit(probabilityOfMiss, "probabilityOfMiss");
  }
}
