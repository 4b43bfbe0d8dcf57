package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void backtest_dash_jsonLinesWithAByteOrderMark_sameAsTheFile(@TempDir Path dir) throws IOException {
    // the two example quarters as JSON Lines saved with a byte order mark (as some Windows editors save): the file
    // reads them, 2 cycles. From standard input the mark hid the first line's '{', so it was not a whole object and
    // 1 of 2 lines is not more than half: the stream was read as one document, exit 2, "-:2: unexpected content
    // after the end of the document (column 1)"
    String q2 = Files.readString(OkrTest.ROOT.resolve("examples/acme-2026-q2.json")).replaceAll("\\s*\\n\\s*", " ");
    String q3 = Files.readString(OkrTest.ROOT.resolve("examples/acme-2026-q3.json")).replaceAll("\\s*\\n\\s*", " ");
    byte[] bytes = ("\uFEFF" + q2 + "\n" + q3 + "\n").getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("two.jsonl"), bytes);
    OkrTest.Run fromFile = OkrTest.run("backtest", file.toString(), "--format", "json");
    OkrTest.Run fromStdin = withStdin(bytes, "backtest", "-", "--format", "json");
    assertThat(fromFile.code()).as(fromFile.err()).isEqualTo(0);
    assertThat(fromFile.out()).contains("\"cycles\": 2,");
    assertThat(fromStdin.code()).as(fromStdin.err()).isEqualTo(0);
    assertThat(fromStdin.out()).isEqualTo(fromFile.out());
  }

  @Test
  void backtest_dash_jsonLinesWithATruncatedLine_keepsTheGoodLines(@TempDir Path dir) throws IOException {
    // two whole cycles, then the first 200 characters of a third (a download cut short): read as JSON Lines, as the
    // same bytes in a .jsonl file are, the third line rejected and the two scored. Before, one line that was not a
    // whole object made the stream one JSON document: "-:2: unexpected content after the end of the document
    // (column 1)", "skipped 1 bad line of 1", and "cycles": 0
    String q2 = Files.readString(OkrTest.ROOT.resolve("examples/acme-2026-q2.json")).replaceAll("\\s*\\n\\s*", " ");
    String lines = q2 + "\n" + q2.replace("\"2026-Q2\"", "\"2026-Q2-copy\"") + "\n" + q2.substring(0, 200) + "\n";
    Path rejects = dir.resolve("rejects.txt");
    OkrTest.Run r = withStdin(lines.getBytes(StandardCharsets.UTF_8), "backtest", "-", "--format", "json",
        "--rejects", rejects.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("\"cycles\": 2,");
    assertThat(r.err()).contains("skipped 1 bad line of 3");
    assertThat(Files.readString(rejects)).startsWith("-:3: ").doesNotContain("-:2:");
  }

  @Test
  void backtest_dash_jsonLinesWithATruncatedFirstLine_stillJsonLines(@TempDir Path dir) throws IOException {
    // the first line cut short, three whole ones after it: most lines are whole objects, so JSON Lines
    String q2 = Files.readString(OkrTest.ROOT.resolve("examples/acme-2026-q2.json")).replaceAll("\\s*\\n\\s*", " ");
    String lines = q2.substring(0, 200) + "\n" + q2 + "\n" + q2.replace("\"2026-Q2\"", "\"2026-Q2-b\"") + "\n"
        + q2.replace("\"2026-Q2\"", "\"2026-Q2-c\"") + "\n";
    Path rejects = dir.resolve("rejects.txt");
    OkrTest.Run r = withStdin(lines.getBytes(StandardCharsets.UTF_8), "backtest", "-", "--format", "json",
        "--rejects", rejects.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("\"cycles\": 3,");
    assertThat(Files.readString(rejects)).startsWith("-:1: ");
  }

  @Test
  void analyze_dash_prettyDocumentWithOneLineObjects_isOneDocument() throws IOException {
    // the example with each check-in on one line: still one document, though the last check-in of each key result
    // is a line that begins with '{' and ends with '}' (30 of its lines; the first line is "{" alone)
    String pretty = java.util.regex.Pattern.compile("\\{\\s*(\"at\"[^{}]*?)\\s*\\}").matcher(
        Files.readString(OkrTest.EXAMPLE)).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
            "{" + m.group(1).replaceAll("\\s*\\n\\s*", " ") + "}"));
    assertThat(pretty.lines().filter(l -> l.strip().startsWith("{\"at\"") && l.strip().endsWith("}"))).hasSize(30);
    OkrTest.Run fromFile = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--format", "json");
    OkrTest.Run fromStdin = withStdin(pretty.getBytes(StandardCharsets.UTF_8), "analyze", "-", "--format", "json");
    assertThat(fromStdin.code()).as(fromStdin.err()).isEqualTo(0);
    assertThat(fromStdin.out()).isEqualTo(fromFile.out());
  }

  @Test
  void analyze_dash_commaFirstDocumentWhoseFirstLineEndsWithABrace_isOneDocument() throws IOException {
    // the example written comma-first, one top-level field a line, its "cycle" first: the first line
    // {"cycle": {"id": "2026-Q3", ...} begins with '{' and ends with '}' but is not a whole object (its outer brace is
    // still open), and no other line begins with '{'. One valid document, read as the file is; before, the first line
    // made it JSON Lines and every line was refused ("-:1: unexpected end-of-input: expected close marker for Object")
    String compact = Files.readString(OkrTest.EXAMPLE).replaceAll("\\s*\\n\\s*", " ");
    String cycle = compact.substring(compact.indexOf("\"cycle\""), compact.indexOf('}', compact.indexOf("\"cycle\"")) + 1);
    String rest = compact.replace(cycle + ",", "").replaceFirst("^\\{\\s*", "")
        .replaceAll(", (\"(teams|objectives|keyResults|dependencies|milestones|sources)\": )", "\n,$1");
    String commaFirst = "{" + cycle + "\n," + rest;
    String first = commaFirst.lines().findFirst().orElseThrow();
    assertThat(first).startsWith("{\"cycle\"").endsWith("}");
    assertThat(commaFirst.lines().skip(1).filter(l -> l.strip().startsWith("{"))).isEmpty();
    OkrTest.Run fromFile = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--format", "json");
    OkrTest.Run fromStdin = withStdin(commaFirst.getBytes(StandardCharsets.UTF_8), "analyze", "-", "--format",
        "json");
    assertThat(fromStdin.err()).isEmpty();
    assertThat(fromStdin.code()).isEqualTo(0);
    assertThat(fromStdin.out()).isEqualTo(fromFile.out());
  }

  @Test
  void analyze_dashWithBadDocument_problemsNameTheDash() {
    OkrTest.Run r = withStdin("{\"format\": \"okr-cycle/1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "analyze", "-");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("-: ").contains("cycle: missing");
  }
}
