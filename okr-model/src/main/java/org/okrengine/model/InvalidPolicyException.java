package org.okrengine.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when an escalation policy document breaks the rules; carries every problem found, each with its JSON path.
 * Immutable and thread-safe.
 */
public final class InvalidPolicyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The problems, in document order. */
  private final transient List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param problems every problem found; at least one
   */
  public InvalidPolicyException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in document order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the escalation policy:\n"
        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
