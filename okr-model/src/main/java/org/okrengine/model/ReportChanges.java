package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.requireId;
import static org.okrengine.model.internal.Checks.requireUnit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What changed in a cycle between an earlier instant and the report's: key results whose status changed, items
 * escalated now that were not (or were lower) then, and probabilities of target that moved by at least
 * {@link #MIN_PROBABILITY_MOVE}, and items escalated then that are no longer escalated now, or are lower, with the
 * reason. Both states are the engine's analysis of the same cycle document at the two
 * instants, so a check-in recorded late counts as if it had been there. A status change or probability move of a key
 * result with no check-in after {@code since} up to the report's instant says so ({@code withoutCheckIn}): the
 * forecast's time moved on alone, or another item's news (a milestone completed), not a check-in of its own. Immutable
 * and thread-safe.
 *
 * @param since the earlier instant compared against (at or after the cycle's start, before the report's instant)
 * @param statusChanges key results whose status differs, in document order
 * @param newEscalations items escalated at the report's instant that were not escalated at {@code since}, or were
 *     escalated to a lower level, in the order of the report's escalations (highest level first)
 * @param probabilityMoves key results whose probability of target moved by at least {@link #MIN_PROBABILITY_MOVE},
 *     largest move first (ties in document order)
 * @param droppedEscalations items escalated at {@code since} that are not escalated at the report's instant, or
 *     are escalated lower, in the order of the escalations at {@code since} (highest level first)
 */
public record ReportChanges(Instant since, List<StatusChange> statusChanges, List<NewEscalation> newEscalations,
    List<ProbabilityMove> probabilityMoves, List<DroppedEscalation> droppedEscalations) {
  /** The smallest move of a probability of target that counts, as a fraction: 0.10 (10 percentage points). */
  public static final double MIN_PROBABILITY_MOVE = 0.10;

  /** Validates and copies the lists. */
  public ReportChanges {
    Objects.requireNonNull(since, "since must not be null");
    statusChanges = statusChanges == null ? List.of() : copy(statusChanges, "statusChanges");
    newEscalations = newEscalations == null ? List.of() : copy(newEscalations, "newEscalations");
    probabilityMoves = probabilityMoves == null ? List.of() : copy(probabilityMoves, "probabilityMoves");
    droppedEscalations = droppedEscalations == null ? List.of() : copy(droppedEscalations, "droppedEscalations");
  }

  /** Changes with no escalation withdrawn or lowered (as before {@code droppedEscalations} existed). */
  public ReportChanges(Instant since, List<StatusChange> statusChanges, List<NewEscalation> newEscalations,
      List<ProbabilityMove> probabilityMoves) {
    this(since, statusChanges, newEscalations, probabilityMoves, List.of());
  }

  /** Whether nothing changed: no status change, new, raised, lowered or withdrawn escalation or probability move. */
  public boolean isEmpty() {
    return statusChanges.isEmpty() && newEscalations.isEmpty() && probabilityMoves.isEmpty()
        && droppedEscalations.isEmpty();
  }

  /**
   * A key result whose status changed. Immutable and thread-safe.
   *
   * @param subject the key result's id
   * @param title its title (the id when null)
   * @param from its status at {@code since}
   * @param to its status at the report's instant
   * @param withoutCheckIn whether the key result had no check-in after {@code since} up to the report's instant
   *     (by the check-ins' instants): the change is the time passed or another item's news, not its check-in; false
   *     when either status is {@link Status#STALE} or {@link Status#NO_DATA}, which say so already, and for a key
   *     result with a result (its final value), its outcome in a report after the cycle's end compared with one before
   */
  public record StatusChange(String subject, String title, Status from, Status to, boolean withoutCheckIn) {
    /** Validates. */
    public StatusChange {
      requireId(subject, "subject");
      title = title == null ? subject : title;
      Objects.requireNonNull(from, "from must not be null");
      Objects.requireNonNull(to, "to must not be null");
    }

    /** A status change with a check-in in between (as before {@code withoutCheckIn} existed). */
    public StatusChange(String subject, String title, Status from, Status to) {
      this(subject, title, from, to, false);
    }
  }

  /**
   * An item escalated now that was not escalated at {@code since}, or was escalated lower. Immutable and
   * thread-safe.
   *
   * @param subject the escalated item's id
   * @param title its title (the id when null)
   * @param level its escalation level now, 1 and up
   * @param to who that level goes to
   * @param fromLevel its level at {@code since}, or null when it was not escalated then
   */
  public record NewEscalation(String subject, String title, int level, String to, Integer fromLevel) {
    /** Validates. */
    public NewEscalation {
      requireId(subject, "subject");
      title = title == null ? subject : title;
      if (level < 1) {
        throw new IllegalArgumentException("level must be at least 1: " + level);
      }
      if (fromLevel != null && (fromLevel < 1 || fromLevel >= level)) {
        throw new IllegalArgumentException("fromLevel must be within 1.." + (level - 1) + ": " + fromLevel);
      }
    }
  }

  /**
   * An item escalated at {@code since} that is not escalated now (withdrawn), or is escalated lower (lowered).
   * Immutable and thread-safe.
   *
   * @param subject the item's id
   * @param title its title (the id when null)
   * @param fromLevel its escalation level at {@code since}, 1 and up
   * @param fromTo who that level went to
   * @param level its level now, 1 to {@code fromLevel - 1}, or null when it is no longer escalated
   * @param to who its level now goes to, null when it is no longer escalated
   * @param reason why the policy no longer escalates it to {@code fromLevel}, one sentence fragment (free text)
   */
  public record DroppedEscalation(String subject, String title, int fromLevel, String fromTo, Integer level,
      String to, String reason) {
    /** Validates. */
    public DroppedEscalation {
      requireId(subject, "subject");
      title = title == null ? subject : title;
      if (fromLevel < 1) {
        throw new IllegalArgumentException("fromLevel must be at least 1: " + fromLevel);
      }
      if (level != null && (level < 1 || level >= fromLevel)) {
        throw new IllegalArgumentException("level must be within 1.." + (fromLevel - 1) + ": " + level);
      }
    }

    /** Whether the item is no longer escalated at all. */
    public boolean withdrawn() {
      return level == null;
    }
  }

  /**
   * A key result whose probability of target moved by at least {@link #MIN_PROBABILITY_MOVE}. Immutable and
   * thread-safe.
   *
   * @param subject the key result's id
   * @param title its title (the id when null)
   * @param from its probability of target at {@code since}, 0..1
   * @param to its probability of target at the report's instant, 0..1
   * @param withoutCheckIn whether the key result had no check-in after {@code since} up to the report's instant
   *     (by the check-ins' instants): the move is the time passed or another item's news, not its check-in
   */
  public record ProbabilityMove(String subject, String title, double from, double to, boolean withoutCheckIn) {
    /** Validates. */
    public ProbabilityMove {
      requireId(subject, "subject");
      title = title == null ? subject : title;
      requireUnit(from, "from");
      requireUnit(to, "to");
    }

    /** A probability move with a check-in in between (as before {@code withoutCheckIn} existed). */
    public ProbabilityMove(String subject, String title, double from, double to) {
      this(subject, title, from, to, false);
    }
  }
}
