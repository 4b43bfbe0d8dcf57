package org.okrengine.forecast;

import java.util.List;
import org.okrengine.model.InvalidInputException;
import org.okrengine.model.Problem;

/**
 * Thrown when an {@code okr-forecast-model/1} document breaks its rules; carries every problem found, each with its
 * JSON path and value. Immutable and thread-safe.
 */
public final class InvalidModelException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  InvalidModelException(List<Problem> problems) {
    super(" in the forecast model", problems);
  }
}
