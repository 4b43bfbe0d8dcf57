package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Direction;
import org.okrengine.model.EscalationGroup;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Team;
import org.okrengine.model.json.CycleJson;

/** The HTML page's structure, without a browser. */
class HtmlReportWriterTest {
  static final Path ROOT = Path.of(System.getProperty("okr.repo.root", "..")).toAbsolutePath().normalize();
  static final Path EXAMPLE = ROOT.resolve("examples/acme-2026-q3.json");
  static final Pattern BURNUP = Pattern.compile("<svg class=\"burnup\"");

  static OkrCycle example() throws IOException {
    return CycleJson.withDefaults().read(EXAMPLE).cycle();
  }

  /** The example's report as of week 8. */
  static CycleReport exampleReport(OkrCycle cycle) {
    return ExecutionEngine.withDefaults().analyze(cycle, cycle.cycle().instantOf(LocalDate.of(2026, 8, 19)));
  }

  /** The example's page as of week 8, made the way the CLI makes it. */
  static String examplePage() throws IOException {
    OkrCycle cycle = example();
    return HtmlReportWriter.write(cycle, exampleReport(cycle));
  }

  @Test
  void summary_countsTheTeamsThatOwnKeyResults() throws IOException {
    OkrCycle cycle = example();
    // the example has 8 teams: Acme Analytics (the company) and Engineering hold none of the key results; the six
    // that do (growth, product, data, platform, sales, support) are the rows of the page's team table
    assertThat(cycle.teams()).hasSize(8);
    assertThat(cycle.keyResults().stream().map(kr -> kr.team()).distinct()).hasSize(6);
    String page = HtmlReportWriter.write(cycle, exampleReport(cycle));
    assertThat(page).contains("<p>30 key results in 10 objectives of 6 teams; ");
    assertThat(count(Pattern.compile("<tr><td>"), page.substring(
        page.indexOf("<table class=\"teams\">"), page.indexOf("</table>", page.indexOf("<table class=\"teams\">")))))
        .isEqualTo(6);
  }

  @Test
  void objectiveOfThresholdsOnly_saysHowManyHeld_notAMeanAgainstAPlanOf100() throws IOException {
    OkrCycle cycle = example();
    // O-4 keeps two thresholds: on 19 Aug KR-9 (NPS above 40) was last 39.69, below, and KR-10 (crash-free at or
    // above 99.5%) 99.818%, above (the text report's rows: "0.31 below 40", "0.318 above 99.5"). Its row said
    // "50%" against "100%" planned; the text's roll-up says "1 of 2 key results holds its threshold"
    String page = HtmlReportWriter.write(cycle, exampleReport(cycle));
    String objectives = page.substring(page.indexOf("<table class=\"objectives\">"));
    String o4 = objectives.substring(objectives.indexOf("<tr><td>O-4 "), objectives.indexOf("</tr>",
        objectives.indexOf("<tr><td>O-4 ")));
    // mid-cycle in the present tense, as the text's roll-up (it read "1 of 2 held", past, of a running cycle)
    assertThat(o4).contains("<td class=\"n\" colspan=\"2\">1 of 2 holds</td>").doesNotContain("100%");
    // an objective with a way to go keeps its percentages: O-6 (KR-16, deploys, beside three thresholds) 83% of 78%
    String o6 = objectives.substring(objectives.indexOf("<tr><td>O-6 "), objectives.indexOf("</tr>",
        objectives.indexOf("<tr><td>O-6 ")));
    assertThat(o6).contains("<td class=\"n\">83%</td><td class=\"n\">78%</td>").doesNotContain("held");
  }

  @Test
  void cycleOver_thresholdsHeldAreOutcomes_aResultBelowItIsNotHeld() throws IOException {
    // KR-9 (NPS above 40) ends with the document's result 38, below its threshold, though its last check-in (42.77)
    // was above: it is off track (the outcome). The roll-ups counted it held from that check-in: the page's O-4 row
    // read "2 of 2 held" beside P(commitment) 0%, the text's "2 of 2 key results hold their thresholds"
    String json = java.nio.file.Files.readString(EXAMPLE).replace("\"title\": \"Keep NPS above 40\",",
        "\"title\": \"Keep NPS above 40\", \"result\": {\"finalValue\": 38},");
    OkrCycle cycle = CycleJson.withDefaults().read(json).cycle();
    assertThat(cycle.keyResult("KR-9").orElseThrow().result()).isNotNull();
    CycleReport report = ExecutionEngine.withDefaults().analyze(cycle, cycle.cycle().endInstant());
    assertThat(report.keyResults().stream().filter(r -> r.id().equals("KR-9")).findFirst().orElseThrow().status())
        .isEqualTo(org.okrengine.model.Status.OFF_TRACK);
    String page = HtmlReportWriter.write(cycle, report);
    String objectives = page.substring(page.indexOf("<table class=\"objectives\">"));
    String o4 = objectives.substring(objectives.indexOf("<tr><td>O-4 "), objectives.indexOf("</tr>",
        objectives.indexOf("<tr><td>O-4 ")));
    assertThat(o4).contains("<td class=\"n\" colspan=\"2\">1 of 2 held</td>");
    assertThat(report.objectives().stream().filter(o -> o.id().equals("O-4")).findFirst().orElseThrow().summary())
        .contains("1 of 2 key results held its threshold");
    // the sentence names the outcome for what it is: the document's result, not "its last check-in"
    assertThat(report.keyResults().stream().filter(r -> r.id().equals("KR-9")).findFirst().orElseThrow().insight())
        .contains("38 NPS").doesNotContain("its last check-in");
  }

  static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static final Set<String> VOID = Set.of("meta", "link", "br", "hr", "img", "input");
  static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*?)(/?)>");

  /**
   * Checks that tags nest and close (void elements aside), that no raw {@code <} stands outside a tag and that every
   * {@code &} starts one of the character references the writer emits; returns the element names in order.
   */
  static List<String> assertWellFormed(String html) {
    assertThat(html).startsWith("<!DOCTYPE html>\n");
    String body = html.substring("<!DOCTYPE html>\n".length());
    Deque<String> open = new ArrayDeque<>();
    List<String> names = new ArrayList<>();
    Matcher m = TAG.matcher(body);
    int at = 0;
    while (m.find()) {
      assertThat(body.substring(at, m.start())).as("text before offset %d", m.start()).doesNotContain("<", ">");
      at = m.end();
      String name = m.group(2);
      if (!m.group(1).isEmpty()) {
        assertThat(open).as("closing </%s> at offset %d", name, m.start()).isNotEmpty();
        assertThat(open.pop()).as("closing tag at offset %d", m.start()).isEqualTo(name);
      } else {
        names.add(name);
        assertThat(m.group(3)).as("attributes of <%s>", name)
            .matches("(\\s+[a-zA-Z][a-zA-Z0-9:-]*=\"[^\"<>]*\")*\\s*");
        if (m.group(4).isEmpty() && !VOID.contains(name)) {
          open.push(name);
        }
      }
    }
    assertThat(body.substring(at)).doesNotContain("<", ">");
    assertThat(open).as("unclosed elements").isEmpty();
    assertThat(html).doesNotContainPattern("&(?!(amp|lt|gt|quot|#39);)");
    return names;
  }

  @Test
  void write_toWriterAndStream_sameCharactersAsTheString() throws IOException {
    OkrCycle cycle = example();
    CycleReport report = exampleReport(cycle);
    String html = HtmlReportWriter.write(cycle, report);
    java.io.StringWriter w = new java.io.StringWriter();
    HtmlReportWriter.write(cycle, report, w);
    assertThat(w.toString()).isEqualTo(html);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    HtmlReportWriter.write(cycle, report, bytes);
    assertThat(bytes.toByteArray()).isEqualTo(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    // a report of another cycle is refused before anything is written
    CycleReport other = new CycleReport("other", report.asOf(), List.of(), List.of(), List.of());
    java.io.StringWriter none = new java.io.StringWriter();
    assertThatThrownBy(() -> HtmlReportWriter.write(cycle, other, none))
        .hasMessage("report of cycle other, not " + cycle.cycle().id());
    assertThat(none.toString()).isEmpty();
  }

  @Test
  void example_oneBurnUpChartPerKeyResult_wellFormed_selfContained() throws IOException {
    OkrCycle cycle = example();
    CycleReport report = exampleReport(cycle);
    String html = HtmlReportWriter.write(cycle, report);
    assertWellFormed(html);
    assertThat(count(BURNUP, html)).isEqualTo(30);
    assertThat(count(Pattern.compile("<svg class=\"graph\""), html)).isEqualTo(1);
    assertThat(html).contains("<h2>Summary</h2>", "<h2>Key results by status</h2>", "<h2>Burn-up charts</h2>",
        "<h2>Dependency graph</h2>", "<h2>Escalations</h2>");
    // nothing from outside the page: no scripts, no links but anchors, no URLs but the SVG namespace
    assertThat(html).doesNotContain("<script", "src=", "url(http", "@import", "NaN", "Infinity");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:");
    assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'");
    // the example's story: I-3 is late and reaches KR-3, KR-6 and KR-7; its milestone is overdue
    assertThat(html).containsPattern("<g class=\"node initiative late overdue\"><title>I-3: Event pipeline v2");
    assertThat(html).containsPattern("<g class=\"node key-result reached\"><title>KR-3: ");
    assertThat(html).contains("<li>I-3 (Event pipeline v2), of Data Platform, is 14 days late; ");
    assertThat(count(Pattern.compile("<li>[^<]*</li>"), html.substring(html.indexOf("<h3>Cascades"))))
        .isEqualTo(report.cascades().size());
    assertThat(html).contains("class=\"edge hot\"");
    // red as okr graph draws it: I-2 needs the overdue M-6 (it was grey on the page, red in the DOT); M-6 is part of
    // I-3, which it does not need, so that edge stays structure
    assertThat(html).containsPattern("class=\"edge hot\" marker-end=\"url\\(#arrow-hot\\)\" d=\"[^\"]*\"><title>"
        + "M-6 → I-2: blocks, need by 2026-08-08");
    assertThat(html).containsPattern("class=\"edge weak\" marker-end=\"url\\(#arrow-weak\\)\" d=\"[^\"]*\"><title>"
        + "M-6 → I-3: part-of");
    // the table lists every key result once, off-track first
    assertThat(count(Pattern.compile("<tr><td class=\"st\">"), html)).isEqualTo(30);
    assertThat(html.indexOf("<span class=\"badge s-off-track\">")).isLessThan(
        html.indexOf("<span class=\"badge s-on-track\">"));
    // one row per escalation, or a line saying there are none
    String escalations = html.substring(html.indexOf("<section id=\"escalations\">"));
    escalations = escalations.substring(0, escalations.indexOf("</section>"));
    if (report.escalations().isEmpty()) {
      assertThat(escalations).contains("<p class=\"ok\">No escalations.</p>");
    } else {
      assertThat(count(Pattern.compile("<tr><td class=\"n\">"), escalations)).isEqualTo(report.escalations().size());
    }
  }

  @Test
  void example_showsTheEngineSummaryCausesAndBrokenConnections() throws IOException {
    OkrCycle cycle = example();
    // at the cycle's end the datadog feed of KR-14 has been silent since 13 Aug
    CycleReport end = ExecutionEngine.withDefaults().analyze(cycle, cycle.cycle().endInstant());
    String html = HtmlReportWriter.write(cycle, end);
    assertThat(end.sourceHealth()).isNotEmpty();
    assertThat(html).contains("<h3>Missed or stale when the cycle ended</h3>").doesNotContain("<h3>Needs attention");
    assertThat(html).contains("<p class=\"lead\">" + Html.esc(end.summary()) + "</p>")
        .contains("<h3>Broken data connections</h3>")
        .contains(Html.esc(end.sourceHealth().get(0).reason()))
        // the page names the forecast model that made it
        .contains(" Forecasts by the model okr-default-2 (movement-aware; fitted on 2,730 key results of 2,730 cycles");
    // week 8: each cause sentence sits under its key result's line
    CycleReport week8 = exampleReport(cycle);
    String page = HtmlReportWriter.write(cycle, week8);
    for (var r : week8.keyResults()) {
      for (var c : r.causes()) {
        // under its own heading the key result is named by its id alone: "that leaves KR-1 a 27% chance"
        String own = r.id() + " (" + r.title() + ")";
        assertThat(page).contains("<li>" + Html.esc(c.sentence().replace(own, r.id())) + "</li>");
      }
    }
    // KR-12 is at risk by its own forecast, so late upstream of KR-6 (KR-17, on track at 46%, is not called late)
    // (needed by the end, six weeks ahead: its slip is its forecast completion's, and said so; it read "is 28 days
    // late")
    assertThat(page).contains("<li>Upstream, KR-12 (Self-served datasets from 12 to 40) is forecast to be 28 days "
        + "late; that leaves KR-6 a 40% chance of missing because of it.</li>");
  }

  @Test
  void example_isDeterministic() throws IOException {
    assertThat(examplePage()).isEqualTo(examplePage());
  }

  static final Cycle Q = Cycle.of("Q<1>", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 29));

  static Instant day(int d) {
    return Q.startInstant().plusSeconds(d * 86_400L);
  }

  static KeyResult kr(String id, String title, Metric m, int[] days, double[] values) {
    List<CheckIn> c = new ArrayList<>();
    for (int i = 0; i < days.length; i++) {
      c.add(new CheckIn(day(days[i]), values[i], 0.5, "note <b>\"" + id + "\"</b> & 'more'", List.of("<x>"), null));
    }
    return new KeyResult(id, title, null, "t&<", 1.0, List.of(), m, Plan.LINEAR, c, null);
  }

  static final String EVIL = "<script>alert(\"x\")</script> & 'q'";

  static OkrCycle evil() {
    return OkrCycle.of(Q, List.of(new Team("t&<", EVIL, null)), List.of(new Objective("O<1>", EVIL, "t&<", null, null,
            null, List.of(
                kr("KR\"1", EVIL, Metric.of(0, 100, "<u>"), new int[] {7, 14, 21}, new double[] {6, 13, 18}),
                kr("KR-dec", "down", Metric.of(50, 10, "ms"), new int[] {7, 30}, new double[] {45, 40}),
                kr("KR-none", "no data", Metric.of(0, 10, null), new int[0], new double[0]),
                kr("KR-keep", "keep", new Metric(null, 99.0, Direction.MAINTAIN_BELOW, "%"), new int[] {7, 14},
                    new double[] {98.0, 99.5}),
                kr("KR-huge", "huge", Metric.of(-1e15, 1e15, null), new int[] {7, 20},
                    new double[] {-1e14, 1e14}),
                kr("KR-done", "achieve", Metric.achieve(), new int[] {10}, new double[] {0}),
                kr("KR\u0001ctl", "ctl \u0007 x", Metric.of(0, 1, null), new int[0], new double[0])))),
        List.of(new Initiative("I<1>", EVIL, "t&<", null, List.of("KR\"1"),
            List.of(new Milestone("M<1>", EVIL, LocalDate.of(2026, 7, 10), null)))),
        List.of(new Dependency("KR-dec", "KR\"1", DependencyKind.BLOCKS, LocalDate.of(2026, 8, 1), EVIL),
            new Dependency("KR-none", "KR-keep", DependencyKind.SHARES_RESOURCE, null, null)));
  }

  @Test
  void userText_isEscapedEverywhere() {
    OkrCycle c = evil();
    CycleReport r = ExecutionEngine.withDefaults().analyze(c, day(45));
    String html = HtmlReportWriter.write(c, r);
    List<String> names = assertWellFormed(html);
    assertThat(names).doesNotContain("script", "b", "u", "x");
    assertThat(html).doesNotContain(EVIL, "<script", "KR\"1", "\u0001", "\u0007");
    assertThat(html).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;")
        .contains("KR&quot;1").contains("note &lt;b&gt;&quot;KR&quot;1&quot;&lt;/b&gt; &amp; &#39;more&#39;")
        .contains("Q&lt;1&gt;").contains("KR\ufffdctl");
    assertThat(count(BURNUP, html)).isEqualTo(7);
    assertThat(html).doesNotContain("NaN", "Infinity");
    // coordinates are plain decimals
    Matcher m = Pattern.compile("\\s(?:x|y|x1|y1|x2|y2|cx|cy|width|height)=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      assertThat(m.group(1)).matches("-?\\d+(\\.\\d)?");
    }
    Matcher pts = Pattern.compile("points=\"([^\"]*)\"").matcher(html);
    while (pts.find()) {
      assertThat(pts.group(1)).matches("(-?\\d+(\\.\\d)?,-?\\d+(\\.\\d)?)( -?\\d+(\\.\\d)?,-?\\d+(\\.\\d)?)*");
    }
    assertThat(html).contains("class=\"edge contention\"").contains("node milestone overdue");
    assertThat(HtmlReportWriter.write(c, r)).isEqualTo(html);
  }

  @Test
  void decreasingMetric_targetIsUp() {
    OkrCycle c = evil();
    String html = HtmlReportWriter.write(c, ExecutionEngine.withDefaults().analyze(c, day(45)));
    String chart = html.substring(html.indexOf("aria-label=\"Burn-up chart of KR-dec\""));
    chart = chart.substring(0, chart.indexOf("</svg>"));
    // the plan starts at the baseline (50, bottom) and ends at the target (10, top)
    Matcher plan = Pattern.compile("<polyline class=\"plan\" points=\"[\\d.]+,([\\d.]+) .* [\\d.]+,([\\d.]+)\">")
        .matcher(chart);
    assertThat(plan.find()).isTrue();
    assertThat(Double.parseDouble(plan.group(1))).isGreaterThan(Double.parseDouble(plan.group(2)));
  }

  @Test
  void beforeAndAfterTheCycle_andWithoutDependencies() {
    OkrCycle c = OkrCycle.of(Q, List.of(Team.of("t")), List.of(new Objective("O", "o", "t", null, null, null,
        List.of(new KeyResult("K", null, null, "t", 1.0, List.of(), Metric.of(0, 10, null), null, List.of(), null)))));
    for (Instant at : List.of(Q.windowStart(), day(-5), Q.endInstant(), Q.windowEnd())) {
      String html = HtmlReportWriter.write(c, ExecutionEngine.withDefaults().analyze(c, at));
      assertWellFormed(html);
      assertThat(count(BURNUP, html)).isEqualTo(1);
      assertThat(html).doesNotContain("NaN", "Infinity");
      // before the start nothing is due; after the end K has had no check-in in the whole cycle, longer than the
      // 14-day stale limit: listed as a stale key result would be
      assertThat(html).contains(at.isBefore(Q.startInstant()) ? "No key result needs attention."
          : "<h3>Missed or stale when the cycle ended</h3>");
    }
  }

  @Test
  void reportOfAnotherCycle_rejected() throws IOException {
    OkrCycle c = evil();
    CycleReport other = ExecutionEngine.withDefaults().analyze(example(), day(45));
    assertThatThrownBy(() -> HtmlReportWriter.write(c, other)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("report of cycle 2026-Q3");
    // same cycle id, other key results
    OkrCycle sameId = OkrCycle.of(Q, List.of(Team.of("t")), List.of(new Objective("O", "o", "t", null, null, null,
        List.of(new KeyResult("K", null, null, "t", 1.0, List.of(), Metric.of(0, 10, null), null, List.of(), null)))));
    CycleReport ofSameId = ExecutionEngine.withDefaults().analyze(sameId, day(45));
    assertThatThrownBy(() -> HtmlReportWriter.write(c, ofSameId)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("report has key result K, which cycle Q<1> does not");
  }

  /** Three key results of Growth behind one late initiative of Data, on day 50: one late-upstream group. */
  static String groupedPage() {
    OkrCycle c = EscalationTest.lateInitiative(0.2, "KR-1", "KR-2", "KR-3");
    return HtmlReportWriter.write(c, EscalationTest.ENGINE.analyze(c, EscalationTest.day(50)));
  }

  @Test
  void write_escalationGroups_inTheEscalationsSection_linksToTheKeyResults() throws IOException {
    String html = groupedPage();
    assertWellFormed(html);
    String section = html.substring(html.indexOf("<section id=\"escalations\">"));
    section = section.substring(0, section.indexOf("</section>"));
    assertThat(section).contains("<h3 id=\"escalation-groups\">Escalations with one cause</h3>\n<ul class=\"groups\">"
        + "\n<li data-kind=\"late-upstream\">I-1 (Pipeline), of Data, is 31 days late and ");
    assertThat(count(Pattern.compile("<li data-kind="), section)).isEqualTo(1);
    assertThat(count(Pattern.compile("<span class=\"subjects\">(<a href=\"#[^\"]+\">KR-[123]</a>(, )?){3}</span>"),
        section)).isEqualTo(1);
    // a report without groups has no such heading
    CycleReport r = exampleReport(example());
    CycleReport none = new CycleReport(r.cycleId(), r.asOf(), r.keyResults(), r.cascades(), r.escalations(),
        r.sourceHealth(), r.objectives(), r.summary(), r.model(), List.of());
    assertThat(HtmlReportWriter.write(example(), none)).doesNotContain("escalation-groups");
  }

  @Test
  void write_escalationGroupReason_escaped() {
    OkrCycle c = EscalationTest.lateInitiative(0.2, "KR-1", "KR-2", "KR-3");
    CycleReport r = EscalationTest.ENGINE.analyze(c, EscalationTest.day(50));
    CycleReport hostile = new CycleReport(r.cycleId(), r.asOf(), r.keyResults(), r.cascades(), r.escalations(),
        r.sourceHealth(), r.objectives(), r.summary(), r.model(), List.of(new EscalationGroup("late-upstream",
            "I-1", List.of("KR-1", "KR-9<"), 1, "team-lead", "<script>alert(1)</script> & \u202e")));
    String html = HtmlReportWriter.write(c, hostile);
    assertWellFormed(html);
    assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \ufffd")
        .contains(", KR-9&lt;</span>");
  }

  /** The page's section ids in order. */
  static List<String> sections(String html) {
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("<section id=\"([a-z-]+)\">").matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  /** The part of {@code html} from {@code <section id="id">} to its end. */
  static String section(String html, String id) {
    String s = html.substring(html.indexOf("<section id=\"" + id + "\">"));
    return s.substring(0, s.indexOf("</section>"));
  }

  @Test
  void example_leadsWithAttentionChangesAndRollups_titlesNextToIds() throws IOException {
    OkrCycle cycle = example();
    CycleReport report = exampleReport(cycle);
    String html = HtmlReportWriter.write(cycle, report);
    assertWellFormed(html);
    assertThat(sections(html)).containsExactly("summary", "changes", "teams", "escalations", "key-results",
        "dependencies", "charts");
    // needs attention: off track first, each with its id, title, team and owner before the sentence
    String summary = section(html, "summary");
    List<String> order = new ArrayList<>();
    Matcher badge = Pattern.compile("<li><span class=\"badge s-([a-z-]+)\">").matcher(summary);
    while (badge.find()) {
      order.add(badge.group(1));
    }
    assertThat(order).isNotEmpty().isSortedAccordingTo(java.util.Comparator.comparingInt(
        s -> List.of("off-track", "at-risk", "stale").indexOf(s)));
    assertThat(order).hasSize((int) report.keyResults().stream().filter(r -> r.status().needsAttention()).count());
    assertThat(summary).contains("<strong>KR-22 First response time from 9 to 2 hours</strong> (Customer Support, "
        + "owner noah): KR-22 is moving at 45% of the weekly pace it needs and is forecast to land at 82%, not 100% (a "
        + "21% chance of reaching 2 h).");
    // the report's own sentence keeps the title; only the page's line under the heading drops it
    assertThat(report.keyResults().stream().filter(r -> r.id().equals("KR-22")).findFirst().orElseThrow().insight())
        .startsWith("KR-22 (First response time from 9 to 2 hours) is moving at 45%");
    // what changed: one row per change, each item with its title
    var changes = report.changes();
    String changed = section(html, "changes");
    assertThat(changed).contains("<h2>What changed since 12 Aug</h2>");
    assertThat(count(Pattern.compile("<tr><td>"), changed)).isEqualTo(changes.statusChanges().size()
        + changes.newEscalations().size() + changes.probabilityMoves().size()
        + changes.droppedEscalations().size()).isPositive();
    for (var c : changes.statusChanges()) {
      assertThat(changed).contains(c.subject() + "</a> " + Html.esc(c.title()) + "</td><td>status <span class=\"badge s-"
          + c.from().jsonName() + "\">" + c.from().jsonName() + "</span> → <span class=\"badge s-" + c.to().jsonName());
    }
    for (var m : changes.probabilityMoves()) {
      assertThat(changed).contains("<td>P(target) " + Html.pct(m.from()) + " → " + Html.pct(m.to()) + "</td>");
    }
    // teams and objectives: a row each, most needing attention first, with owners
    String teams = section(html, "teams");
    String teamTable = teams.substring(0, teams.indexOf("</table>"));
    assertThat(count(Pattern.compile("<tr><td>"), teamTable)).isEqualTo(report.teams().size());
    assertThat(teamTable).contains("<tr><td>Customer Support <small>(support)</small></td><td class=\"n\">6</td>"
        + "<td class=\"n attn\">6</td>").contains("<td>noah, amira</td>");
    String objectives = teams.substring(teams.indexOf("<table class=\"objectives\">"));
    assertThat(count(Pattern.compile("<tr><td>"), objectives)).isEqualTo(10);
    assertThat(objectives).contains("<tr><td>O-9 Customers get answers fast</td><td>Customer Support</td><td>noah"
        + "</td><td class=\"n\">3</td><td class=\"n attn\">3</td>");
    assertThat(objectives.indexOf("<td>O-6 ")).isGreaterThan(objectives.indexOf("<td>O-9 "));
    // the key results table names each objective with its title
    assertThat(section(html, "key-results")).contains("</td><td>O-1 Become the preferred analytics partner for "
        + "mid-market finance</td>");
    // escalated items with their titles
    String escalated = section(html, "escalations");
    for (var e : report.escalations()) {
      assertThat(escalated).contains(">" + e.subject() + (e.subject().startsWith("KR-") ? "</a> " : " ")
          + Html.esc(Changes.title(cycle, e.subject())) + "</td>");
    }
  }

  @Test
  void example_chartsAttentionFirst_withAxisTitles_andAPrintStyleSheet() throws IOException {
    OkrCycle cycle = example();
    CycleReport report = exampleReport(cycle);
    String html = HtmlReportWriter.write(cycle, report);
    List<String> statuses = new ArrayList<>();
    Matcher fig = Pattern.compile("</h3><span class=\"badge s-([a-z-]+)\">").matcher(section(html, "charts"));
    while (fig.find()) {
      statuses.add(fig.group(1));
    }
    List<String> order = List.of("off-track", "at-risk", "stale", "no-data", "not-started", "on-track", "achieved");
    assertThat(statuses).hasSize(30).isSortedAccordingTo(java.util.Comparator.comparingInt(order::indexOf));
    // two axis titles a chart: the date, and the value with its unit (which way is up for a metric to lower)
    assertThat(count(Pattern.compile("<text class=\"axis-title\""), html)).isEqualTo(2 * 30);
    assertThat(count(Pattern.compile(">Date</text>"), html)).isEqualTo(30);
    assertThat(html).contains(">Value (M EUR)</text>").contains(">Value (ms), lower is up</text>");
    assertThat(html).contains("@media print{").contains("nav{display:none}")
        .contains("figure{break-inside:avoid;page-break-inside:avoid}");
  }

  @Test
  void changes_nothingComparedOrNothingChanged_saySo() {
    OkrCycle c = OkrCycle.of(Q, List.of(Team.of("t")), List.of(new Objective("O", "o", "t", null, null, null,
        List.of(new KeyResult("K", null, null, "t", 1.0, List.of(), Metric.of(0, 10, null), null, List.of(), null)))));
    String atStart = HtmlReportWriter.write(c, ExecutionEngine.withDefaults().analyze(c, Q.startInstant()));
    assertThat(section(atStart, "changes")).contains("<p class=\"ok\">Nothing to compare: the report is at the "
        + "start of the cycle.</p>");
    String day20 = HtmlReportWriter.write(c, ExecutionEngine.withDefaults().analyze(c, day(20)));
    assertWellFormed(day20);
    assertThat(section(day20, "changes")).contains("<h2>What changed since 14 Jul</h2>")
        .contains("<p class=\"ok\">Nothing changed.</p>");
    // K has had no check-in in the 20 days since the start, more than the 14-day stale limit: it needs attention
    assertThat(section(day20, "teams")).contains("<tr><td>t</td><td class=\"n\">1</td><td class=\"n attn\">1</td>");
  }

  /**
   * An escalation withdrawn since the compared day has its row with the policy's reason: KR-5 (signups) was escalated
   * to leadership on 14 Sep; its check-in of 15 Sep lifts its chance from 19% to 34% (as the text report says it).
   */
  @Test
  void changes_escalationWithdrawn_rowWithTheReason() throws IOException {
    OkrCycle c = example();
    CycleReport r = ExecutionEngine.withDefaults().analyze(c, c.cycle().instantOf(LocalDate.of(2026, 9, 17)),
        c.cycle().instantOf(LocalDate.of(2026, 9, 14)));
    String changed = section(HtmlReportWriter.write(c, r), "changes");
    assertThat(changed).contains("KR-5</a> Reach 1,500 qualified signups</td><td>escalation to leadership (level 2) "
        + "withdrawn (its chance rose from 19% to 34%, no longer below the 25% the policy escalates under)</td></tr>");
    assertThat(count(Pattern.compile("<tr><td>"), changed)).isEqualTo(r.changes().statusChanges().size()
        + r.changes().newEscalations().size() + r.changes().probabilityMoves().size()
        + r.changes().droppedEscalations().size());
  }

  /**
   * The graph outlines a milestone overdue as the report counts lateness: to the day the cycle ended at the latest. M-13
   * moved to 15 Oct, after the end (30 Sep), is not overdue on a page made on 20 Nov (it was: the day the page was
   * made), nor its initiative I-9; M-6, due 5 Aug and open, is.
   */
  @Test
  void graph_afterTheEnd_overdueCountedToTheEnd() throws IOException {
    String json = java.nio.file.Files.readString(EXAMPLE).replace("\"title\": \"Onboarding flow live\",\n"
        + "          \"due\": \"2026-09-10\"", "\"title\": \"Onboarding flow live\",\n          \"due\": \"2026-10-15\"");
    OkrCycle cycle = CycleJson.withDefaults().read(json).cycle();
    assertThat(cycle.milestone("M-13").orElseThrow().due()).isEqualTo(java.time.LocalDate.of(2026, 10, 15));
    CycleReport nov20 = ExecutionEngine.withDefaults().analyze(cycle,
        cycle.cycle().instantOf(java.time.LocalDate.of(2026, 11, 20)));
    String html = HtmlReportWriter.write(cycle, nov20);
    assertThat(html).contains("<g class=\"node milestone\"><title>M-13: Onboarding flow live")
        .doesNotContain("M-13: Onboarding flow live (Growth, overdue)")
        .containsPattern("<g class=\"node milestone[a-z ]* overdue\"><title>M-6: ");
  }
}
