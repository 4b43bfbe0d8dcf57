package org.okrengine.model.json;

import java.io.IOException;
import java.io.Reader;
import org.okrengine.model.Problem;

/**
 * The lines of a reader, one at a time, each held only up to a size limit: a longer line is skipped to its end and
 * reported as too long, so a huge line never sits in memory. A line with bytes that are not UTF-8 (which a
 * {@link Utf8.Decoder} reports) is skipped to its end and reported with the position of the first bad bytes; the
 * lines after it are read. Line ends are {@code \n}, {@code \r} or {@code \r\n}. Not thread-safe.
 */
final class LineSource {
  /**
   * One line.
   *
   * @param number its 1-based number
   * @param text its text without the line end, or null when it was rejected
   * @param problem why it was rejected (too large, or not UTF-8), or null when {@code text} is given
   */
  record Line(long number, String text, Problem problem) {
    /** A line read whole. */
    Line(long number, String text) {
      this(number, text, null);
    }
  }

  private final Reader in;
  private final long maxBytes;
  private final char[] buf = new char[8192];
  private final StringBuilder sb = new StringBuilder();
  private int pos;
  private int lim;
  private long number;
  private boolean afterCr;
  // the current line: why it is rejected (null while it is not), whether its UTF-8 size is being counted, and
  // that size
  private Problem problem;
  private boolean counting;
  private long bytes;

  LineSource(Reader in, long maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line, or null at the end of input. */
  Line next() throws IOException {
    sb.setLength(0);
    problem = null;
    counting = false;
    boolean any = false;
    while (true) {
      if (pos >= lim) {
        int n;
        try {
          n = in.read(buf, 0, buf.length);
        } catch (Utf8.MalformedException e) {
          any = true;
          afterCr = false; // a \n after the bad bytes ends this line, not the \r before them
          reject(new Problem(e.where(), e.getMessage()));
          continue; // the decoder skipped the bad bytes: read on to the line's end
        }
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
    if (problem != null) {
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
        reject(new Problem("", Utf8.tooLarge(maxBytes)));
        return;
      }
    }
    sb.append(buf, start, len);
  }

  /** Rejects the current line for {@code why}, unless it is rejected already. */
  private void reject(Problem why) {
    if (problem == null) {
      problem = why;
      sb.setLength(0);
    }
  }

  private Line line() {
    number++;
    return problem != null ? new Line(number, null, problem) : new Line(number, sb.toString(), null);
  }
}
