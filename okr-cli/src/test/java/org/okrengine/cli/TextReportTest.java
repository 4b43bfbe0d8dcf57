package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.execution.ExecutionEngine;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationGroup;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Team;

/** The text of okr analyze against text that drives a terminal and numbers at the model's limits (issue 17). */
class TextReportTest {
  static final Cycle Q = new Cycle("Q\u001b[2J", "Quarter \u001b]0;pwned\u0007", LocalDate.of(2026, 7, 1),
      LocalDate.of(2026, 9, 29), null);
  static final String ESCAPES = "\u001b[31mred\u001b[0m \u0007bell \rover \nline \u2028sep \u202eevil \u0085nel";

  static Instant day(int d) {
    return Q.startInstant().plusSeconds(d * 86_400L);
  }

  static KeyResult kr(String id, String title, Metric m, double... values) {
    List<CheckIn> c = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      c.add(new CheckIn(day(7 * (i + 1)), values[i], null, ESCAPES, i >= values.length - 3 ? List.of(ESCAPES)
          : List.of(), null));
    }
    return new KeyResult(id, title, null, "t\u001b", 1.0, List.of(), m, Plan.LINEAR, c, null);
  }

  static String text(OkrCycle c, Instant at) {
    CycleReport r = ExecutionEngine.withDefaults().analyze(c, at);
    StringWriter s = new StringWriter();
    try (PrintWriter out = new PrintWriter(s)) {
      TextReport.write(c, r, out);
    }
    return s.toString().replace(System.lineSeparator(), "\n");
  }

  /**
   * A key result that met its target since the report compared with: its probability now is the chance the met
   * target holds, and "What changed" says so, in the text and on the page (it read "KR-16 ...: P(target) 84% -> 98%"
   * beside "on-track -> achieved").
   */
  @Test
  void changes_aKeyResultMetSince_theMoveSaysItHolds(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    OkrTest.Run r = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-09-02", "--compare-to",
        "2026-07-22");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("  - KR-16 (Deploys per week from 8 to 20): on-track -> achieved\n")
        .contains("  - KR-16 (Deploys per week from 8 to 20): P(target) 84% -> met, 98% that it holds\n")
        .contains("  - KR-21 (12 reference calls held): P(target) 64% -> 92%\n");
    java.nio.file.Path page = dir.resolve("page.html");
    OkrTest.Run h = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-09-02", "--compare-to",
        "2026-07-22", "--format", "html", "--out", page.toString());
    assertThat(h.code()).isEqualTo(0);
    assertThat(java.nio.file.Files.readString(page)).contains("<td>P(target) 84% → met, 98% that it holds</td>")
        .contains("<td>P(target) 64% → 92%</td>");
  }

  /**
   * A status change or probability move with no check-in of the key result since the instant compared with says so,
   * in the text, on the page and in the JSON (only where true). The example on 29 Sep against 22 Sep
   * (examples/acme-2026-q3.json): KR-20's last check-in is 21 Sep (07:43Z), KR-27's 10 Sep; KR-5 checked in on 27
   * Sep. It read "KR-20 (Sign 3 lighthouse customers): at-risk -> on-track" as if its owner had sent news.
   */
  @Test
  void changes_withoutCheckInSince_saySo_textPageAndJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    OkrTest.Run r = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-09-29");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("\nWhat changed since 2026-09-22:\n"
            + "  - KR-5 (Reach 1,500 qualified signups): on-track -> achieved\n"
            + "  - KR-8 (Median report render time from 1,800 to 900 ms): on-track -> achieved\n"
            + "  - KR-20 (Sign 3 lighthouse customers): at-risk -> on-track (no check-in since 21 Sep)\n"
            + "  - KR-27 (Support chatbot live): at-risk -> off-track (no check-in since 10 Sep)\n")
        .contains("  - KR-27 (Support chatbot live): P(target) 20% -> 5% (no check-in since 10 Sep)\n")
        .contains("  - KR-10 (Crash-free sessions at or above 99.5%): P(target) 80% -> 98%\n");
    java.nio.file.Path page = dir.resolve("page.html");
    OkrTest.Run h = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-09-29", "--format", "html",
        "--out", page.toString());
    assertThat(h.code()).isEqualTo(0);
    assertThat(java.nio.file.Files.readString(page))
        .contains("KR-20</a> Sign 3 lighthouse customers</td><td>status <span class=\"badge s-at-risk\">at-risk</span>"
            + " → <span class=\"badge s-on-track\">on-track</span> (no check-in since 21 Sep)</td></tr>")
        .contains("<td>P(target) 20% → 5% (no check-in since 10 Sep)</td>")
        .contains("<td>P(target) 80% → 98%</td>");
    OkrTest.Run j = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-09-29", "--format", "json");
    assertThat(j.code()).isEqualTo(0);
    // two status changes and one probability move without a check-in; the others without the field
    assertThat(j.out().split("\"withoutCheckIn\": true", -1)).hasSize(4);
    assertThat(j.out()).contains("\"to\": \"achieved\"\n      },");
  }

  @Test
  void analyze_landingJustShortOfTheTarget_neverReads100() {
    // the example on 5 Sep: KR-17 lands at 99.9% of its target with a 49% chance; its row read "lands  100%
    // P(target)  49%"
    OkrTest.Run r = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-09-05");
    assertThat(r.code()).isEqualTo(0);
    String row = r.out().lines().filter(l -> l.startsWith("  KR-17 ")).findFirst().orElseThrow();
    assertThat(row).contains("lands 99.9%  P(target)  49%");
    assertThat(TextReport.landingPct(0.996)).isEqualTo("99.6%");
    assertThat(TextReport.landingPct(Math.nextDown(1.0))).isEqualTo("99.9%");
    assertThat(TextReport.landingPct(1.0)).isEqualTo("100%");
    assertThat(TextReport.landingPct(1.004)).isEqualTo("100%");
    assertThat(TextReport.landingPct(0.994)).isEqualTo("99%");
  }

  @Test
  void write_achievedBeforeTheEnd_saysTheChanceItHolds() {
    // met on day 21, analysed on day 30: the probability is the model's chance that the met target holds to the end;
    // "achieved ... P(target)  98%" read as a contradiction
    Cycle q = Cycle.of("Q", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 29));
    List<CheckIn> c = List.of(CheckIn.of(q.startInstant().plusSeconds(7 * 86_400L), 40),
        CheckIn.of(q.startInstant().plusSeconds(21 * 86_400L), 100));
    KeyResult met = new KeyResult("KR-1", "Signups", null, "t", 1.0, List.of(), Metric.of(0, 100, null),
        Plan.LINEAR, c, null);
    OkrCycle cycle = OkrCycle.of(q, List.of(Team.of("t")), List.of(new Objective("O-1", "Grow", "t", null, null,
        null, List.of(met))));
    CycleReport r = ExecutionEngine.withDefaults().analyze(cycle, q.startInstant().plusSeconds(30 * 86_400L));
    double p = r.keyResults().get(0).forecast().probabilityOfTarget();
    assertThat(p).isBetween(0.5, 0.9999);
    StringWriter s = new StringWriter();
    try (PrintWriter out = new PrintWriter(s)) {
      TextReport.write(cycle, r, out);
    }
    String row = s.toString().lines().filter(l -> l.startsWith("  KR-1 ")).findFirst().orElseThrow();
    assertThat(row).contains("achieved").contains(String.format(java.util.Locale.ROOT, "P(holds)  %3d%%",
        Math.round(p * 100))).doesNotContain("P(target)");
  }

  @Test
  void write_terminalEscapesInText_printedAsEscapes() {
    OkrCycle c = OkrCycle.of(Q, List.of(new Team("t\u001b", "Team " + ESCAPES, null)), List.of(new Objective(
        "O\u0007", "Objective " + ESCAPES, "t\u001b", null, null, null, List.of(
            kr("KR\u001b[1A", "Title " + ESCAPES, Metric.of(0, 100, "u\u001b"), 7.7, 15.4, 23.1, 30.8, 38.5, 38.5,
                38.5, 38.5),
            kr("KR-2", ESCAPES, Metric.of(0, 100, null), 10, 5, 2)))));
    String out = text(c, day(57));
    for (int i = 0; i < out.length(); i++) {
      char ch = out.charAt(i);
      assertThat(ch == '\n' || !org.okrengine.model.SafeText.isUnsafe(ch)).as("character %d: U+%04X", i, (int) ch).isTrue();
    }
    assertThat(out).startsWith("Quarter \\u001b]0;pwned\\u0007 (Q\\u001b[2J), 2026-07-01 to 2026-09-29, Z\n")
        .contains("O\\u0007  Objective \\u001b[31mred\\u001b[0m \\u0007bell \\u000dover \\u000aline \\u2028sep "
            + "\\u202eevil \\u0085nel  [t\\u001b, committed]\n")
        .contains("\n  KR\\u001b[1A Title \\u001b[31mred\\u001b[0m \\u0007bell \\u000dover \\u000aline "
            + "\\u2028sep…    39% of   63% plan  1d ago   off-track    lands   66%  P(target)   8%\n")
        .contains("      because: \"\\u001b[31mred\\u001b[0m \\u0007bell \\u000dover \\u000aline");
  }

  @Test
  void write_maintainKeyResult_landsAboveOrBelowItsThreshold() {
    // 97, 98.5, 99.2 against "at or above 99.5": its line says where it is and where it lands against the threshold,
    // never a percentage of a way (the landing value of a maintain key result is its latest, 99.2: below)
    KeyResult k = new KeyResult("KR-1", "Uptime", null, "t", 1.0, List.of(), new Metric(null, 99.5,
        org.okrengine.model.Direction.MAINTAIN_ABOVE, "%"), Plan.LINEAR, List.of(CheckIn.of(day(7), 97),
            CheckIn.of(day(14), 98.5), CheckIn.of(day(21), 99.2)), null);
    OkrCycle c = OkrCycle.of(Q, List.of(Team.of("t")), List.of(new Objective("O-1", "Reliable", "t", null, null, null,
        List.of(k))));
    String line = text(c, day(22)).lines().filter(l -> l.startsWith("  KR-1 ")).findFirst().orElseThrow();
    assertThat(line).contains("0.3 below threshold 99.5").contains("lands below").doesNotContain("lands   ");
  }

  @Test
  void write_maintainKeyResult_atZeroAgainstAtMostTwo_namesTheThreshold() {
    // 0 incidents against "at most 2": its line read "2 below 2", as if it stood at 2; at 2 "at 2", at 3 "1 above 2".
    // A widget key result beside it: its columns after the cell stay aligned with the maintain one's
    Metric most2 = new Metric(null, 2, org.okrengine.model.Direction.MAINTAIN_BELOW, "incidents");
    Metric widgets = new Metric(0.0, 100, org.okrengine.model.Direction.INCREASE, "widgets");
    for (double[] v : new double[][] {{0, 0}, {2, 2}, {3, 1}}) {
      KeyResult k = new KeyResult("KR-1", "At most 2 sev-1 incidents", null, "t", 1.0, List.of(), most2,
          Plan.LINEAR, List.of(CheckIn.of(day(7), 0), CheckIn.of(day(14), v[0])), null);
      KeyResult w = new KeyResult("KR-2", "Widgets", null, "t", 1.0, List.of(), widgets, Plan.LINEAR,
          List.of(CheckIn.of(day(7), 8), CheckIn.of(day(14), 16)), null);
      OkrCycle c = OkrCycle.of(Q, List.of(Team.of("t")), List.of(new Objective("O-1", "Reliable", "t", null, null,
          null, List.of(k, w))));
      List<String> lines = text(c, day(15)).lines().filter(l -> l.startsWith("  KR-")).toList();
      String expected = v[0] == 0 ? "2 below threshold 2" : v[0] == 2 ? "at threshold 2" : "1 above threshold 2";
      assertThat(lines.get(0)).contains(" " + expected + " ").doesNotContain("2 below 2 ");
      assertThat(lines.get(0).indexOf("d ago")).as("aligned").isEqualTo(lines.get(1).indexOf("d ago"));
    }
  }

  @Test
  void write_achieveKeyResult_doneOrNot() {
    // not done at day 50 of 91 (0, 0): "not done" and its probability, never "0% of 55% plan ... lands 50%"
    KeyResult k = new KeyResult("KR-1", "Launch", null, "t", 1.0, List.of(), Metric.achieve(), Plan.LINEAR,
        List.of(CheckIn.of(day(7), 0), CheckIn.of(day(14), 0)), null);
    OkrCycle c = OkrCycle.of(Q, List.of(Team.of("t")), List.of(new Objective("O-1", "Ship", "t", null, null, null,
        List.of(k))));
    String line = text(c, day(50)).lines().filter(l -> l.startsWith("  KR-1 ")).findFirst().orElseThrow();
    assertThat(line).contains(" not done ").contains("lands     -  P(target)").doesNotContain("plan");
  }

  @Test
  void write_progressBeyondALong_saysSo() {
    // 1e15 against a span of 1e-9: 1e26 %, which Math.round turns into Long.MIN_VALUE when negative
    OkrCycle c = OkrCycle.of(Q, List.of(Team.of("t\u001b")), List.of(new Objective("O-1", "Huge", "t\u001b", null,
        null, null,
        List.of(kr("KR-down", "down", Metric.of(0, Metric.MIN_SPAN, null), -1e15, -1e15, -1e15, -1e15),
            kr("KR-up", "up", Metric.of(0, Metric.MIN_SPAN, null), 1e15, 1e15, 1e15)))));
    String out = text(c, day(45));
    assertThat(out).doesNotContain("9223372036854775807", "9223372036854775808", "99999%", "NaN", "Infinity");
    assertThat(out).containsPattern("\\n  KR-down +down +<-999,999% of +49% plan ")
        .containsPattern("\\n  KR-up +up +>999,999% of +49% plan ")
        .contains("its last value was <-999,999% of the way");
    assertThat(TextReport.pct(0.345)).isEqualTo("35%");
    assertThat(TextReport.pct(12.5)).isEqualTo("1,250%");
    assertThat(TextReport.pct(-1e24)).isEqualTo("<-999,999%");
  }

  @Test
  void write_escalationGroups_afterTheEscalations_escaped() {
    OkrCycle c = OkrCycle.of(Q, List.of(Team.of("t\u001b")), List.of(new Objective("O-1", "O", "t\u001b", null, null,
        null,
        List.of(kr("KR-1", "one", Metric.of(0, 100, null), 1, 2, 3, 4, 5, 6, 7, 8),
            kr("KR-2", "two", Metric.of(0, 100, null), 1, 2, 3, 4, 5, 6, 7, 8)))));
    CycleReport r = ExecutionEngine.withDefaults().analyze(c, day(60));
    CycleReport grouped = new CycleReport(r.cycleId(), r.asOf(), r.keyResults(), r.cascades(), r.escalations(),
        r.sourceHealth(), r.objectives(), r.summary(), r.model(), List.of(new EscalationGroup(
            EscalationGroup.LATE_UPSTREAM, "I-1", List.of("KR-1", "KR-2"), 2, "leadership",
            "I-1 (Data " + ESCAPES + ") is 9 days late and KR-1 and KR-2 need it: 2 escalations with one cause, the "
                + "highest to leadership (level 2).")));
    StringWriter s = new StringWriter();
    try (PrintWriter out = new PrintWriter(s)) {
      TextReport.write(c, grouped, out);
    }
    String out = s.toString().replace(System.lineSeparator(), "\n");
    assertThat(out).contains("\n\nEscalations with one cause (take each up once):\n  - I-1 (Data \\u001b[31mred"
        + "\\u001b[0m \\u0007bell \\u000dover \\u000aline \\u2028sep \\u202eevil \\u0085nel) is 9 days late and KR-1 "
        + "and KR-2 need it: 2 escalations with one cause, the highest to leadership (level 2).\n\n");
    assertThat(out.indexOf("Escalations with one cause")).isGreaterThan(out.indexOf("Escalations (highest level"));
    assertThat(text(c, day(60))).doesNotContain("Escalations with one cause");
  }
}
