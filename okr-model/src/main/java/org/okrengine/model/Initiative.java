package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.requireId;

import java.util.List;

/**
 * A piece of work that contributes to key results, with its milestones. Immutable and thread-safe.
 *
 * @param id unique id
 * @param title display title (the id when null)
 * @param team the owning team's id
 * @param owner the owner's name, or null
 * @param keyResults ids of the key results it contributes to
 * @param milestones its milestones in document order
 */
public record Initiative(String id, String title, String team, String owner, List<String> keyResults,
    List<Milestone> milestones) {
  /** Validates and copies the lists. */
  public Initiative {
    requireId(id, "id");
    title = title == null ? id : title;
    requireId(team, "team");
    keyResults = keyResults == null ? List.of() : copy(keyResults, "keyResults");
    milestones = milestones == null ? List.of() : copy(milestones, "milestones");
  }
}
