package org.okrengine.model.json;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a reader, one at a time, each held only up to a size limit: a longer line is skipped to its end and
 * reported as too long, so a huge line never sits in memory. Line ends are {@code \n}, {@code \r} or {@code \r\n}.
 * Not thread-safe.
 */
final class LineSource {
  /**
   * One line.
   *
   * @param number its 1-based number
   * @param text its text without the line end, or null when it was longer than the limit
   */
  record Line(long number, String text) {}

  private final Reader in;
  private final long maxBytes;
  private final char[] buf = new char[8192];
  private final StringBuilder sb = new StringBuilder();
  private int pos;
  private int lim;
  private long number;
  private boolean afterCr;
  // the current line: whether it passed the limit, whether its UTF-8 size is being counted, and that size
  private boolean tooLong;
  private boolean counting;
  private long bytes;

  LineSource(Reader in, long maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line, or null at the end of input. */
  Line next() throws IOException {
    sb.setLength(0);
    tooLong = false;
    counting = false;
    boolean any = false;
    while (true) {
      if (pos >= lim) {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
          lim = 0;
          pos = 0;
          return any ? line() : null;
        }
        lim = n;
        pos = 0;
      }
      if (afterCr) {
        afterCr = false;
        if (buf[pos] == '\n') {
          pos++;
          continue;
        }
      }
      int start = pos;
      while (pos < lim && buf[pos] != '\n' && buf[pos] != '\r') {
        pos++;
      }
      if (pos > start) {
        any = true;
        append(start, pos - start);
      }
      if (pos < lim) {
        afterCr = buf[pos] == '\r';
        pos++;
        return line();
      }
    }
  }

  /** Adds {@code buf[start, start + len)} to the line unless that passes the limit. */
  private void append(int start, int len) {
    if (tooLong) {
      return;
    }
    // a char takes at most 3 bytes (a surrogate pair 4 for 2 chars): count exactly only near the limit
    if (!counting && (sb.length() + (long) len) * 3 > maxBytes) {
      counting = true;
      bytes = Utf8.length(sb);
    }
    if (counting) {
      for (int i = start; i < start + len; i++) {
        bytes += Utf8.length(buf[i]);
      }
      if (bytes > maxBytes) {
        tooLong = true;
        sb.setLength(0);
        return;
      }
    }
    sb.append(buf, start, len);
  }

  private Line line() {
    number++;
    return new Line(number, tooLong ? null : sb.toString());
  }
}
