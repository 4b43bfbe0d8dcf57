package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.optionalId;
import static org.okrengine.model.internal.Checks.requireId;

import java.util.List;

/**
 * A qualitative goal of one team, measured by its key results. Immutable and thread-safe.
 *
 * @param id unique id
 * @param title display title (the id when null)
 * @param team the owning team's id
 * @param owner the owner's name, or null
 * @param parent the id of the objective this one supports, or null
 * @param commitment committed or aspirational ({@link Commitment#COMMITTED} when null)
 * @param keyResults its key results in document order
 */
public record Objective(String id, String title, String team, String owner, String parent, Commitment commitment,
    List<KeyResult> keyResults) {
  /** Validates and copies the key results. */
  public Objective {
    requireId(id, "id");
    title = title == null ? id : title;
    requireId(team, "team");
    optionalId(parent, "parent");
    commitment = commitment == null ? Commitment.COMMITTED : commitment;
    keyResults = keyResults == null ? List.of() : copy(keyResults, "keyResults");
  }

  /** The sum of its key results' weights. */
  public double totalWeight() {
    double w = 0;
    for (KeyResult kr : keyResults) {
      w += kr.weight();
    }
    return w;
  }
}
