package org.okrengine.model;

import java.util.List;

/**
 * Thrown when a cycle document or model breaks the rules; carries every problem found, not only the first.
 * Immutable and thread-safe.
 */
public class InvalidCycleException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param problems every problem found; at least one
   */
  public InvalidCycleException(List<Problem> problems) {
    super("", problems);
  }
}
