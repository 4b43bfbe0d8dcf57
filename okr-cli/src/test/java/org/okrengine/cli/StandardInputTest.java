package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code -} reads standard input (library issue, item 4). */
class StandardInputTest {
  static OkrTest.Run withStdin(byte[] stdin, String... args) {
    InputStream before = System.in;
    try {
      System.setIn(new ByteArrayInputStream(stdin));
      return OkrTest.run(args);
    } finally {
      System.setIn(before);
    }
  }

  @Test
  void analyze_dash_sameAsTheFile() throws IOException {
    byte[] example = Files.readAllBytes(OkrTest.EXAMPLE);
    OkrTest.Run fromFile = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-08-19", "--format",
        "json");
    OkrTest.Run fromStdin = withStdin(example, "analyze", "-", "--as-of", "2026-08-19", "--format", "json");
    assertThat(fromStdin.code()).isEqualTo(0);
    assertThat(fromStdin.err()).isEmpty();
    assertThat(fromStdin.out()).isEqualTo(fromFile.out());
  }

  @Test
  void backtest_dash_jsonLines() throws IOException {
    // two cycles of the examples as JSON Lines (one document a line)
    String q2 = Files.readString(OkrTest.ROOT.resolve("examples/acme-2026-q2.json")).replaceAll("\\s*\\n\\s*", " ");
    String lines = q2 + "\n" + q2.replace("\"2026-Q2\"", "\"2026-Q2-copy\"") + "\n";
    OkrTest.Run r = withStdin(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8), "backtest", "-", "--format",
        "json");
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("\"cycles\": 2");
  }

  @Test
  void analyze_dashWithBadDocument_problemsNameTheDash() {
    OkrTest.Run r = withStdin("{\"format\": \"okr-cycle/1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "analyze", "-");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("-: ").contains("cycle: missing");
  }
}
