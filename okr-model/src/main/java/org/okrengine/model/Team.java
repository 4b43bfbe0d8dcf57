package org.okrengine.model;

import static org.okrengine.model.internal.Checks.optionalId;
import static org.okrengine.model.internal.Checks.requireId;
import static org.okrengine.model.internal.Checks.requireWellFormed;

/**
 * A team, possibly part of a parent team. Immutable and thread-safe.
 *
 * @param id unique id
 * @param name display name (the id when null)
 * @param parent the parent team's id, or null
 */
public record Team(String id, String name, String parent) {
  /** Validates; a null name becomes the id. */
  public Team {
    requireId(id, "id");
    name = name == null ? id : requireWellFormed(name, "name");
    optionalId(parent, "parent");
  }

  /** A team with no parent, named after its id. */
  public static Team of(String id) {
    return new Team(id, id, null);
  }
}
