package org.okrengine.model;

import static org.okrengine.model.internal.Checks.optionalFinite;
import static org.okrengine.model.internal.Checks.requireFinite;
import static org.okrengine.model.internal.Checks.requireId;

/**
 * One objective at the report's instant, summed up from its key results. Immutable and thread-safe.
 *
 * @param id the objective's id
 * @param title its title
 * @param team its team's id
 * @param keyResults how many key results it has
 * @param needAttention how many of them are at risk, off track or stale
 * @param progress the weighted mean progress (each clamped to 0..1) of its key results with a check-in, or null
 * @param expectedProgress the weighted mean progress its key results' plans expect at the instant
 * @param summary one or two plain sentences
 * @param probability the probability (0..1) that the objective meets its commitment (committed: every key result at
 *     its target; aspirational: a weighted score of at least 0.7), jointly over its key results and the late upstream
 *     work they share, by seeded simulation; null when not computed or without key results
 */
public record ObjectiveSummary(String id, String title, String team, int keyResults, int needAttention,
    Double progress, double expectedProgress, String summary, Double probability) {
  /** Validates. */
  public ObjectiveSummary {
    requireId(id, "id");
    title = title == null ? id : title;
    requireId(team, "team");
    if (keyResults < 0 || needAttention < 0 || needAttention > keyResults) {
      throw new IllegalArgumentException("needAttention must be within 0.." + keyResults + ": " + needAttention);
    }
    optionalFinite(progress, "progress");
    requireFinite(expectedProgress, "expectedProgress");
    requireId(summary, "summary");
    if (probability != null && !(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be within 0..1: " + probability);
    }
  }

  /** A summary without a {@linkplain #probability() probability} (the signature before it existed). */
  public ObjectiveSummary(String id, String title, String team, int keyResults, int needAttention,
      Double progress, double expectedProgress, String summary) {
    this(id, title, team, keyResults, needAttention, progress, expectedProgress, summary, null);
  }

  /** A copy with {@code probability}. */
  public ObjectiveSummary withProbability(Double probability) {
    return new ObjectiveSummary(id, title, team, keyResults, needAttention, progress, expectedProgress, summary,
        probability);
  }
}
