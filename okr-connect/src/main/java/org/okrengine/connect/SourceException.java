package org.okrengine.connect;

/**
 * A source could not deliver: the server refused (an HTTP status), the connection failed, the data was malformed
 * or a cap was reached. The message is for people and never holds a credential. Not thread-safe (an exception).
 */
public final class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that holds no secret. */
  public SourceException(String message) {
    super(message);
  }

  /** Creates the exception with a message that holds no secret, and its cause. */
  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
