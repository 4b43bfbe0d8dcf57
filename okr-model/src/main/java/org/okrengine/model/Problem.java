package org.okrengine.model;

import java.util.Objects;

/**
 * One problem found in a document or model: where (a JSON path such as {@code objectives[2].keyResults[0].metric.target},
 * or {@code line 3, column 14} for malformed JSON) and what. Immutable and thread-safe.
 *
 * @param path where the problem is; empty for the document as a whole
 * @param message what is wrong, lower-case, with the offending value
 */
public record Problem(String path, String message) {
  /** Validates. */
  public Problem {
    Objects.requireNonNull(path, "path must not be null");
    Objects.requireNonNull(message, "message must not be null");
  }

  /** {@code path: message}, or the message alone when the path is empty. */
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
