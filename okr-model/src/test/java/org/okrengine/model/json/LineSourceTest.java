package org.okrengine.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.okrengine.model.Problem;

class LineSourceTest {
  static List<LineSource.Line> all(String text, long maxBytes) throws IOException {
    LineSource source = new LineSource(new StringReader(text), maxBytes);
    List<LineSource.Line> out = new ArrayList<>();
    for (LineSource.Line l = source.next(); l != null; l = source.next()) {
      out.add(l);
    }
    return out;
  }

  @Test
  void next_everyLineEnd_splitsLikeBufferedReader() throws IOException {
    assertThat(all("a\nb\r\nc\rd\n\ne", 100)).containsExactly(new LineSource.Line(1, "a"),
        new LineSource.Line(2, "b"), new LineSource.Line(3, "c"), new LineSource.Line(4, "d"),
        new LineSource.Line(5, ""), new LineSource.Line(6, "e"));
  }

  @Test
  void next_trailingLineEnd_noExtraLine() throws IOException {
    assertThat(all("a\r\n", 100)).containsExactly(new LineSource.Line(1, "a"));
    assertThat(all("", 100)).isEmpty();
    assertThat(all("\n", 100)).containsExactly(new LineSource.Line(1, ""));
  }

  @Test
  void next_lineOverLimit_textNullAndNextLineRead() throws IOException {
    // "\u00e9" is 2 bytes in UTF-8: "aa\u00e9" is 4 bytes
    assertThat(all("aa\u00e9\naaaaa\nabc", 4)).containsExactly(new LineSource.Line(1, "aa\u00e9"),
        new LineSource.Line(2, null, new Problem("", "document is larger than the limit of 4 bytes")),
        new LineSource.Line(3, "abc"));
  }

  @Test
  void next_linesLongerThanBuffer_keptWhole() throws IOException {
    String a = "a".repeat(20_000);
    String b = "\u20ac".repeat(9_000); // 3 bytes each: 27,000 bytes
    assertThat(all(a + "\r\n" + b, 27_000)).containsExactly(new LineSource.Line(1, a), new LineSource.Line(2, b));
    assertThat(all(a + "\n" + b + "\n" + a, 26_999)).extracting(LineSource.Line::text)
        .containsExactly(a, null, a);
  }

  @Test
  void next_crAtBufferEnd_thenLf_oneLineEnd() throws IOException {
    String first = "x".repeat(8191); // with its \r it fills the 8192-char buffer; \n starts the next read
    assertThat(all(first + "\r\nnext", 10_000)).extracting(LineSource.Line::text).containsExactly(first, "next");
  }

  @Test
  void next_invalidUtf8_lineRejectedAtFirstBadBytes_nextLinesRead() throws IOException {
    byte[] bytes = {'a', (byte) 0xC0, (byte) 0xAF, 'b', (byte) 0xFF, '\r', '\n', (byte) 0x80, '\n', 'c', '\r',
        'd', (byte) 0xF0, (byte) 0x9F};
    LineSource source = new LineSource(new Utf8.Decoder(new ByteArrayInputStream(bytes)), 100);
    List<LineSource.Line> out = new ArrayList<>();
    for (LineSource.Line l = source.next(); l != null; l = source.next()) {
      out.add(l);
    }
    assertThat(out).containsExactly(
        new LineSource.Line(1, null, new Problem("line 1, column 2", "invalid UTF-8: bytes C0 AF")),
        new LineSource.Line(2, null, new Problem("line 2, column 1", "invalid UTF-8: byte 80")),
        new LineSource.Line(3, "c"),
        new LineSource.Line(4, null, new Problem("line 4, column 2", "invalid UTF-8: bytes F0 9F")));
  }

  @Test
  void next_crThenInvalidThenLf_twoLineEnds() throws IOException {
    byte[] bytes = {'x', '\r', (byte) 0xC0, '\n', 'y'};
    LineSource source = new LineSource(new Utf8.Decoder(new ByteArrayInputStream(bytes)), 100);
    assertThat(source.next()).isEqualTo(new LineSource.Line(1, "x"));
    assertThat(source.next().problem()).isEqualTo(new Problem("line 2, column 1", "invalid UTF-8: byte C0"));
    assertThat(source.next()).isEqualTo(new LineSource.Line(3, "y"));
  }

  @Test
  void next_tooLongThenInvalid_firstProblemKept() throws IOException {
    byte[] bytes = {'a', 'a', 'a', 'a', 'a', (byte) 0xC0, '\n', (byte) 0xC0, 'a', 'a', 'a', 'a', 'a', '\n', 'b'};
    LineSource source = new LineSource(new Utf8.Decoder(new ByteArrayInputStream(bytes)), 4);
    assertThat(source.next().problem()).isEqualTo(new Problem("", "document is larger than the limit of 4 bytes"));
    assertThat(source.next().problem()).isEqualTo(new Problem("line 2, column 1", "invalid UTF-8: byte C0"));
    assertThat(source.next()).isEqualTo(new LineSource.Line(3, "b"));
    assertThat(source.next()).isNull();
  }

  /**
   * The lines of {@code bytes} by the plain rule: split at {@code \n}, {@code \r} and {@code \r\n}, decode each line
   * with the JDK's strict decoder; a line it rejects is a problem at the first bad byte's column (the characters
   * before it, plus one; a byte order mark starting the input not counted).
   */
  static List<LineSource.Line> reference(byte[] bytes) {
    List<LineSource.Line> out = new ArrayList<>();
    int start = 0;
    long number = 0;
    for (int i = 0; i <= bytes.length; i++) {
      boolean end = i == bytes.length;
      if (!end && bytes[i] != '\n' && bytes[i] != '\r') {
        continue;
      }
      if (end && start == bytes.length) {
        break;
      }
      number++;
      java.nio.ByteBuffer line = java.nio.ByteBuffer.wrap(bytes, start, i - start);
      java.nio.charset.CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder();
      java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(i - start + 1);
      java.nio.charset.CoderResult r = jdk.decode(line, chars, true);
      chars.flip();
      if (r.isError()) {
        long column = chars.length() + 1 - (number == 1 && chars.length() > 0 && chars.charAt(0) == '\uFEFF' ? 1 : 0);
        out.add(new LineSource.Line(number, null, new Problem("line " + number + ", column " + column, "?")));
      } else {
        out.add(new LineSource.Line(number, chars.toString()));
      }
      if (!end && bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
        i++;
      }
      start = i + 1;
    }
    return out;
  }

  /** The lines a {@link LineSource} reads through a {@link Utf8.Decoder}, with the messages left out. */
  static List<LineSource.Line> decoded(byte[] bytes) throws IOException {
    LineSource source = new LineSource(new Utf8.Decoder(new ByteArrayInputStream(bytes)), Long.MAX_VALUE);
    List<LineSource.Line> out = new ArrayList<>();
    for (LineSource.Line l = source.next(); l != null; l = source.next()) {
      assertThat(l.problem() == null || l.problem().message().startsWith("invalid UTF-8: ")).isTrue();
      out.add(l.problem() == null ? l : new LineSource.Line(l.number(), null, new Problem(l.problem().path(), "?")));
    }
    return out;
  }

  @Test
  void next_seededRandomBytes_sameAsReference() throws IOException {
    // pieces that are valid, invalid, line ends and a byte order mark, in random order and across buffer edges
    byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "\u00e9".getBytes(StandardCharsets.UTF_8),
        "\u20ac".getBytes(StandardCharsets.UTF_8), "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
        "\uFEFF".getBytes(StandardCharsets.UTF_8), {'\n'}, {'\r'}, {'\r', '\n'}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
    Random random = new Random(9);
    for (int run = 0; run < 300; run++) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      int n = random.nextInt(run < 250 ? 60 : 12_000);
      for (int i = 0; i < n; i++) {
        // mostly valid text, so that some lines are read whole
        int k = random.nextInt(10) < 8 ? random.nextInt(8) : random.nextInt(pieces.length);
        out.write(pieces[k], 0, pieces[k].length);
      }
      byte[] bytes = out.toByteArray();
      assertThat(decoded(bytes)).as("run %d", run).isEqualTo(reference(bytes));
    }
  }
}
