package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleTextTest {
  @Test
  void printable_controlCharactersEscaped_restKept() {
    assertThat(ConsoleText.printable("plain ✓ text")).isEqualTo("plain ✓ text");
    assertThat(ConsoleText.printable("a\nb\u001b[31mc\u007f")).isEqualTo("a\\u000ab\\u001b[31mc\\u007f");
    assertThat(ConsoleText.printable("")).isEmpty();
    // line separators, bidirectional overrides, a byte order mark, C1 and lone surrogates too; pairs are kept
    assertThat(ConsoleText.printable("a\u2028b\u2029c\u202ed\u2066e\ufefff\u0085g\ud800h\ud83d\ude00"))
        .isEqualTo("a\\u2028b\\u2029c\\u202ed\\u2066e\\ufefff\\u0085g\\ud800h\ud83d\ude00");
  }
}
