package org.okrengine.model;

import static org.okrengine.model.internal.Checks.optionalDate;
import static org.okrengine.model.internal.Checks.requireId;
import static org.okrengine.model.internal.Checks.requireWellFormed;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One item (key result, initiative or milestone) depending on another. Immutable and thread-safe.
 *
 * @param upstream the id of the item depended on
 * @param downstream the id of the item that depends on it (for {@code shares-resource}, the other item)
 * @param kind how they depend
 * @param needBy the local date downstream needs upstream done (from {@link Cycle#MIN_DATE} to {@link Cycle#MAX_DATE}),
 *     or null
 * @param note free text, or null
 */
public record Dependency(String upstream, String downstream, DependencyKind kind, LocalDate needBy, String note) {
  /** Validates; an item cannot depend on itself. */
  public Dependency {
    requireId(upstream, "upstream");
    requireId(downstream, "downstream");
    Objects.requireNonNull(kind, "kind must not be null");
    optionalDate(needBy, "needBy");
    requireWellFormed(note, "note");
    if (upstream.equals(downstream)) {
      throw new IllegalArgumentException("downstream must differ from upstream: " + upstream);
    }
  }

  /** A dependency with no need-by date or note. */
  public static Dependency of(String upstream, String downstream, DependencyKind kind) {
    return new Dependency(upstream, downstream, kind, null, null);
  }
}
