package org.okrengine.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.model.Cycle;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Team;

/** DOT output of text written to break it or the terminal (hardening issue, item 8). */
class DotWriterTest {
  static final Cycle Q = Cycle.of("Q\u0000\"", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 29));
  static final Path DOT = Path.of("/usr/bin/dot");

  /** Ids that differ only in what the escaping must keep apart, and titles that end strings or move the cursor. */
  static final List<String> IDS = List.of("KR\u0000", "KR\u0001", "KR\\u0000", "KR\\", "KR\"", "KR\\\"", "KR\n",
      "KR\\n", "KR\u001b[2J", "KR\u202e", "KR");
  static final List<String> TITLES = List.of("ends in a backslash \\", "quote \" then ] ; }", "bell \u0007 esc "
      + "\u001b]0;pwned\u0007 cr \r done", "new\nline \\n", "entity &#27; &amp; &lt;", "nul \u0000 del \u007f",
      "bidi \u202eevil\u202c \u2066x\u2069", "sep \u2028 \u2029 bom \ufeff", "emoji \ud83d\ude00 ok",
      "\\", "");

  static OkrCycle hostile() {
    List<KeyResult> krs = new ArrayList<>();
    for (int i = 0; i < IDS.size(); i++) {
      krs.add(new KeyResult(IDS.get(i), TITLES.get(i).isEmpty() ? null : TITLES.get(i), null, "t\u0000", 1.0,
          List.of(), Metric.of(0, 1, null), null, List.of(), null));
    }
    List<Dependency> deps = new ArrayList<>();
    for (int i = 1; i < IDS.size(); i++) {
      deps.add(new Dependency(IDS.get(i - 1), IDS.get(i), DependencyKind.BLOCKS, LocalDate.of(2026, 8, 1),
          TITLES.get(i)));
    }
    deps.add(new Dependency("I\u001b", IDS.get(0), DependencyKind.BLOCKS, null, null));
    deps.add(new Dependency("KR", "KR\u0000", DependencyKind.SHARES_RESOURCE, null, null));
    return OkrCycle.of(Q, List.of(new Team("t\u0000", "Team \u001b[31mred\u001b[0m \"q\" \\", null),
        new Team("p", "\\", null)), List.of(new Objective("O\r", "objective \u0007", "t\u0000", null, null, null, krs)),
        List.of(new Initiative("I\u001b", "initiative \u001b[1A up", "p", null, List.of(),
            List.of(new Milestone("M\u0000", "milestone \r\n", LocalDate.of(2026, 7, 10), null)))), deps);
  }

  static String write() {
    DependencyGraph g = DependencyGraph.of(hostile());
    return DotWriter.write(g, Set.of("I\u001b", "KR\u0000"), Set.of("KR\\u0000", "KR\u202e"));
  }

  @Test
  void write_hostileText_noControlCharacterAndEveryStringClosed() {
    String dot = write();
    for (int i = 0; i < dot.length(); i++) {
      char c = dot.charAt(i);
      // (an unpaired surrogate never gets this far: the model refuses it, WellFormedTextTest)
      assertThat(c == '\n' || !org.okrengine.model.SafeText.isUnsafe(c) || Character.isSurrogate(c))
          .as("character %d: U+%04X", i, (int) c).isTrue();
    }
    assertThat(dot).doesNotContain("&#27;");
    // every line closes its strings: only backslash-quote and pairs of backslashes are escapes
    for (String line : dot.split("\n")) {
      boolean in = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (in && c == '\\') {
          i++;
        } else if (c == '"') {
          in = !in;
        }
      }
      assertThat(in).as(line).isFalse();
    }
    assertThat(dot).startsWith("digraph \"Q\\u0000\\\"\" {\n")
        .contains("    label=\"Team \\\\u001b[31mred\\\\u001b[0m \\\"q\\\" \\\\\";\n")
        .contains("    \"KR\\u0000\" [label=\"KR\\\\u0000\\nends in a backslash \\\\\", color=red")
        .contains("    \"KR\\\\\" [label=\"KR\\\\\\nnew\\\\u000aline \\\\n\"];")
        .contains("    \"KR\\\"\" [label=\"KR\\\"\\nentity &amp;#27; &amp;amp; &amp;lt;\"];")
        .contains("    \"KR\\\\n\" [label=\"KR\\\\n\\nsep \\\\u2028 \\\\u2029 bom \\\\ufeff\"];")
        .contains("    \"KR\\u001b[2J\" [label=\"KR\\\\u001b[2J\\nemoji \ud83d\ude00 ok\"];");
    // distinct ids stay distinct node names
    Matcher m = Pattern.compile("(?m)^    (\"(?:[^\"\\\\]|\\\\.)*\") \\[label=").matcher(dot);
    Set<String> names = new HashSet<>();
    int nodes = 0;
    while (m.find()) {
      names.add(m.group(1));
      nodes++;
    }
    // 11 key results, the objective, the initiative and its milestone
    assertThat(nodes).isEqualTo(IDS.size() + 3);
    assertThat(names).hasSize(nodes);
  }

  @Test
  void q_andLabel_escapes() {
    assertThat(DotWriter.q("a\"b")).isEqualTo("\"a\\\"b\"");
    assertThat(DotWriter.q("a\\")).isEqualTo("\"a\\\\\"");
    assertThat(DotWriter.q("a\u0000b\nc")).isEqualTo("\"a\\u0000b\\u000ac\"");
    assertThat(DotWriter.label("id", "t\u001b&\\")).isEqualTo("\"id\\nt\\\\u001b&amp;\\\\\"");
  }

  @Test
  void graphviz_readsIt(@TempDir Path dir) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(DOT), "skipped: no Graphviz at " + DOT);
    Path in = dir.resolve("g.dot");
    Path out = dir.resolve("g.svg");
    Files.writeString(in, write(), StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(DOT.toString(), "-Tsvg", "-o", out.toString(), in.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("log"))).isEqualTo(0);
    String svg = Files.readString(out, StandardCharsets.UTF_8);
    // every node drawn, once, and no control character reaches the picture
    assertThat(Pattern.compile("<g id=\"node\\d+\" class=\"node\">").matcher(svg).results().count())
        .isEqualTo(IDS.size() + 3);
    assertThat(svg.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x1b || c == 0x7f)).isEmpty();
    assertThat(svg).contains("Team \\u001b[31mred\\u001b[0m").contains("entity &amp;#27;");
  }

  /** A long milestone title is shortened before its due date, which stays whole; an edge has one color. */
  @Test
  void write_longMilestoneTitleAndLateEdge_dueDateWholeAndOneColor() {
    KeyResult kr = new KeyResult("KR-1", "A key result", null, "t", 1.0, List.of(), Metric.of(0, 1, null), null,
        List.of(), null);
    OkrCycle c = OkrCycle.of(Q, List.of(new Team("t", "Team", null)),
        List.of(new Objective("O-1", "An objective", "t", null, null, null, List.of(kr))),
        List.of(new Initiative("I-1", "An initiative", "t", null, List.of(),
            List.of(new Milestone("M-1", "Top 50 articles of the help centre rewritten", LocalDate.of(2026, 8, 15),
                null)))), List.of());
    String dot = DotWriter.write(DependencyGraph.of(c), Set.of("KR-1"), Set.of("O-1"));
    assertThat(dot).contains("\"M-1\" [label=\"M-1\\nTop 50 articles of the help centre rewr… (due 2026-08-15)\"");
    assertThat(dot).contains("\"KR-1\" -> \"O-1\" [label=\"measures\", color=red];");
    for (String line : dot.split("\n")) {
      assertThat(line.indexOf(", color=")).as(line).isEqualTo(line.lastIndexOf(", color="));
    }
  }

  /**
   * A late milestone's part-of edge is structure, not a dependency at risk: gray, while an edge from it to what needs
   * it is red as the text report's "I-2 needs M-1, which is late".
   */
  @Test
  void write_lateMilestone_partOfGray_blocksRed() {
    KeyResult kr = new KeyResult("KR-1", "A key result", null, "t", 1.0, List.of(), Metric.of(0, 1, null), null,
        List.of(), null);
    OkrCycle c = OkrCycle.of(Q, List.of(new Team("t", "Team", null)),
        List.of(new Objective("O-1", "An objective", "t", null, null, null, List.of(kr))),
        List.of(new Initiative("I-1", "An initiative", "t", null, List.of(),
            List.of(new Milestone("M-1", "Beta", LocalDate.of(2026, 8, 15), null)))),
        List.of(new org.okrengine.model.Dependency("M-1", "KR-1", org.okrengine.model.DependencyKind.BLOCKS, null,
            null)));
    String dot = DotWriter.write(DependencyGraph.of(c), Set.of("M-1"), Set.of());
    assertThat(dot).contains("\"M-1\" -> \"I-1\" [label=\"part-of\", color=gray];")
        .contains("\"M-1\" -> \"KR-1\" [label=\"blocks\", color=red];")
        .contains("    \"M-1\" [label=\"M-1\\nBeta (due 2026-08-15)\", color=red");
  }
}
