package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.execution.ExecutionEngine;
import org.okrengine.model.CycleReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;
import org.okrengine.model.json.CycleJson;

/**
 * {@code okr analyze}'s text on a terminal (wrapped, statuses coloured unless {@code NO_COLOR}) and in files and pipes
 * (the layout's bytes, nothing added), and the sections that lead it: what changed, what needs attention, teams.
 */
class TerminalTest {
  static final String ESC = "\u001b";

  static OkrCycle example() throws IOException {
    return CycleJson.withDefaults().read(OkrTest.EXAMPLE).cycle();
  }

  static String text(OkrCycle c, CycleReport r, Terminal t) {
    StringWriter s = new StringWriter();
    try (PrintWriter out = new PrintWriter(s)) {
      TextReport.write(c, r, out, t);
    }
    return s.toString();
  }

  @Test
  void detect_onlyOnAConsole_colourUnlessNoColorOrDumb() {
    assertThat(Terminal.detect(false, Map.of("COLUMNS", "120"))).isEqualTo(Terminal.NONE);
    assertThat(Terminal.detect(true, Map.of("COLUMNS", "120"))).isEqualTo(new Terminal(120, true));
    assertThat(Terminal.detect(true, Map.of("COLUMNS", "120", "NO_COLOR", "1"))).isEqualTo(new Terminal(120, false));
    // an empty NO_COLOR does not count (https://no-color.org)
    assertThat(Terminal.detect(true, Map.of("COLUMNS", "100", "NO_COLOR", ""))).isEqualTo(new Terminal(100, true));
    assertThat(Terminal.detect(true, Map.of("COLUMNS", "100", "TERM", "dumb"))).isEqualTo(new Terminal(100, false));
    assertThat(Terminal.detect(true, Map.of("COLUMNS", "wide")).width()).isPositive();
    assertThat(Terminal.columns(" 90 ")).isEqualTo(90);
    assertThat(Terminal.columns("-3")).isZero();
    assertThat(Terminal.columns(null)).isZero();
  }

  @Test
  void render_wrapsAtSpacesUnderTheBullet_coloursMarkedStatuses() {
    String line = "  - KR-1 (A title long enough to wrap) [Growth] " + Terminal.status(Status.OFF_TRACK)
        + " and then some more words to go past the width\n";
    String plain = new Terminal(0, false).render(line);
    assertThat(plain).isEqualTo("  - KR-1 (A title long enough to wrap) [Growth] off-track and then some more words "
        + "to go past the width\n");
    assertThat(new Terminal(40, false).render(line)).isEqualTo("""
          - KR-1 (A title long enough to wrap)
            [Growth] off-track and then some
            more words to go past the width
        """);
    assertThat(new Terminal(40, true).render(line)).isEqualTo("""
          - KR-1 (A title long enough to wrap)
            [Growth] %s[31moff-track%s[0m and then some
            more words to go past the width
        """.formatted(ESC, ESC));
    // a word longer than the width stays whole; short lines and widths below 40 are left alone
    assertThat(new Terminal(40, false).render("x".repeat(50) + " y\n")).isEqualTo("x".repeat(50) + "\ny\n");
    assertThat(new Terminal(20, false).render(line)).isEqualTo(plain);
    assertThat(new Terminal(200, true).render("  because: " + Terminal.status(Status.STALE)))
        .isEqualTo("  because: " + ESC + "[35mstale" + ESC + "[0m");
  }

  @Test
  void write_example_filesAndPipesGetTheLayout_aTerminalWrapsAndColours(@TempDir Path dir) throws IOException {
    OkrCycle c = example();
    CycleReport r = ExecutionEngine.withDefaults().analyze(c, c.cycle().instantOf(LocalDate.of(2026, 8, 19)));
    String pipe = text(c, r, Terminal.NONE);
    StringWriter viaWriter = new StringWriter();
    try (PrintWriter out = new PrintWriter(viaWriter)) {
      TextReport.write(c, r, out);
    }
    assertThat(viaWriter.toString()).isEqualTo(pipe);
    assertThat(pipe).doesNotContain(ESC, "\u0001", "\u0002");
    // the command: standard output that is not a console, and --out even when it is, get the same bytes
    OkrTest.Run run = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-08-19");
    assertThat(run.out()).isEqualTo(pipe);
    Path file = dir.resolve("report.txt");
    StringWriter out = new StringWriter();
    assertThat(Okr.run(new String[] {"analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-08-19", "--out",
        file.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()), true)).isZero();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(pipe);
    // a terminal of 100 columns: the same words, no line longer, statuses in colour
    String term = text(c, r, new Terminal(100, true));
    assertThat(term).contains(ESC + "[31moff-track" + ESC + "[0m", ESC + "[32mon-track" + ESC + "[0m");
    String visible = term.replaceAll(ESC + "\\[\\d+m", "");
    for (String l : visible.split("\n")) {
      assertThat(l.codePointCount(0, l.length())).as(l).isLessThanOrEqualTo(100);
    }
    assertThat(visible.split("\\s+")).containsExactly(pipe.split("\\s+"));
    String noColour = text(c, r, new Terminal(100, false));
    assertThat(noColour).doesNotContain(ESC).isEqualTo(visible);
  }

  @Test
  void write_example_leadsWithChangesAttentionAndTeams_titlesNextToIds() throws IOException {
    OkrCycle c = example();
    CycleReport r = ExecutionEngine.withDefaults().analyze(c, c.cycle().instantOf(LocalDate.of(2026, 8, 19)));
    String out = text(c, r, Terminal.NONE);
    int changed = out.indexOf("\nWhat changed since 2026-08-12:\n");
    int attention = out.indexOf("\nNeeds attention:\n");
    int teams = out.indexOf("\nTeams (most needing attention first):\n");
    int objectives = out.indexOf("\nO-1  Become the preferred analytics partner");
    assertThat(changed).isPositive().isLessThan(attention);
    assertThat(attention).isLessThan(teams);
    assertThat(teams).isLessThan(objectives);
    for (var s : r.changes().statusChanges()) {
      // KR-3 alone changed with no check-in since 12 Aug (its last before 19 Aug is 5 Aug, the next 21 Aug)
      assertThat(out).contains("  - " + s.subject() + " (" + s.title() + "): " + s.from().jsonName() + " -> "
          + s.to().jsonName() + (s.subject().equals("KR-3") ? " (no check-in since 5 Aug)" : "") + "\n");
    }
    for (var m : r.changes().probabilityMoves()) {
      assertThat(out).contains("  - " + m.subject() + " (" + m.title() + "): P(target) " + TextReport.pct(m.from())
          + " -> " + TextReport.pct(m.to()) + "\n");
    }
    // every key result needing attention with its title, team, owner and status, off track first
    assertThat(out).contains("\n  - KR-22 (First response time from 9 to 2 hours) [Customer Support, owner noah] "
        + "at-risk\n      KR-22 is moving at 45% of the weekly pace it needs");
    assertThat(out.indexOf("] off-track\n")).isLessThan(out.indexOf("] at-risk\n"));
    assertThat(out).contains("\n  Customer Support (support)   6 of  6 need attention ")
        .contains("owners: noah, amira\n");
    assertThat(out).contains("O-9  Customers get answers fast  [support, committed]  owner: noah\n");
  }

  @Test
  void write_atTheCycleStart_nothingToCompare_andNothingChangedSaysSo() throws IOException {
    OkrCycle c = example();
    String atStart = text(c, ExecutionEngine.withDefaults().analyze(c, c.cycle().startInstant()), Terminal.NONE);
    assertThat(atStart).doesNotContain("What changed");
    String day3 = text(c, ExecutionEngine.withDefaults().analyze(c, c.cycle().instantOf(LocalDate.of(2026, 7, 3))),
        Terminal.NONE);
    assertThat(day3).contains("\nWhat changed since 2026-07-01: no status changed, nothing was newly escalated and "
        + "no probability of target moved by 10 points or more.\n\n");
  }

  @Test
  void analyze_escalationWithdrawn_saidWithTheReason() {
    // KR-5 (signups, examples/acme-2026-q3.json) was escalated to leadership on 14 Sep (at risk, under 25% since
    // mid-August); its check-in of 15 Sep (1,170 of 1,500) lifts its chance from 19% to 34%, so the run breaks and
    // the escalation goes: it used to vanish from "What changed" without a word
    OkrTest.Run r = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-09-17", "--compare-to",
        "2026-09-14");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\n  - KR-5 (Reach 1,500 qualified signups): escalation to leadership (level 2) "
        + "withdrawn (its chance rose from 19% to 34%, no longer below the 25% the policy escalates under)\n");
    OkrTest.Run json = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-09-17", "--compare-to",
        "2026-09-14", "--format", "json");
    assertThat(json.out()).contains("""
            "droppedEscalations": [
              {
                "subject": "KR-5",
                "title": "Reach 1,500 qualified signups",
                "fromLevel": 2,
                "fromTo": "leadership",
                "level": null,
                "to": null,
        """);
  }

  @Test
  void analyze_compareTo_usedCheckedAndDefault() {
    OkrTest.Run r = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-08-19", "--compare-to",
        "2026-08-05");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\nWhat changed since 2026-08-05:\n");
    OkrTest.Run json = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-08-19", "--compare-to",
        "2026-08-18T10:00:00Z", "--format", "json");
    assertThat(json.out()).contains("\n  \"changes\": {\n    \"since\": \"2026-08-18T10:00:00Z\",");
    OkrTest.Run after = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-08-19", "--compare-to",
        "2026-08-25");
    assertThat(after.code()).isEqualTo(Okr.BAD_INPUT);
    assertThat(after.out()).isEmpty();
    assertThat(after.err()).isEqualTo("--compare-to: 2026-08-25: cycle 2026-Q3: must not be after --as-of, "
        + "2026-08-19\n");
    OkrTest.Run bad = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--compare-to", "last week");
    assertThat(bad.code()).isEqualTo(Okr.BAD_INPUT);
    assertThat(bad.err()).isEqualTo("--compare-to: not a date (2026-08-12) or an instant with offset "
        + "(2026-08-12T09:00:00Z): 'last week'\n");
    // before the cycle's start: compared with the start
    OkrTest.Run early = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-08-19", "--compare-to",
        "2026-01-01");
    assertThat(early.code()).isZero();
    assertThat(early.out()).contains("\nWhat changed since 2026-07-01:\n");
  }
}
