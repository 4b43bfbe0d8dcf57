package org.okrengine.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a document or model given to the library breaks its rules; carries every problem found, not only the
 * first, each with its path. Immutable and thread-safe.
 */
public class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The problems, in document order. */
  private final transient List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param where what was read, for the message ({@code " in the escalation policy"}), or empty
   * @param problems every problem found; at least one
   */
  protected InvalidInputException(String where, List<Problem> problems) {
    super(message(where, problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in document order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String where, List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    return problems.size() + (problems.size() == 1 ? " problem" : " problems") + where + ":\n"
        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
