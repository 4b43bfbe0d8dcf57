package org.okrengine.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {
  @Test
  void length_mixedText_sameAsEncoding() {
    String s = "a\u00e9\u20ac\uD83D\uDE00z";
    assertThat(Utf8.length(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void exceeds_countsOnlyWhenItCould() {
    assertThat(Utf8.exceeds("abc", 3)).isFalse();
    assertThat(Utf8.exceeds("ab\u20ac", 4)).isTrue(); // 1 + 1 + 3 bytes
    assertThat(Utf8.exceeds("ab\u20ac", 5)).isFalse();
  }

  @Test
  void limitedReader_overLimit_throws() throws IOException {
    try (Reader r = new Utf8.LimitedReader(new StringReader("ab\u20ac"), 4)) {
      assertThat(r.read()).isEqualTo('a');
      assertThat(r.read()).isEqualTo('b');
      assertThatThrownBy(r::read).isInstanceOf(Utf8.TooLargeException.class)
          .hasMessage("document is larger than the limit of 4 bytes");
      assertThatThrownBy(() -> r.skip(1)).isInstanceOf(IOException.class);
    }
  }

  @Test
  void limitedReader_atLimit_readsAll() throws IOException {
    try (Reader r = new Utf8.LimitedReader(new StringReader("ab\u20ac"), 5)) {
      char[] buf = new char[8];
      assertThat(r.read(buf, 0, 8)).isEqualTo(3);
      assertThat(r.read(buf, 0, 8)).isEqualTo(-1);
      assertThat(r.read()).isEqualTo(-1);
    }
  }

  static Utf8.Decoder decoder(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return new Utf8.Decoder(new ByteArrayInputStream(b));
  }

  @Test
  void decoder_validText_sameAsJdk() throws IOException {
    // seeded: random code points of every UTF-8 length, 1 to 4 bytes, and line ends, past several buffers
    Random random = new Random(17);
    StringBuilder sb = new StringBuilder();
    int[] bounds = {0x80, 0x800, 0x10000, 0x110000};
    while (sb.length() < 40_000) {
      int cp = random.nextInt(bounds[random.nextInt(4)]);
      if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
        sb.appendCodePoint(cp);
      }
    }
    String text = sb.toString();
    StringBuilder read = new StringBuilder();
    try (Reader r = new Utf8.Decoder(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      char[] buf = new char[1 + random.nextInt(5000)];
      for (int n = r.read(buf, 0, buf.length); n >= 0; n = r.read(buf, 0, buf.length)) {
        read.append(buf, 0, n);
      }
    }
    assertThat(read.toString()).isEqualTo(text);
  }

  @Test
  void decoder_badBytes_charsBeforeThenPositionThenCharsAfter() throws IOException {
    // "\uFEFFab\r\nc" then C0 AF (an overlong '/') then "d\n" then ED A0 80 (a surrogate half) then "e"
    try (Utf8.Decoder r = decoder(0xEF, 0xBB, 0xBF, 'a', 'b', '\r', '\n', 'c', 0xC0, 0xAF, 'd', '\n', 0xED, 0xA0,
        0x80, 'e')) {
      char[] buf = new char[100];
      assertThat(new String(buf, 0, r.read(buf, 0, 100))).isEqualTo("\uFEFFab\r\nc");
      Utf8.MalformedException e = catchThrowableOfType(Utf8.MalformedException.class, () -> r.read(buf, 0, 100));
      assertThat(e.where()).isEqualTo("line 2, column 2"); // the byte order mark is not a column
      assertThat(e).hasMessage("invalid UTF-8: bytes C0 AF");
      assertThat(new String(buf, 0, r.read(buf, 0, 100))).isEqualTo("d\n");
      e = catchThrowableOfType(Utf8.MalformedException.class, () -> r.read(buf, 0, 100));
      assertThat(e.where()).isEqualTo("line 3, column 1");
      assertThat(e).hasMessage("invalid UTF-8: bytes ED A0 80");
      assertThat(r.read()).isEqualTo('e');
      assertThat(r.read()).isEqualTo(-1);
    }
  }

  @Test
  void decoder_truncatedAtEnd_reportedThenEnd() throws IOException {
    try (Utf8.Decoder r = decoder('a', 0xF0, 0x9F, 0x98)) {
      assertThat(r.read()).isEqualTo('a');
      assertThatThrownBy(r::read).isInstanceOf(Utf8.MalformedException.class)
          .hasMessage("invalid UTF-8: bytes F0 9F 98");
      assertThat(r.read()).isEqualTo(-1);
    }
  }

  @Test
  void decoder_badByteThenContinuationBytes_shownUpToFour() throws IOException {
    try (Utf8.Decoder r = decoder(0xFF, 0x80, 0x80, 0x80, 0x80, 'x')) {
      assertThatThrownBy(r::read).hasMessage("invalid UTF-8: bytes FF 80 80 80");
      assertThatThrownBy(r::read).hasMessage("invalid UTF-8: byte 80");
      assertThat(r.read()).isEqualTo('x');
    }
  }
}
