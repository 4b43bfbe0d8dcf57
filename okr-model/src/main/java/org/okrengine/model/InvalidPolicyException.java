package org.okrengine.model;

import java.util.List;

/**
 * Thrown when an escalation policy document breaks the rules; carries every problem found, each with its JSON path.
 * Immutable and thread-safe.
 */
public final class InvalidPolicyException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param problems every problem found; at least one
   */
  public InvalidPolicyException(List<Problem> problems) {
    super(" in the escalation policy", problems);
  }
}
