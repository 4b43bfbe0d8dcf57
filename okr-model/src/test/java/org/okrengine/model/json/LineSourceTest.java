package org.okrengine.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        new LineSource.Line(2, null), new LineSource.Line(3, "abc"));
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
}
