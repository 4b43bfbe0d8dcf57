package org.okrengine.connect;

/**
 * A source could not deliver: the server refused (an HTTP status), the connection failed, the data was malformed
 * or a cap was reached. The message is for people and never holds a credential; {@link #reason()} says the same in
 * short, stable from one sync to the next, for the cycle's record of the source's health. Not thread-safe (an
 * exception).
 */
public final class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The failure in short, or null when the message says it best. */
  private final String reason;

  /** Creates the exception with a message that holds no secret. */
  public SourceException(String message) {
    this(message, null, null);
  }

  /** Creates the exception with a message that holds no secret, and its cause. */
  public SourceException(String message, Throwable cause) {
    this(message, null, cause);
  }

  /**
   * Creates the exception with a message that holds no secret, the failure in short ({@code 401 Unauthorized},
   * {@code java.net.ConnectException}; null when the message says it best) and its cause (or null).
   */
  public SourceException(String message, String reason, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /**
   * The failure in short, the same on every sync that fails the same way: an HTTP status with its reason phrase
   * ({@code 401 Unauthorized}), the class name of the exception that broke the connection
   * ({@code java.net.ConnectException}), or, when neither applies, the class name of the cause; null when there is
   * none of these (then the message is the reason).
   */
  public String reason() {
    if (reason != null) {
      return reason;
    }
    return getCause() == null ? null : getCause().getClass().getName();
  }
}
