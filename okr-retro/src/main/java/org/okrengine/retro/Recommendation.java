package org.okrengine.retro;

import java.util.List;
import java.util.Objects;

/**
 * A recommendation for the next cycle with the numbers that triggered it. Immutable and thread-safe.
 *
 * @param code what kind, for example {@code check-in-weekly} or {@code bolder-aspirational-targets}
 * @param subject the team or blocker tag it is about, or null for the whole retrospective
 * @param message the sentence, numbers included
 * @param evidence the numbers, in the order the message uses them
 */
public record Recommendation(String code, String subject, String message, List<Evidence> evidence) {
  /** Validates and copies. */
  public Recommendation {
    Objects.requireNonNull(code, "code must not be null");
    Objects.requireNonNull(message, "message must not be null");
    evidence = List.copyOf(evidence);
  }
}
