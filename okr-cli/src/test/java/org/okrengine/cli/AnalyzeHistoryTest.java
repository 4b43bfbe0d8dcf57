package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Result;
import org.okrengine.model.Team;
import org.okrengine.model.json.CycleJson;

/**
 * {@code okr analyze --history}: precedents in the text, JSON and HTML reports, on the example and on hand-made cycles
 * (as okr-execution's PrecedentsTest: two 91-day quarters, a key result of 0 to 100 deals at 30 on day 42 of a linear
 * plan, asked at day 45.5, half the cycle).
 */
class AnalyzeHistoryTest {
  static final String EXAMPLE = OkrTest.EXAMPLE.toString();
  static final String Q2_EXAMPLE = OkrTest.ROOT.resolve("examples/acme-2026-q2.json").toString();
  static final Cycle Q2 = Cycle.of("Q2", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30));
  static final Cycle Q3 = Cycle.of("Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 29));

  @TempDir
  Path dir;

  /** Check-ins every 7 days reaching {@code v} on day 42; the blocker "legal" from day 42 on, gone after unless not. */
  static KeyResult kr(Cycle c, String id, double v, boolean cleared, Double fin) {
    List<CheckIn> checkIns = new ArrayList<>();
    for (int d = 0; d <= 84; d += 7) {
      List<String> blockers = d == 42 || d > 42 && !cleared ? List.of("legal") : List.of();
      checkIns.add(new CheckIn(c.startInstant().plusSeconds(d * 86_400L), v * d / 42, null, null, blockers, null));
    }
    return new KeyResult(id, null, null, "sales", 1.0, List.of(), new Metric(0.0, 100, Direction.INCREASE, "deals"),
        null, checkIns, fin == null ? null : Result.of(fin));
  }

  static String cycle(Cycle c, List<KeyResult> krs) {
    return CycleJson.withDefaults().write(OkrCycle.of(c, List.of(Team.of("sales")),
        List.of(new Objective("O-1", null, "sales", null, null, null, krs))));
  }

  /** 12 similar key results: the 4 that met their target all had the blocker gone, 2 of the 8 that missed. */
  Path[] files() throws IOException {
    List<KeyResult> krs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      krs.add(kr(Q2, "H-" + i, 30, i < 6, i < 4 ? 100.0 : 50.0));
    }
    Path history = Files.writeString(dir.resolve("history.jsonl"), cycle(Q2, krs).replace("\n", "") + "\n");
    Path now = Files.writeString(dir.resolve("q3.json"), cycle(Q3, List.of(kr(Q3, "KR-1", 30, false, null))));
    return new Path[] {now, history};
  }

  static final String AT = Instant.parse("2026-08-15T12:00:00Z").toString();

  @Test
  void analyze_handMadeHistory_saysWhatTheRecoveredHadInCommon() throws IOException {
    Path[] f = files();
    OkrTest.Run r = OkrTest.run("analyze", f[0].toString(), "--as-of", AT, "--history", f[1].toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    // scipy 1.17.1: binomtest(4, 12).proportion_ci(confidence_level=0.9, method='wilson') = (0.1567, 0.5742)
    assertThat(r.out()).contains("      before: Of 12 earlier key results about 20 points behind plan at week 7 (50% "
        + "of the cycle), 12 of them this team's, 4 met their target (90% Wilson interval: 16-57%); the 8 that missed "
        + "ended at a median 50% of their target. 4 of those 4 had their named blocker gone within 2 weeks, against 2 "
        + "of the 8 that missed.\n");
    OkrTest.Run json = OkrTest.run("analyze", f[0].toString(), "--as-of", AT, "--history", f[1].toString(),
        "--format", "json");
    assertThat(json.out()).contains("\"precedents\": {\n        \"fraction\": 0.5,\n        \"pool\": 12,\n"
        + "        \"similar\": 12,\n        \"sameTeam\": 12,\n        \"recovered\": 4,\n");
    OkrTest.Run html = OkrTest.run("analyze", f[0].toString(), "--as-of", AT, "--history", f[1].toString(),
        "--format", "html");
    assertThat(html.out()).contains("<p class=\"precedents\">Before: Of 12 earlier key results");
  }

  @Test
  void explain_withHistory_endsWithThePrecedents() throws IOException {
    Path[] f = files();
    OkrTest.Run r = OkrTest.run("explain", f[0].toString(), "KR-1", "--as-of", "2026-08-15", "--history",
        f[1].toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    // every earlier key result is built as KR-1 is, so all 12 are at distance 0 at any point of the cycle
    assertThat(r.out()).contains("Of 12 earlier key results").endsWith("4 of those 4 had their named blocker gone "
        + "within 2 weeks, against 2 of the 8 that missed.\n");
  }

  @Test
  void analyze_historyWithoutResults_lastCheckInsStandInWithTheFlag() throws IOException {
    // the 12 key results of files(), each with a last check-in on day 90 at its final value (the blocker on it as
    // on the check-ins before): once with results, once without (an export); with the flag the same precedents
    List<KeyResult> withResults = new ArrayList<>();
    List<KeyResult> exported = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      KeyResult k = kr(Q2, "H-" + i, 30, i < 6, i < 4 ? 100.0 : 50.0);
      List<CheckIn> checkIns = new ArrayList<>(k.checkIns());
      checkIns.add(new CheckIn(Q2.startInstant().plusSeconds(90 * 86_400L), k.result().finalValue(), null, null,
          i < 6 ? List.of() : List.of("legal"), null));
      withResults.add(new KeyResult(k.id(), null, null, "sales", 1.0, List.of(), k.metric(), null, checkIns,
          k.result()));
      exported.add(new KeyResult(k.id(), null, null, "sales", 1.0, List.of(), k.metric(), null, checkIns, null));
    }
    Path now = files()[0];
    Path a = Files.writeString(dir.resolve("with-results.json"), cycle(Q2, withResults));
    Path b = Files.writeString(dir.resolve("export.json"), cycle(Q2, exported));
    OkrTest.Run expected = OkrTest.run("analyze", now.toString(), "--as-of", AT, "--history", a.toString());
    assertThat(expected.out()).contains("before: ");
    OkrTest.Run flagged = OkrTest.run("analyze", now.toString(), "--as-of", AT, "--history", b.toString(),
        "--outcome-from-last-check-in");
    assertThat(flagged.code()).as(flagged.err()).isZero();
    assertThat(flagged.out()).isEqualTo(expected.out());
    // without the flag the export has no outcome to learn from
    OkrTest.Run plain = OkrTest.run("analyze", now.toString(), "--as-of", AT, "--history", b.toString());
    assertThat(plain.out()).isNotEqualTo(expected.out());
    // the flag without a history it would apply to: exit 2, not ignored (analyze and explain alike)
    for (String command : new String[] {"analyze", "explain"}) {
      OkrTest.Run alone = command.equals("analyze")
          ? OkrTest.run("analyze", now.toString(), "--as-of", AT, "--outcome-from-last-check-in")
          : OkrTest.run("explain", now.toString(), "KR-1", "--as-of", "2026-08-15", "--outcome-from-last-check-in");
      assertThat(alone.code()).as(command).isEqualTo(2);
      assertThat(alone.err()).as(command).isEqualTo("--outcome-from-last-check-in: reads the --history's outcomes; "
          + "give a --history\n");
    }
    // explain with the flag reads the export as the same history with results
    OkrTest.Run explainExpected = OkrTest.run("explain", now.toString(), "KR-1", "--as-of", "2026-08-15",
        "--history", a.toString());
    assertThat(OkrTest.run("explain", now.toString(), "KR-1", "--as-of", "2026-08-15", "--history", b.toString(),
        "--outcome-from-last-check-in").out()).isEqualTo(explainExpected.out()).contains("Of 12 earlier key results");
  }

  @Test
  void analyze_exampleWithQ2_everyAttentionKeyResultGetsPrecedents() {
    OkrTest.Run r = OkrTest.run("analyze", EXAMPLE, "--as-of", "2026-08-19", "--history", Q2_EXAMPLE);
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("      before: Not enough history to say what worked before: ");
    OkrTest.Run json = OkrTest.run("analyze", EXAMPLE, "--as-of", "2026-08-19", "--history", Q2_EXAMPLE,
        "--format", "json");
    assertThat(json.out()).contains("\"precedents\": {");
    OkrTest.Run without = OkrTest.run("analyze", EXAMPLE, "--as-of", "2026-08-19", "--format", "json");
    assertThat(without.out()).doesNotContain("precedents");
  }

  @Test
  void analyze_badHistory_exit2NamingFileAndPath() throws IOException {
    Path[] f = files();
    Path bad = Files.writeString(dir.resolve("bad.json"), cycle(Q2, List.of(kr(Q2, "H-1", 30, true, 100.0)))
        .replaceFirst("\"target\": [0-9.]+", "\"target\": \"many\""));
    OkrTest.Run r = OkrTest.run("analyze", f[0].toString(), "--as-of", AT, "--history", bad.toString(),
        "--history", dir.resolve("none.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(bad + ": objectives[0].keyResults[0].metric.target: ")
        .contains(dir.resolve("none.json") + ": no such file").doesNotContain("--history: ");
  }
}
