package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.requireId;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When an item that needs attention goes up to whom: a list of levels, each with the statuses that count, the days
 * they must hold without a break, and whether feeding a cascade that crosses teams is enough on its own. The item is
 * escalated to the highest level whose condition holds at the report's instant; when the condition breaks (the item
 * recovers) it drops back. Read from JSON with {@code org.okrengine.model.json.EscalationPolicyJson} or built with
 * {@link #builder()}. Immutable and thread-safe.
 *
 * @param levels the levels, in strictly increasing order of {@link Level#level()}; at least one
 */
public record EscalationPolicy(List<Level> levels) {
  /** The statuses a level counts when none are given: at risk, off track and stale. */
  public static final List<Status> DEFAULT_STATUSES = List.of(Status.AT_RISK, Status.OFF_TRACK, Status.STALE);

  /**
   * The default policy: at risk, off track or stale for 14 days goes to {@code team-lead} (level 1); for 28 days, or
   * feeding a cascade that crosses teams, to {@code leadership} (level 2).
   */
  public static final EscalationPolicy DEFAULT = builder()
      .level(1, "team-lead", 14)
      .level(2, "leadership", 28, true)
      .build();

  /** Validates and copies the levels. */
  public EscalationPolicy {
    levels = copy(levels, "levels");
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("levels must not be empty");
    }
    for (int i = 1; i < levels.size(); i++) {
      if (levels.get(i).level() <= levels.get(i - 1).level()) {
        throw new IllegalArgumentException("levels must be in strictly increasing order: " + levels.get(i - 1).level()
            + " then " + levels.get(i).level());
      }
    }
  }

  /** A builder with no levels. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * One level of a policy.
   *
   * @param level the level number, 1 and up
   * @param to who the item goes to at this level, for example {@code team-lead}
   * @param statuses the statuses that count toward this level (sorted, without repeats; not empty)
   * @param forDays whole days the status must have held without a break, 0 and up
   * @param crossTeamCascade whether being the source of a cascade that reaches another team escalates to this level
   *     regardless of {@code forDays} (a key result must also be in one of {@code statuses} meanwhile)
   */
  public record Level(int level, String to, List<Status> statuses, int forDays, boolean crossTeamCascade) {
    /** Validates; a null {@code statuses} becomes {@link #DEFAULT_STATUSES}. */
    public Level {
      if (level < 1) {
        throw new IllegalArgumentException("level must be at least 1: " + level);
      }
      requireId(to, "to");
      List<Status> given = statuses == null ? DEFAULT_STATUSES : copy(statuses, "statuses");
      if (given.isEmpty()) {
        throw new IllegalArgumentException("statuses must not be empty");
      }
      Set<Status> sorted = EnumSet.copyOf(given);
      statuses = List.copyOf(sorted);
      if (forDays < 0) {
        throw new IllegalArgumentException("forDays must not be negative: " + forDays);
      }
    }

    /** A level counting the {@linkplain #DEFAULT_STATUSES default statuses}, without the cascade rule. */
    public static Level of(int level, String to, int forDays) {
      return new Level(level, to, DEFAULT_STATUSES, forDays, false);
    }

    /** Whether {@code status} counts toward this level. */
    public boolean counts(Status status) {
      return statuses.contains(status);
    }
  }

  /** Collects levels for a policy. Not thread-safe; the policy it builds is. */
  public static final class Builder {
    private final List<Level> levels = new ArrayList<>();

    private Builder() {}

    /** Adds {@code level}. */
    public Builder level(Level level) {
      levels.add(Objects.requireNonNull(level, "level must not be null"));
      return this;
    }

    /** Adds a level counting the default statuses for {@code forDays} days. */
    public Builder level(int level, String to, int forDays) {
      return level(Level.of(level, to, forDays));
    }

    /** Adds a level counting the default statuses for {@code forDays} days, or feeding a cross-team cascade. */
    public Builder level(int level, String to, int forDays, boolean crossTeamCascade) {
      return level(new Level(level, to, DEFAULT_STATUSES, forDays, crossTeamCascade));
    }

    /**
     * The policy.
     *
     * @throws IllegalArgumentException when there is no level, or levels are not in increasing order
     */
    public EscalationPolicy build() {
      return new EscalationPolicy(levels);
    }
  }
}
