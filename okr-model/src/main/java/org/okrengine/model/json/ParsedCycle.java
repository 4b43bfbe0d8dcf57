package org.okrengine.model.json;

import java.util.List;
import java.util.Objects;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Problem;

/**
 * A cycle read from an {@code okr-cycle/1} document, with the warnings reading it raised (unknown fields, repeated
 * check-in instants). Immutable and thread-safe.
 *
 * @param cycle the validated cycle
 * @param warnings what was tolerated, each with its JSON path (empty when none)
 */
public record ParsedCycle(OkrCycle cycle, List<Problem> warnings) {
  /** Validates and copies the warnings. */
  public ParsedCycle {
    Objects.requireNonNull(cycle, "cycle must not be null");
    warnings = List.copyOf(warnings);
  }
}
