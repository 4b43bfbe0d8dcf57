package org.okrengine.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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
}
