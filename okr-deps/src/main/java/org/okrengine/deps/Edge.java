package org.okrengine.deps;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A directed edge of the dependency graph: {@code downstream} depends on {@code upstream}. Immutable and thread-safe.
 *
 * @param upstream the id depended on
 * @param downstream the id that depends on it
 * @param kind why
 * @param needBy the local date downstream needs upstream done, or null
 */
public record Edge(String upstream, String downstream, EdgeKind kind, LocalDate needBy) {
  /** Validates. */
  public Edge {
    Objects.requireNonNull(upstream, "upstream must not be null");
    Objects.requireNonNull(downstream, "downstream must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
  }
}
