package org.okrengine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {
  @Test
  void terminalEscapesLineEndsAndBidiControlsAreWrittenAsHex() {
    // ESC [ 2 J clears a screen; CR and LF forge a new line; U+202E reverses what follows; BEL rings
    assertThat(SafeText.printable("a\u001b[2Jb\r\nSYSTEM\u202eok\u0007"))
        .isEqualTo("a\\u001b[2Jb\\u000d\\u000aSYSTEM\\u202eok\\u0007");
  }

  @Test
  void wellFormedPairsStayAndLoneSurrogatesAreEscaped() {
    assertThat(SafeText.printable("a\ud800b\ud83d\ude00")).isEqualTo("a\\ud800b\ud83d\ude00");
    assertThat(SafeText.printable("x\udc00")).isEqualTo("x\\udc00");
    assertThat(SafeText.printable("\ud83d")).isEqualTo("\\ud83d");
  }

  @Test
  void safeTextIsReturnedAsItIs() {
    String s = "Größe: 1,500 signups — 日本 \ud83d\ude00";
    assertThat(SafeText.printable(s)).isSameAs(s);
  }

  @Test
  void theRuleOverEveryCodeUnit() {
    // the rule stated in the Javadoc, written out independently: C0, DEL, C1, U+2028/9, bidi controls, BOM, surrogates
    for (int c = 0; c <= 0xffff; c++) {
      boolean expected = c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || c == 0x061c
          || c == 0x200e || c == 0x200f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0xfeff
          || c >= 0xd800 && c <= 0xdfff;
      assertThat(SafeText.isUnsafe((char) c)).as("U+%04X", c).isEqualTo(expected);
      if (expected && (c < 0xd800 || c > 0xdfff)) {
        assertThat(SafeText.printable(String.valueOf((char) c))).isEqualTo(String.format("\\u%04x", c));
      }
    }
  }
}
