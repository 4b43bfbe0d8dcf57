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
 * @param reason the failure in short, the same on every sync that fails the same way, for the cycle's record of the
 *     source's health (no secret in it): an HTTP status with its reason phrase ({@code 401 Unauthorized}), an
 *     exception's class name ({@code java.net.ConnectException}) or, when neither applies, {@code error}; null when
 *     the fetch succeeded
 */
public record SourceOutcome(String binding, String keyResult, String source, String kind, List<CheckIn> added,
    int unchanged, List<Conflict> conflicts, String error, String reason) {
  /** Validates and copies; a failure without a reason of its own has its error as the reason. */
  public SourceOutcome {
    Objects.requireNonNull(binding, "binding must not be null");
    added = List.copyOf(added);
    conflicts = List.copyOf(conflicts);
    if (error == null) {
      reason = null;
    } else if (reason == null || reason.isBlank()) {
      reason = error;
    }
  }

  /** An outcome whose reason is its error (the constructor before {@code reason} existed). */
  public SourceOutcome(String binding, String keyResult, String source, String kind, List<CheckIn> added,
      int unchanged, List<Conflict> conflicts, String error) {
    this(binding, keyResult, source, kind, added, unchanged, conflicts, error, null);
  }

  /** The fetch succeeded (conflicts may still have been found). */
  public boolean ok() {
    return error == null;
  }
}
