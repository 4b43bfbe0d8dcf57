package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.requireId;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When an item that needs attention goes up to whom: a grace period at the start of the cycle, then a list of
 * levels, each with the statuses that count, the days they must hold without a break, optionally a probability of
 * target the key result must stay below meanwhile, and whether feeding a cascade that crosses teams (for how long)
 * is enough on its own. The item is escalated to the highest level whose condition holds at the report's instant;
 * when the condition breaks (the item recovers) it drops back. Nothing held during the grace period counts: a run
 * starts at the earliest on the first day after it. Read from JSON with
 * {@code org.okrengine.model.json.EscalationPolicyJson} or built with {@link #builder()}. Immutable and thread-safe.
 *
 * @param levels the levels, in strictly increasing order of {@link Level#level()}; at least one
 * @param graceDays whole days from the cycle's start during which nothing counts toward an escalation, 0 and up
 */
public record EscalationPolicy(List<Level> levels, int graceDays) {
  /** The statuses a level counts when none are given: at risk, off track and stale. */
  public static final List<Status> DEFAULT_STATUSES = List.of(Status.AT_RISK, Status.OFF_TRACK, Status.STALE);

  /** The grace period of {@link #DEFAULT}: two weeks, the first two weekly check-ins. */
  public static final int DEFAULT_GRACE_DAYS = 14;

  /** The probability of target below which {@link #DEFAULT} counts a key result at risk or off track. */
  public static final double DEFAULT_BELOW_PROBABILITY = 0.25;

  /**
   * The default policy: nothing counts in the first {@value #DEFAULT_GRACE_DAYS} days of the cycle; then a key result
   * at risk or off track with a probability of target below {@value #DEFAULT_BELOW_PROBABILITY} (or stale) for 14 days
   * without a break goes to {@code team-lead} (level 1); for 28 days, or feeding a cascade that crosses teams for 7
   * days without a break (a key result staying so low meanwhile), to {@code leadership} (level 2).
   */
  public static final EscalationPolicy DEFAULT = builder()
      .graceDays(DEFAULT_GRACE_DAYS)
      .level(new Level(1, "team-lead", DEFAULT_STATUSES, 14, false, DEFAULT_BELOW_PROBABILITY, 0))
      .level(new Level(2, "leadership", DEFAULT_STATUSES, 28, true, DEFAULT_BELOW_PROBABILITY, 7))
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
    if (graceDays < 0) {
      throw new IllegalArgumentException("graceDays must not be negative: " + graceDays);
    }
  }

  /** A policy without a grace period, as policies were before it existed. */
  public EscalationPolicy(List<Level> levels) {
    this(levels, 0);
  }

  /** A builder with no levels and no grace period. */
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
   *     once that has held for {@code cascadeForDays} without a break, regardless of {@code forDays} (a key result
   *     must also count toward this level meanwhile)
   * @param belowProbability when not null, a key result counts toward this level only while its probability of
   *     target is below this (above 0, at most 1) as well; a stale key result counts by its status alone (its
   *     probability rests on an old check-in). Null: the status alone counts
   * @param cascadeForDays whole days the cascade rule must have held without a break, 0 and up; 0 unless
   *     {@code crossTeamCascade}
   */
  public record Level(int level, String to, List<Status> statuses, int forDays, boolean crossTeamCascade,
      Double belowProbability, int cascadeForDays) {
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
      if (belowProbability != null && !(belowProbability > 0 && belowProbability <= 1)) {
        throw new IllegalArgumentException("belowProbability must be above 0 and at most 1: " + belowProbability);
      }
      if (cascadeForDays < 0) {
        throw new IllegalArgumentException("cascadeForDays must not be negative: " + cascadeForDays);
      }
      if (cascadeForDays > 0 && !crossTeamCascade) {
        throw new IllegalArgumentException("cascadeForDays needs crossTeamCascade: " + cascadeForDays);
      }
    }

    /** A level without a probability condition whose cascade rule, if set, holds from its first day. */
    public Level(int level, String to, List<Status> statuses, int forDays, boolean crossTeamCascade) {
      this(level, to, statuses, forDays, crossTeamCascade, null, 0);
    }

    /** A level counting the {@linkplain #DEFAULT_STATUSES default statuses}, without the cascade rule. */
    public static Level of(int level, String to, int forDays) {
      return new Level(level, to, DEFAULT_STATUSES, forDays, false);
    }

    /** Whether {@code status} counts toward this level, whatever the probability. */
    public boolean counts(Status status) {
      return statuses.contains(status);
    }

    /**
     * Whether a key result with {@code status} and probability of target {@code probability} counts toward this
     * level: its status counts, and it is stale, or the level sets no probability, or the probability is below the
     * level's (NaN is not).
     */
    public boolean counts(Status status, double probability) {
      return statuses.contains(status)
          && (belowProbability == null || status == Status.STALE || probability < belowProbability);
    }

    /** Whether a key result with {@code status} needs its probability to decide {@link #counts(Status, double)}. */
    public boolean needsProbability(Status status) {
      return belowProbability != null && status != Status.STALE && statuses.contains(status);
    }
  }

  /** Collects levels for a policy. Not thread-safe; the policy it builds is. */
  public static final class Builder {
    private final List<Level> levels = new ArrayList<>();
    private int graceDays;

    private Builder() {}

    /** Sets the grace period, in whole days from the cycle's start (0 when not called). */
    public Builder graceDays(int days) {
      this.graceDays = days;
      return this;
    }

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
     * @throws IllegalArgumentException when there is no level, levels are not in increasing order, or the grace
     *     period is negative
     */
    public EscalationPolicy build() {
      return new EscalationPolicy(levels, graceDays);
    }
  }
}
