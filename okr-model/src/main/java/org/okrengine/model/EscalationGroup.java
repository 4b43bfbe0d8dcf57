package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.requireId;

import java.util.List;
import java.util.Objects;

/**
 * Escalations that share one cause, as the report carries them: the cause once, and the key results it covers
 * (each of which keeps its own entry among the report's escalations). Immutable and thread-safe.
 *
 * @param kind what the cause is: {@value #LATE_UPSTREAM} (a late item upstream of every subject) or
 *     {@value #SILENT_TEAM} (the subjects belong to one team and none has checked in for a long time)
 * @param cause the id of the late upstream item, or of the silent team
 * @param subjects the escalated key results it covers, at least two, in the order of the report's escalations
 * @param level the highest escalation level among the subjects, 1 and up
 * @param to who that level goes to
 * @param reason one plain sentence
 */
public record EscalationGroup(String kind, String cause, List<String> subjects, int level, String to,
    String reason) {
  /** The kind of a group whose subjects all need one late upstream item. */
  public static final String LATE_UPSTREAM = "late-upstream";
  /** The kind of a group whose subjects are the stale key results of one team. */
  public static final String SILENT_TEAM = "silent-team";

  /** Validates and copies the subjects. */
  public EscalationGroup {
    requireId(kind, "kind");
    requireId(cause, "cause");
    subjects = copy(subjects, "subjects");
    if (subjects.size() < 2) {
      throw new IllegalArgumentException("subjects must hold at least two: " + subjects.size());
    }
    if (level < 1) {
      throw new IllegalArgumentException("level must be at least 1: " + level);
    }
    requireId(to, "to");
    Objects.requireNonNull(reason, "reason must not be null");
  }
}
