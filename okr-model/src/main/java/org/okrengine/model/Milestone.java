package org.okrengine.model;

import static org.okrengine.model.internal.Checks.optionalDate;
import static org.okrengine.model.internal.Checks.requireDate;
import static org.okrengine.model.internal.Checks.requireId;
import static org.okrengine.model.internal.Checks.requireWellFormed;

import java.time.LocalDate;

/**
 * A dated step of an initiative. Immutable and thread-safe.
 *
 * @param id unique id
 * @param title display title (the id when null)
 * @param due the local date it is due (in the cycle's zone), from {@link Cycle#MIN_DATE} to {@link Cycle#MAX_DATE}
 * @param completed the local date it was completed, or null while open; within the same dates
 */
public record Milestone(String id, String title, LocalDate due, LocalDate completed) {
  /** Validates. */
  public Milestone {
    requireId(id, "id");
    title = title == null ? id : requireWellFormed(title, "title");
    requireDate(due, "due");
    optionalDate(completed, "completed");
  }

  /** Whether the milestone is completed. */
  public boolean isCompleted() {
    return completed != null;
  }

  /** Days late on {@code asOf}: completion (or {@code asOf} while open) minus due; zero or less when on time. */
  public long daysLate(LocalDate asOf) {
    LocalDate end = completed != null ? completed : asOf;
    return java.time.temporal.ChronoUnit.DAYS.between(due, end);
  }
}
