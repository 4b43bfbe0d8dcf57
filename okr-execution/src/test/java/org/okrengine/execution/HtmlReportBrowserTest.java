package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the example's page in a real headless browser, Debian's {@code chromium} (which {@code .ci/run} installs),
 * and checks that it renders with no console message and one burn-up chart per key result. Skipped when
 * {@code /usr/bin/chromium} (or the path in the system property {@code okr.chromium}) is missing.
 *
 * <p>How: Chromium runs once per check as a separate process with a fresh profile, no network features and its log
 * on standard error; {@code --dump-dom} prints the DOM after the page has loaded, {@code --screenshot} renders it.
 * Chromium logs every console message of the page (errors, warnings, CSP violations, failed loads) as a line with
 * {@code :CONSOLE}; the page has no scripts and loads nothing, so any such line fails the test. A control page that
 * breaks its own Content-Security-Policy proves those lines are seen.
 */
class HtmlReportBrowserTest {
  static final Path CHROMIUM = Path.of(System.getProperty("okr.chromium", "/usr/bin/chromium"));
  /** A safety net against a hung browser, not a timing assertion. */
  static final long MAX_WAIT_SECONDS = 180;
  static final Pattern CONSOLE = Pattern.compile(":CONSOLE[(:]");

  record Browser(int exit, String out, String err) {
    List<String> consoleLines() {
      List<String> lines = new ArrayList<>();
      err.lines().filter(l -> CONSOLE.matcher(l).find()).forEach(lines::add);
      return lines;
    }
  }

  @BeforeEach
  void needsChromium() {
    assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no headless browser at " + CHROMIUM
        + " (apt-get install chromium; .ci/run installs it)");
  }

  static Browser chromium(Path dir, Path page, String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "profile");
    Path out = dir.resolve("chromium-" + System.nanoTime() + ".out");
    Path err = dir.resolve("chromium-" + System.nanoTime() + ".err");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr",
        "--v=0"));
    command.addAll(List.of(args));
    command.add(page.toUri().toString());
    Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile()))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within " + MAX_WAIT_SECONDS + " s: " + command);
    }
    return new Browser(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  @Test
  void examplePage_rendersWithoutConsoleMessages_oneChartPerKeyResult(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("report.html");
    Files.writeString(page, HtmlReportWriterTest.examplePage(), StandardCharsets.UTF_8);
    int keyResults = HtmlReportWriterTest.example().keyResults().size();

    Browser dom = chromium(dir, page, "--dump-dom");
    assertThat(dom.exit()).as("chromium exit; stderr:%n%s", dom.err()).isEqualTo(0);
    assertThat(dom.consoleLines()).as("console messages").isEmpty();
    // the DOM as the browser built it: every chart, the graph, and the document closed
    assertThat(HtmlReportWriterTest.count(Pattern.compile("<svg [^>]*class=\"burnup\""), dom.out()))
        .isEqualTo(keyResults);
    assertThat(HtmlReportWriterTest.count(Pattern.compile("<svg [^>]*class=\"graph\""), dom.out())).isEqualTo(1);
    assertThat(HtmlReportWriterTest.count(Pattern.compile("<polyline class=\"plan\""), dom.out()))
        .isEqualTo(keyResults);
    assertThat(dom.out()).contains("<h2>Escalations</h2>").contains("</html>");

    Path png = dir.resolve("report.png");
    Browser shot = chromium(dir, page, "--window-size=1280,4000", "--screenshot=" + png);
    assertThat(shot.exit()).as("chromium exit; stderr:%n%s", shot.err()).isEqualTo(0);
    assertThat(shot.consoleLines()).as("console messages").isEmpty();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(java.util.Arrays.copyOf(bytes, 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertThat(bytes.length).as("a rendered page, not a blank one").isGreaterThan(100_000);
  }

  @Test
  void groupedPage_showsTheEscalationGroups(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("grouped.html");
    Files.writeString(page, HtmlReportWriterTest.groupedPage(), StandardCharsets.UTF_8);
    Browser dom = chromium(dir, page, "--dump-dom");
    assertThat(dom.exit()).as("chromium exit; stderr:%n%s", dom.err()).isEqualTo(0);
    assertThat(dom.consoleLines()).as("console messages").isEmpty();
    assertThat(dom.out()).contains("<h3 id=\"escalation-groups\">Escalations with one cause</h3>")
        .contains("<li data-kind=\"late-upstream\">I-1 (Pipeline), of Data, is 31 days late and ");
    assertThat(HtmlReportWriterTest.count(Pattern.compile("<span class=\"subjects\"><a href=\"#"), dom.out()))
        .isEqualTo(1);
  }

  @Test
  void control_aPageBreakingItsPolicy_isCaught(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("bad.html");
    String html = HtmlReportWriterTest.examplePage().replace("<h2>Summary</h2>",
        "<h2>Summary</h2><img src=\"https://example.invalid/logo.png\" alt=\"\"/>");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    Browser b = chromium(dir, page, "--dump-dom");
    assertThat(b.exit()).isEqualTo(0);
    assertThat(b.consoleLines()).as("the browser's log on stderr:%n%s", b.err()).isNotEmpty()
        .anyMatch(l -> l.contains("Content Security Policy"));
  }

  @Test
  void examplePage_leadsWithAttentionChangesAndRollups_andPrints(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("report.html");
    Files.writeString(page, HtmlReportWriterTest.examplePage(), StandardCharsets.UTF_8);
    var cycle = HtmlReportWriterTest.example();
    var report = HtmlReportWriterTest.exampleReport(cycle);

    Browser dom = chromium(dir, page, "--dump-dom");
    assertThat(dom.exit()).as("chromium exit; stderr:%n%s", dom.err()).isEqualTo(0);
    assertThat(dom.consoleLines()).as("console messages").isEmpty();
    String html = dom.out();
    // the sections as the browser built them, in the order a reader meets them
    assertThat(HtmlReportWriterTest.sections(html)).containsExactly("summary", "changes", "teams", "escalations",
        "key-results", "dependencies", "charts");
    assertThat(html).contains("<h3>Needs attention</h3>", "<h2>What changed since 12 Aug</h2>",
        "<h2>Teams and objectives</h2>");
    var changes = report.changes();
    assertThat(HtmlReportWriterTest.count(Pattern.compile("<tr><td>"), HtmlReportWriterTest.section(html, "changes")))
        .isEqualTo(changes.statusChanges().size() + changes.newEscalations().size()
            + changes.probabilityMoves().size());
    String teams = HtmlReportWriterTest.section(html, "teams");
    assertThat(HtmlReportWriterTest.count(Pattern.compile("<tr><td>"), teams))
        .isEqualTo(report.teams().size() + report.objectives().size());
    // every chart with both axis titles, what needs attention first
    assertThat(HtmlReportWriterTest.count(Pattern.compile("<text class=\"axis-title\""), html))
        .isEqualTo(2 * report.keyResults().size());
    String charts = HtmlReportWriterTest.section(html, "charts");
    assertThat(charts.indexOf("badge s-off-track")).isLessThan(charts.indexOf("badge s-on-track"));

    // the print style sheet: printed to PDF without a console message
    Path pdf = dir.resolve("report.pdf");
    Browser print = chromium(dir, page, "--no-pdf-header-footer", "--print-to-pdf=" + pdf);
    assertThat(print.exit()).as("chromium exit; stderr:%n%s", print.err()).isEqualTo(0);
    assertThat(print.consoleLines()).as("console messages").isEmpty();
    byte[] bytes = Files.readAllBytes(pdf);
    assertThat(new String(java.util.Arrays.copyOf(bytes, 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(bytes.length).as("a printed report, not an empty page").isGreaterThan(50_000);
  }

  /**
   * The page of a model whose forecasts are at each key result's expected last check-in renders without a console
   * message, and the browser's DOM has KR-10's cone tip there (x 546.4, 28 Sep; the end is x 562: see
   * LastCheckInModelReportTest.cone_endsAtTheExpectedLastCheckIn), as the legend says.
   */
  @Test
  void lastCheckInModelPage_drawsTheConeToTheExpectedLastCheckIn(@TempDir Path dir) throws Exception {
    var q3 = HtmlReportWriterTest.example();
    var asOf = q3.cycle().instantOf(java.time.LocalDate.of(2026, 8, 19));
    var last = org.okrengine.forecast.Forecaster.withDefaults().withModel(org.okrengine.forecast.ForecastModel
        .defaults().withResultTiming(org.okrengine.forecast.ResultTiming.LAST_CHECK_IN));
    Path page = dir.resolve("last-check-in.html");
    Files.writeString(page, HtmlReportWriter.write(q3, ExecutionEngine.withDefaults().withForecaster(last)
        .analyze(q3, asOf)), StandardCharsets.UTF_8);
    Browser dom = chromium(dir, page, "--dump-dom");
    assertThat(dom.exit()).as("chromium exit; stderr:%n%s", dom.err()).isEqualTo(0);
    assertThat(dom.consoleLines()).as("console messages").isEmpty();
    String kr10 = LastCheckInModelReportTest.chart(dom.out(), "KR-10");
    assertThat(kr10).containsPattern("<polygon class=\"cone\" points=\"330\\.9,[0-9.]+ 546\\.4,[0-9.]+ 546\\.4,"
        + "[0-9.]+\"><title>80% interval at the expected last check-in \\(28 Sep\\): ");
    assertThat(dom.out()).contains("to the prediction interval at the key result's expected last check-in before "
        + "the cycle's end");
  }
}
