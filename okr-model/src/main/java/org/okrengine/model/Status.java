package org.okrengine.model;

import java.util.Optional;

/**
 * The state of a key result at one instant, as the report states it. Immutable and thread-safe.
 */
public enum Status {
  /** The latest value meets the target. */
  ACHIEVED("achieved"),
  /** Forecast to meet the target. */
  ON_TRACK("on-track"),
  /**
   * Could still meet the target, but its probability of reaching it is below the at-risk threshold (the README's
   * status rule), or an upstream item it needs is late.
   */
  AT_RISK("at-risk"),
  /** Forecast to miss the target by a wide margin. */
  OFF_TRACK("off-track"),
  /** No check-in for too long to know. */
  STALE("stale"),
  /** The cycle has not started, or nothing has moved from the baseline yet. */
  NOT_STARTED("not-started"),
  /** No check-in at all. */
  NO_DATA("no-data");

  private final String jsonName;

  Status(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in {@code okr-report/1}. */
  public String jsonName() {
    return jsonName;
  }

  /** Whether this status asks for attention (at risk, off track or stale). */
  public boolean needsAttention() {
    return this == AT_RISK || this == OFF_TRACK || this == STALE;
  }

  /** The status with the given {@code okr-report/1} name, or empty. */
  public static Optional<Status> fromJsonName(String name) {
    for (Status s : values()) {
      if (s.jsonName.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
