package org.okrengine.model.json;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** Counting the UTF-8 size of text without encoding it. Stateless and thread-safe. */
final class Utf8 {
  private Utf8() {}

  /** The bytes {@code c} takes in UTF-8; each half of a surrogate pair counts 2 (4 for the pair). */
  static int length(char c) {
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800 || Character.isSurrogate(c)) {
      return 2;
    }
    return 3;
  }

  /** The bytes {@code s} takes in UTF-8. */
  static long length(CharSequence s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += length(s.charAt(i));
    }
    return n;
  }

  /** Whether {@code s} takes more than {@code limit} bytes in UTF-8; counts only when it could. */
  static boolean exceeds(CharSequence s, long limit) {
    // a char takes at most 3 bytes (a surrogate pair 4 for its 2 chars)
    return s.length() * 3L > limit && length(s) > limit;
  }

  /** Thrown by {@link LimitedReader} when the text read passes the limit. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long limit) {
      super("document is larger than the limit of " + limit + " bytes");
    }
  }

  /** A reader that fails once the UTF-8 size of what it has passed on exceeds a limit. Not thread-safe. */
  static final class LimitedReader extends FilterReader {
    private final long limit;
    private long bytes;

    LimitedReader(Reader in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count((char) c);
      }
      return c;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int n = super.read(cbuf, off, len);
      for (int i = 0; i < n; i++) {
        count(cbuf[off + i]);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      throw new IOException("skip is not supported");
    }

    @Override
    public void close() {
      // the caller owns the underlying reader
    }

    private void count(char c) throws TooLargeException {
      bytes += length(c);
      if (bytes > limit) {
        throw new TooLargeException(limit);
      }
    }
  }
}
