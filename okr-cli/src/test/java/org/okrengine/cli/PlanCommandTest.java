package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code okr plan} on the example (examples/acme-2026-q3.json against examples/acme-2026-q2.json) and bad input. */
class PlanCommandTest {
  static final String EXAMPLE = OkrTest.EXAMPLE.toString();
  static final String Q2 = OkrTest.ROOT.resolve("examples/acme-2026-q2.json").toString();

  @Test
  void plan_example_sentencesWithTheRecordFlagged() {
    OkrTest.Run r = OkrTest.run("plan", EXAMPLE, "--history", Q2);
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    // Q2 holds 30 key results, all finished; Q3 has check-ins up to week 8, which the plan ignores
    assertThat(r.out()).startsWith("Targets of 2026-Q3 against 1 earlier cycle (30 key results with an outcome).\n"
        + "The cycle has 291 check-ins; this answer works from the baselines and targets only, as at planning time.\n"
        + "\nIncrease and decrease key results (chance of the target, from how far teams got against what they "
        + "asked):\n! KR-1 (Segment revenue from 1.2M to 2.0M EUR), of Growth: a 32% chance of reaching 2 M EUR from "
        + "1.2 M EUR.");
    // Q2's KR-1 moved 1.2 -> 1.8578, +54.8% of the baseline; Q3 asks 1.2 -> 2.0, +66.7%
    assertThat(r.out()).contains(" Beyond the team's record: it asks for a move of 67% of the baseline, and the most "
        + "the team moved an increase key result was 55%.\n");
    assertThat(r.out()).contains("\nAchieve and maintain key results (how often the team met key results of the "
        + "kind):\n  KR-3 (Launch self-serve finance dashboards), of Growth: not enough history to give a chance: the "
        + "history holds 3 achieve key results with an outcome, and at least 5 are needed.\n");
  }

  @Test
  void plan_json_namesItsFormat() {
    OkrTest.Run r = OkrTest.run("plan", EXAMPLE, "--history", Q2, "--format", "json");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).startsWith("{\n  \"format\": \"okr-plan/1\",\n  \"cycle\": \"2026-Q3\",\n  \"history\": "
        + "{\"cycles\": 1, \"keyResults\": 30, \"withoutResult\": 0},\n  \"checkIns\": 291,\n");
    // the same bytes every run
    assertThat(OkrTest.run("plan", EXAMPLE, "--history", Q2, "--format", "json").out()).isEqualTo(r.out());
  }

  @Test
  void plan_out_writesTheFileAndSaysSo(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("plan.json");
    OkrTest.Run r = OkrTest.run("plan", EXAMPLE, "--history", Q2, "--format", "json", "--out", out.toString());
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).isEqualTo("wrote " + out + "\n");
    assertThat(Files.readString(out)).isEqualTo(OkrTest.run("plan", EXAMPLE, "--history", Q2, "--format", "json")
        .out());
    Path q2 = Files.copy(Path.of(Q2), dir.resolve("q2.json"));
    OkrTest.Run over = OkrTest.run("plan", EXAMPLE, "--history", q2.toString(), "--out", q2.toString());
    assertThat(over.code()).isEqualTo(2);
    assertThat(over.err()).isEqualTo("--out: " + q2 + ": is one of the inputs, which it would overwrite\n");
  }

  @Test
  void plan_badInput_exit2ListingEveryProblem(@TempDir Path dir) {
    String missing = dir.resolve("nope.json").toString();
    OkrTest.Run r = OkrTest.run("plan", missing, "--history", dir.resolve("gone.jsonl").toString(), "--format",
        "xml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("--format: must be text or json: 'xml'\n" + missing + ": no such file\n"
        + dir.resolve("gone.jsonl") + ": no such file\n");
    // a history of cycles none of which has a result: the current cycle given by mistake
    OkrTest.Run current = OkrTest.run("plan", EXAMPLE, "--history", EXAMPLE);
    assertThat(current.code()).isEqualTo(2);
    assertThat(current.err()).isEqualTo("--history: no key result of the 1 cycle has a result (result.finalValue): "
        + "give finished cycles, or --outcome-from-last-check-in where their last check-ins are the results\n");
    // an export whose last check-ins are the results: Q3's 30 key results, each ended at its last check-in
    OkrTest.Run exported = OkrTest.run("plan", OkrTest.ROOT.resolve("examples/acme-2026-q2.json").toString(),
        "--history", EXAMPLE, "--outcome-from-last-check-in");
    assertThat(exported.code()).as(exported.err()).isZero();
    assertThat(exported.out()).startsWith("Targets of 2026-Q2 against 1 earlier cycle (30 key results with an "
        + "outcome).\n");
    OkrTest.Run none = OkrTest.run("plan", EXAMPLE);
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).startsWith("Missing required option: '--history=FILE'\n");
  }

  @Test
  void plan_cycleFileOfSeveralCycles_badInput(@TempDir Path dir) throws IOException {
    // two documents as JSON Lines: the example quarters, one line each
    tools.jackson.databind.ObjectMapper json = new tools.jackson.databind.ObjectMapper();
    Path both = Files.writeString(dir.resolve("both.jsonl"), json.readTree(Files.readString(Path.of(Q2))) + "\n"
        + json.readTree(Files.readString(Path.of(EXAMPLE))) + "\n");
    OkrTest.Run r = OkrTest.run("plan", both.toString(), "--history", Q2);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(both + ": holds 2 cycles; give the one planned\n");
  }

  @Test
  void plan_rejectedHistoryLine_exit2UnlessRejectsListsIt(@TempDir Path dir) throws IOException {
    tools.jackson.databind.ObjectMapper json = new tools.jackson.databind.ObjectMapper();
    Path history = Files.writeString(dir.resolve("history.jsonl"), json.readTree(Files.readString(Path.of(Q2)))
        + "\n{\"format\": \"okr-cycle/1\"}\n");
    OkrTest.Run strict = OkrTest.run("plan", EXAMPLE, "--history", history.toString());
    assertThat(strict.code()).isEqualTo(2);
    assertThat(strict.out()).isEmpty();
    assertThat(strict.err()).startsWith(history + ":2: ");
    Path rejects = dir.resolve("rejects.txt");
    OkrTest.Run skipped = OkrTest.run("plan", EXAMPLE, "--history", history.toString(), "--rejects",
        rejects.toString());
    assertThat(skipped.code()).isEqualTo(0);
    assertThat(skipped.err()).isEqualTo("okr: skipped 1 bad line of 2 (listed in " + rejects + ")\n");
    assertThat(skipped.out()).startsWith("Targets of 2026-Q3 against 1 earlier cycle (30 key results with an "
        + "outcome).\n");
    assertThat(Files.readString(rejects)).startsWith(history + ":2: ");
  }

  @Test
  void plan_historyHoldsThePlannedCycle_warning() {
    OkrTest.Run r = OkrTest.run("plan", Q2, "--history", Q2);
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.err()).isEqualTo("okr: warning: --history holds cycle 2026-Q2, the cycle planned: its own outcomes "
        + "count in the answer\n");
  }

  @Test
  void plan_emptyHistory_sentencesThatThereIsNotEnough(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("none.jsonl"), "");
    OkrTest.Run r = OkrTest.run("plan", EXAMPLE, "--history", empty.toString());
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("There is not enough history to judge any target: the history holds no key result "
        + "with an outcome.\n");
    assertThat(r.out()).contains("  KR-1 (Segment revenue from 1.2M to 2.0M EUR), of Growth: not enough history to "
        + "give a chance: the history holds 0 increase or decrease key results with an outcome, and at least 5 are "
        + "needed.\n");
    assertThat(r.out()).doesNotContain("% chance");
  }

  @Test
  void plan_controlCharactersInTitles_escaped(@TempDir Path dir) throws IOException {
    String text = Files.readString(Path.of(EXAMPLE)).replace("Segment revenue from 1.2M to 2.0M EUR",
        "Segment\\u001b[31m revenue\\u202e");
    Path odd = Files.writeString(dir.resolve("odd.json"), text);
    OkrTest.Run r = OkrTest.run("plan", odd.toString(), "--history", Q2);
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("KR-1 (Segment\\u001b[31m revenue\\u202e), of Growth")
        .doesNotContain("\u001b").doesNotContain("\u202e");
  }

  @Test
  void plan_versionAndHelpWithExamples() {
    OkrTest.Run v = OkrTest.run("plan", "-V");
    assertThat(v.code()).isEqualTo(0);
    assertThat(v.out()).isEqualTo(VersionTest.expected()); // okr 0.1.0-SNAPSHOT today
    OkrTest.Run h = OkrTest.run("plan", "--help");
    assertThat(h.code()).isEqualTo(0);
    assertThat(h.out()).startsWith("Usage: okr plan ").contains("70% chance").contains("\nExamples:\n"
        + "  okr plan examples/acme-2026-q3.json --history examples/acme-2026-q2.json\n");
  }
}
