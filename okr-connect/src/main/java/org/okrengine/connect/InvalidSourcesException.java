package org.okrengine.connect;

import java.util.List;
import org.okrengine.model.InvalidInputException;
import org.okrengine.model.Problem;

/** Thrown when an {@code okr-sources/1} document breaks its rules; lists every problem with its JSON path. */
public final class InvalidSourcesException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from at least one problem. */
  public InvalidSourcesException(List<Problem> problems) {
    super(" in the sources", problems);
  }
}
