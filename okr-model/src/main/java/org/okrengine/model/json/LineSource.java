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

  LineSource(Reader in, long maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line, or null at the end of input. */
  Line next() throws IOException {
    sb.setLength(0);
    long bytes = 0;
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (pos >= lim) {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
          lim = 0;
          pos = 0;
          if (!any) {
            return null;
          }
          return line(tooLong);
        }
        lim = n;
        pos = 0;
      }
      char c = buf[pos++];
      if (afterCr) {
        afterCr = false;
        if (c == '\n') {
          continue;
        }
      }
      any = true;
      if (c == '\n' || c == '\r') {
        afterCr = c == '\r';
        return line(tooLong);
      }
      if (!tooLong) {
        bytes += Utf8.length(c);
        if (bytes > maxBytes) {
          tooLong = true;
          sb.setLength(0);
        } else {
          sb.append(c);
        }
      }
    }
  }

  private Line line(boolean tooLong) {
    number++;
    return new Line(number, tooLong ? null : sb.toString());
  }
}
