package org.okrengine.connect;

import java.util.List;
import java.util.Objects;
import org.okrengine.model.CheckIn;

/**
 * What one binding's fetch gave. Immutable and thread-safe.
 *
 * @param binding where the binding stands in the sources file ({@code bindings[2]})
 * @param keyResult the key result's id
 * @param source the source's name (the check-ins' {@code source})
 * @param kind the source kind
 * @param added the new check-ins, in time order
 * @param unchanged how many observations the cycle already held (same instant, same value)
 * @param conflicts observations whose instant already holds another value; not applied
 * @param error why the fetch failed (no secret in it), or null when it succeeded
 */
public record SourceOutcome(String binding, String keyResult, String source, String kind, List<CheckIn> added,
    int unchanged, List<Conflict> conflicts, String error) {
  /** Validates and copies. */
  public SourceOutcome {
    Objects.requireNonNull(binding, "binding must not be null");
    added = List.copyOf(added);
    conflicts = List.copyOf(conflicts);
  }

  /** The fetch succeeded (conflicts may still have been found). */
  public boolean ok() {
    return error == null;
  }
}
