package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What people expect of a command line (library issue, item 4). */
class CliBehaviourTest {
  @Test
  void help_command_printsThatCommandsHelp() {
    OkrTest.Run r = OkrTest.run("help", "analyze");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).startsWith("Usage: okr analyze ");
    assertThat(r.err()).isEmpty();
    OkrTest.Run all = OkrTest.run("help");
    assertThat(all.code()).isEqualTo(0);
    assertThat(all.out()).startsWith("Usage: okr ").contains("  help ");
  }

  @Test
  void subcommands_version() {
    for (String command : new String[] {"analyze", "backtest", "retro", "fit", "graph", "examples", "sync"}) {
      OkrTest.Run r = OkrTest.run(command, "-V");
      assertThat(r.code()).as(command).isEqualTo(0);
      assertThat(r.out()).as(command).isEqualTo(VersionTest.expected()); // okr 0.1.0-SNAPSHOT today
    }
  }

  @Test
  void examples_outIsAFile_badInputNothingWritten(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
    OkrTest.Run r = OkrTest.run("examples", "--out", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("--out: must be a folder (existing or not), not a file: '" + file + "'\n");
    assertThat(Files.readString(file)).isEqualTo("mine");
    // a folder, existing or not, is written
    assertThat(OkrTest.run("examples", "--out", dir.resolve("new").toString()).code()).isEqualTo(0);
    assertThat(dir.resolve("new/acme-2026-q3.json")).exists();
  }

  @Test
  void out_oneOfTheInputs_badInputInputUntouched(@TempDir Path dir) throws IOException {
    Path cycle = Files.copy(OkrTest.EXAMPLE, dir.resolve("q3.json"));
    byte[] before = Files.readAllBytes(cycle);
    OkrTest.Run analyze = OkrTest.run("analyze", cycle.toString(), "--out", dir.resolve("./q3.json").toString());
    assertThat(analyze.code()).isEqualTo(2);
    assertThat(analyze.err()).isEqualTo("--out: " + dir.resolve("./q3.json") + ": is one of the inputs, which it "
        + "would overwrite\n");
    OkrTest.Run fit = OkrTest.run("fit", cycle.toString(), "--out", cycle.toString());
    assertThat(fit.code()).isEqualTo(2);
    assertThat(fit.err()).contains("--out: " + cycle + ": is one of the inputs, which it would overwrite\n");
    OkrTest.Run backtest = OkrTest.run("backtest", cycle.toString(), "--per-forecast", cycle.toString());
    assertThat(backtest.code()).isEqualTo(2);
    assertThat(backtest.err()).contains("--per-forecast: " + cycle + ": is one of the inputs, which it would "
        + "overwrite\n");
    assertThat(Files.readAllBytes(cycle)).isEqualTo(before);
  }

  @Test
  void analyze_outOntoItsModelOrPolicy_exit2NothingOverwritten(@TempDir Path dir) throws IOException {
    // --model and --policy are inputs of okr analyze as its cycles are: before, "--out m.json" with "--model m.json"
    // replaced the model with the text report (exit 0, "wrote m.json"), where okr backtest and okr retro refuse it
    Path model = dir.resolve("m.json");
    assertThat(OkrTest.run("fit", OkrTest.ROOT.resolve("examples/acme-2026-q2.json").toString(), "--out",
        model.toString()).code()).isZero();
    byte[] modelBefore = Files.readAllBytes(model);
    OkrTest.Run m = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-08-19", "--model",
        model.toString(), "--out", model.toString());
    assertThat(m.code()).isEqualTo(2);
    assertThat(m.err()).isEqualTo("--out: " + model + ": is one of the inputs, which it would overwrite\n");
    assertThat(Files.readAllBytes(model)).isEqualTo(modelBefore);
    Path policy = Files.writeString(dir.resolve("policy.json"), "{\"format\": \"okr-escalation-policy/1\"}");
    OkrTest.Run p = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-08-19", "--policy",
        policy.toString(), "--out", dir.resolve("./policy.json").toString());
    assertThat(p.code()).isEqualTo(2);
    assertThat(p.err()).isEqualTo("--out: " + dir.resolve("./policy.json") + ": is one of the inputs, which it would "
        + "overwrite\n");
    assertThat(Files.readString(policy)).isEqualTo("{\"format\": \"okr-escalation-policy/1\"}");
  }

  @Test
  void asOf_outsideTheCycleWithinTheLimits_warningThatSaysSo() {
    // the example runs 1 Jul to 30 Sep 2026; analysable from one cycle length before to one after
    OkrTest.Run after = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-10-15", "--format", "json");
    assertThat(after.code()).isEqualTo(0);
    assertThat(after.err()).isEqualTo("okr: warning: --as-of 2026-10-15 is after cycle 2026-Q3 ends (2026-09-30); the "
        + "cycle is over: each key result's outcome is its result where the document gives one, else its latest "
        + "check-in up to then\n");
    OkrTest.Run before = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-06-01", "--format",
        "json");
    assertThat(before.code()).isEqualTo(0);
    assertThat(before.err()).isEqualTo("okr: warning: --as-of 2026-06-01 is before cycle 2026-Q3 starts "
        + "(2026-07-01); it is analysed as it stood then\n");
    OkrTest.Run within = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-08-19", "--format",
        "json");
    assertThat(within.err()).isEmpty();
  }

  @Test
  void completion_bash_aScriptForEveryCommand() {
    OkrTest.Run r = OkrTest.run("completion", "bash");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_okr", "analyze", "backtest",
        "retro", "sync", "--as-of");
    OkrTest.Run fish = OkrTest.run("completion", "fish");
    assertThat(fish.code()).isEqualTo(2);
    assertThat(fish.err()).isEqualTo("SHELL: must be bash or zsh: 'fish'\n");
  }

  @Test
  void asOfDate_notADate_namedAsSuch_andArgumentsEscapedInPicocliMessages() {
    for (String[] args : new String[][] {{"explain", OkrTest.EXAMPLE.toString(), "KR-3"},
        {"whatif", OkrTest.EXAMPLE.toString()}, {"graph", OkrTest.EXAMPLE.toString()}}) {
      for (String value : new String[] {"2026-08-19T09:00:00Z", "99999-01-01", "x\u001b[31m"}) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--as-of";
        all[args.length + 1] = value;
        OkrTest.Run r = OkrTest.run(all);
        assertThat(r.code()).as(args[0] + " " + value).isEqualTo(2);
        assertThat(r.err()).as(args[0] + " " + value).startsWith("Invalid value for option '--as-of': not a date "
            + "(yyyy-mm-dd, such as 2026-08-19): '" + value.replace("\u001b", "\\u001b") + "'\n")
            .doesNotContain("java.").doesNotContain("\u001b");
      }
    }
    OkrTest.Run unknown = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-o\u001b[31mf");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("Unknown option: '--as-o\\u001b[31mf'\n").doesNotContain("\u001b");
  }

  @Test
  void explainAndWhatif_asOfBeyondTheLimits_badInput() {
    OkrTest.Run explain = OkrTest.run("explain", OkrTest.EXAMPLE.toString(), "KR-3", "--as-of", "5000-01-01");
    assertThat(explain.code()).isEqualTo(2);
    assertThat(explain.err()).startsWith("--as-of: 5000-01-01: cycle 2026-Q3: asOf must be within ");
    OkrTest.Run whatif = OkrTest.run("whatif", OkrTest.EXAMPLE.toString(), "--target", "KR-5=1200", "--as-of",
        "5000-01-01");
    assertThat(whatif.code()).isEqualTo(2);
    assertThat(whatif.err()).startsWith("--as-of: 5000-01-01: cycle 2026-Q3: asOf must be within ");
  }
}
