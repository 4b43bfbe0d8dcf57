package org.okrengine.model;

/**
 * What an id in a cycle names. Immutable and thread-safe.
 */
public enum NodeKind {
  /** A {@link Team}. */
  TEAM,
  /** An {@link Objective}. */
  OBJECTIVE,
  /** A {@link KeyResult}. */
  KEY_RESULT,
  /** An {@link Initiative}. */
  INITIATIVE,
  /** A {@link Milestone} of an initiative. */
  MILESTONE
}
