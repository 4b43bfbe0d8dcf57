package org.okrengine.model;

import static org.okrengine.model.internal.Checks.requireId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Something that has needed attention long enough to go up a level, as the report carries it.
 * Immutable and thread-safe.
 *
 * @param subject the id of the key result (or other item) escalated
 * @param level the escalation level, 1 and up
 * @param since the first local date the condition held without a break
 * @param to who it goes to, for example {@code team-lead}
 * @param reason one plain sentence
 */
public record EscalationSummary(String subject, int level, LocalDate since, String to, String reason) {
  /** Validates. */
  public EscalationSummary {
    requireId(subject, "subject");
    if (level < 1) {
      throw new IllegalArgumentException("level must be at least 1: " + level);
    }
    Objects.requireNonNull(since, "since must not be null");
  }
}
