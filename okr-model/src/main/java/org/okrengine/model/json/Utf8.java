package org.okrengine.model.json;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * UTF-8 for the readers: counting the UTF-8 size of text without encoding it, a reader that stops at a size limit,
 * and a strict decoder that names the line and column of bytes that are not UTF-8. The static methods are stateless
 * and thread-safe; the readers are not thread-safe.
 */
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

  /** {@code in} without a leading byte order mark. */
  static Reader skipBom(Reader in) throws IOException {
    PushbackReader r = new PushbackReader(in, 1);
    int c = r.read();
    if (c >= 0 && c != '\uFEFF') {
      r.unread(c);
    }
    return r;
  }

  /** The problem of a document larger than {@code limit} bytes: {@code document is larger than the limit of ...}. */
  static String tooLarge(long limit) {
    return "document is larger than the limit of " + limit + " bytes";
  }

  /** Thrown by {@link LimitedReader} when the text read passes the limit. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long limit) {
      super(tooLarge(limit));
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

  /**
   * Thrown by {@link Decoder} at bytes that are not UTF-8; the decoder has skipped them and reads on after them.
   * Its message is {@code invalid UTF-8: bytes C0 AF}.
   */
  static final class MalformedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final long column;

    MalformedException(long line, long column, String bytes) {
      super("invalid UTF-8: " + bytes);
      this.line = line;
      this.column = column;
    }

    /** The 1-based line of the bad bytes. */
    long line() {
      return line;
    }

    /** The 1-based column (in characters, a leading byte order mark not counted) of the bad bytes in their line. */
    long column() {
      return column;
    }

    /** {@code line L, column C}: where the bad bytes are, as malformed JSON is reported. */
    String where() {
      return "line " + line + ", column " + column;
    }
  }

  /**
   * Decodes UTF-8 bytes strictly: overlong forms, surrogates, code points above U+10FFFF, stray continuation bytes,
   * truncated sequences and bytes that never occur in UTF-8 are reported, never replaced. A read that reaches bad
   * bytes first returns the characters before them; the next read throws {@link MalformedException} naming their
   * line and column and skips them, and reading may go on after them. Lines end at {@code \n}, {@code \r} or
   * {@code \r\n}. Closing it closes the stream. Not thread-safe.
   */
  static final class Decoder extends Reader {
    /** The most bytes shown of one bad sequence: the longest UTF-8 sequence. */
    private static final int MAX_SHOWN = 4;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).limit(0);
    private boolean endOfInput;
    // the position of the next character
    private long line = 1;
    private long column = 1;
    private boolean afterCr;
    private boolean atStart = true;

    Decoder(InputStream in) {
      this.in = Objects.requireNonNull(in, "in must not be null");
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, cbuf.length);
      if (len == 0) {
        return 0;
      }
      CharBuffer out = CharBuffer.wrap(cbuf, off, len);
      while (true) {
        CoderResult r = decoder.decode(bytes, out, endOfInput);
        if (r.isError()) {
          if (out.position() > off) {
            break; // what came before the bad bytes first; the next read reports them
          }
          throw malformed(r.length());
        }
        if (r.isOverflow() || out.position() > off || endOfInput) {
          break;
        }
        fill();
      }
      int n = out.position() - off;
      if (n == 0) {
        return -1;
      }
      advance(cbuf, off, n);
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    /** Moves what is left to the front of the buffer and reads more after it. */
    private void fill() throws IOException {
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        endOfInput = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }

    /**
     * The exception for the {@code length} bad bytes at the buffer's position, which it skips together with the
     * continuation bytes right after them (the rest of the character the writer meant, shown in the message).
     */
    private MalformedException malformed(int length) {
      int start = bytes.position();
      int end = start + length;
      while (end < bytes.limit() && end - start < MAX_SHOWN && (bytes.get(end) & 0xC0) == 0x80) {
        end++;
      }
      StringBuilder shown = new StringBuilder(end - start == 1 ? "byte" : "bytes");
      for (int i = start; i < end; i++) {
        shown.append(' ').append(String.format("%02X", bytes.get(i) & 0xFF));
      }
      bytes.position(end);
      MalformedException e = new MalformedException(line, column, shown.toString());
      column++; // the bad bytes stand for one character
      afterCr = false;
      atStart = false;
      return e;
    }

    /** Tracks the line and column past {@code cbuf[off, off + n)}. */
    private void advance(char[] cbuf, int off, int n) {
      for (int i = off; i < off + n; i++) {
        char c = cbuf[i];
        if (c == '\n') {
          if (!afterCr) {
            line++;
            column = 1;
          }
          afterCr = false;
        } else if (c == '\r') {
          line++;
          column = 1;
          afterCr = true;
        } else {
          afterCr = false;
          if (!(atStart && c == '\uFEFF')) {
            column++;
          }
        }
        atStart = false;
      }
    }
  }
}
