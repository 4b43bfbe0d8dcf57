package org.okrengine.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Standard output as the command writes it, keeping the first write error: the PrintWriter over it swallows
 * IOExceptions (checkError says only that one happened), and a reader that closed the pipe ({@code okr ... | head})
 * is no error while a full device is. Java gives no errno: a closed pipe is told by the exception's message, the C
 * library's text for EPIPE ("Broken pipe"; Windows: "The pipe is being closed", "The pipe has been ended"). Any
 * other failure, or a message in another language, is a failed write. Not thread-safe.
 */
final class Stdout extends OutputStream {
  private final OutputStream out;
  private IOException failure;

  Stdout(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out must not be null");
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw keep(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw keep(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw keep(e);
    }
  }

  private IOException keep(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }

  /** Whether a write failed because the reader closed the pipe (and no other failure came first). */
  boolean closedByReader() {
    return failure != null && isBrokenPipe(failure);
  }

  /** Whether {@code e} says the pipe's reader is gone (EPIPE). */
  static boolean isBrokenPipe(IOException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    return m.contains("broken pipe") || m.contains("pipe is being closed") || m.contains("pipe has been ended");
  }
}
