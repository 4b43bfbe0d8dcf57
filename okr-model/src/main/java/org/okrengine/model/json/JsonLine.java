package org.okrengine.model.json;

import java.util.List;
import org.okrengine.model.InvalidCycleException;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Problem;

/**
 * One line of a JSON Lines file of {@code okr-cycle/1} documents: the cycle it holds, or every problem that kept it
 * from loading. Immutable and thread-safe.
 *
 * @param lineNumber the 1-based line number in the file
 * @param cycle the validated cycle, or null when the line was rejected
 * @param errors every problem that rejected the line (empty when {@code cycle} is present)
 * @param warnings what was tolerated (empty when none)
 */
public record JsonLine(long lineNumber, OkrCycle cycle, List<Problem> errors, List<Problem> warnings) {
  /** Validates and copies the lists; exactly one of {@code cycle} and a non-empty {@code errors} is given. */
  public JsonLine {
    if (lineNumber < 1) {
      throw new IllegalArgumentException("lineNumber must be at least 1: " + lineNumber);
    }
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    if ((cycle == null) == errors.isEmpty()) {
      throw new IllegalArgumentException("exactly one of cycle and errors must be given");
    }
  }

  /** Whether the line loaded. */
  public boolean isValid() {
    return cycle != null;
  }

  /**
   * The cycle.
   *
   * @throws InvalidCycleException listing the line's problems when it was rejected
   */
  public OkrCycle cycleOrThrow() {
    if (cycle == null) {
      throw new InvalidCycleException(errors);
    }
    return cycle;
  }
}
