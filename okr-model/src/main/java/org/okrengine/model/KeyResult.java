package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.requireFinite;
import static org.okrengine.model.internal.Checks.requireId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A measurable key result with its plan and check-ins. Immutable and thread-safe.
 *
 * @param id unique id
 * @param title display title (the id when null)
 * @param owner the owner's name, or null
 * @param team the owning team's id
 * @param weight its weight within its objective, from 0 to {@link #MAX_WEIGHT} (1.0 by default)
 * @param tags free tags (empty when none)
 * @param metric what it measures
 * @param plan the expected trajectory ({@link Plan#LINEAR} when null)
 * @param checkIns reported values, sorted by time on construction; at most one per instant
 * @param result the value reached at cycle end, only in historical cycles; or null
 */
public record KeyResult(String id, String title, String owner, String team, double weight, List<String> tags,
    Metric metric, Plan plan, List<CheckIn> checkIns, Result result) {
  /** The largest weight of a key result within its objective: 1e6. */
  public static final double MAX_WEIGHT = 1e6;

  /**
   * Validates, copies the lists and sorts the check-ins by time.
   *
   * @throws IllegalArgumentException when two check-ins share an instant, the weight is outside [0, 1e6], or
   *     a check-in's value or the result's final value is not 0 or 1 for an {@code achieve} metric (the index is
   *     that in {@code checkIns} as given)
   */
  public KeyResult {
    requireId(id, "id");
    title = title == null ? id : title;
    requireId(team, "team");
    requireFinite(weight, "weight");
    if (!(weight >= 0)) {
      throw new IllegalArgumentException("weight must not be negative: " + weight);
    }
    if (!(weight <= MAX_WEIGHT)) {
      throw new IllegalArgumentException("weight must not be above 1e6: " + weight);
    }
    tags = tags == null ? List.of() : copy(tags, "tags");
    Objects.requireNonNull(metric, "metric must not be null");
    plan = plan == null ? Plan.LINEAR : plan;
    List<CheckIn> sorted = new ArrayList<>(copy(checkIns == null ? List.of() : checkIns, "checkIns"));
    for (int i = 0; i < sorted.size(); i++) {
      requireAccepted(metric, sorted.get(i).value(), "checkIns[" + i + "].value");
    }
    if (result != null) {
      requireAccepted(metric, result.finalValue(), "result.finalValue");
    }
    sorted.sort(Comparator.comparing(CheckIn::at));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).at().equals(sorted.get(i - 1).at())) {
        throw new IllegalArgumentException("checkIns must have distinct instants: " + sorted.get(i).at());
      }
    }
    checkIns = List.copyOf(sorted);
  }

  /** An {@code achieve} key result reports only 0 (not done) or 1 (done). */
  private static void requireAccepted(Metric metric, double value, String name) {
    if (metric.direction() == Direction.ACHIEVE && !(value == 0.0 || value == 1.0)) {
      throw new IllegalArgumentException(name + " must be 0 or 1 for direction achieve: " + value);
    }
  }

  /** The check-ins at or before {@code asOf}, in time order. */
  public List<CheckIn> checkInsAsOf(Instant asOf) {
    int n = 0;
    while (n < checkIns.size() && !checkIns.get(n).at().isAfter(asOf)) {
      n++;
    }
    return checkIns.subList(0, n);
  }

  /** The latest check-in at or before {@code asOf}, or empty. */
  public Optional<CheckIn> latestCheckIn(Instant asOf) {
    List<CheckIn> seen = checkInsAsOf(asOf);
    return seen.isEmpty() ? Optional.empty() : Optional.of(seen.get(seen.size() - 1));
  }

  /** The expected progress at {@code at} in {@code cycle} under this key result's plan. */
  public double expectedProgress(Cycle cycle, Instant at) {
    return plan.expectedProgress(metric, cycle, at);
  }
}
