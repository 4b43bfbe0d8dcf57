package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.optionalFinite;
import static org.okrengine.model.internal.Checks.requireFinite;
import static org.okrengine.model.internal.Checks.requireId;

import java.util.List;

/**
 * One team at the report's instant, rolled up from its key results. Immutable and thread-safe.
 *
 * @param id the team's id
 * @param name its name (the id when null)
 * @param keyResults how many key results it owns, at least one
 * @param needAttention how many of them are at risk, off track or stale
 * @param progress the mean progress (each clamped to 0..1, equal weights) of its key results with a check-in, or
 *     null when none has one
 * @param expectedProgress the mean progress its key results' plans expect at the instant (equal weights)
 * @param owners the distinct owners of its key results, in document order (empty when none is named)
 */
public record TeamSummary(String id, String name, int keyResults, int needAttention, Double progress,
    double expectedProgress, List<String> owners) {
  /** Validates and copies the owners. */
  public TeamSummary {
    requireId(id, "id");
    name = name == null ? id : name;
    if (keyResults < 1) {
      throw new IllegalArgumentException("keyResults must be at least 1: " + keyResults);
    }
    if (needAttention < 0 || needAttention > keyResults) {
      throw new IllegalArgumentException("needAttention must be within 0.." + keyResults + ": " + needAttention);
    }
    optionalFinite(progress, "progress");
    requireFinite(expectedProgress, "expectedProgress");
    owners = owners == null ? List.of() : copy(owners, "owners");
  }
}
