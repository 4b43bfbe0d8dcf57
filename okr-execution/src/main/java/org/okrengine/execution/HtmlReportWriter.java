package org.okrengine.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.deps.Edge;
import org.okrengine.deps.EdgeKind;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.Cause;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Dependency;
import org.okrengine.model.Direction;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.ForecastSummary;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.NodeKind;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.PredictionInterval;
import org.okrengine.model.SourceHealthSummary;
import org.okrengine.model.Status;
import org.okrengine.model.Team;

/**
 * Writes a {@link CycleReport} as one self-contained HTML page: the summary with the cascades, the escalations, a
 * table of key results by status, the dependency graph with cascades highlighted (inline SVG) and a burn-up chart per
 * key result (plan, check-ins and forecast cone, inline SVG).
 *
 * <p>The page loads nothing: no scripts, fonts, style sheets or images from outside it (a Content-Security-Policy
 * forbids them), so it works offline and can be mailed as a file. All text from the cycle (titles, notes, ids) is
 * escaped. The output is deterministic: the same cycle and report give the same characters.
 *
 * <p>The forecast cone of a chart runs in straight lines from the last check-in (or, without one, from the plan's
 * start at the report's instant) to the prediction interval at cycle end; only its end is a forecast, the lines in
 * between are a drawing aid, not intermediate intervals. Charts are drawn with the target up: for metrics that must
 * decrease (or stay below a target) the value axis runs downward.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlReportWriter {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);
  /** Statuses in the order the table lists them: what needs attention first. */
  private static final List<Status> STATUS_ORDER = List.of(Status.OFF_TRACK, Status.AT_RISK, Status.STALE,
      Status.NO_DATA, Status.NOT_STARTED, Status.ON_TRACK, Status.ACHIEVED);

  // burn-up chart geometry, in SVG user units (pixels)
  private static final double CW = 560;
  private static final double CH = 230;
  private static final double ML = 64;
  private static final double MR = 16;
  private static final double MT = 14;
  private static final double MB = 28;
  private static final int MAX_PLAN_SAMPLES = 200;

  // dependency graph geometry
  private static final double GX0 = 130;
  private static final double COL = 190;
  private static final double NW = 164;
  private static final double NH = 26;
  private static final double ROW = 34;
  private static final double BAND_PAD = 10;
  private static final int TITLE_CHARS = 22;

  private static final String CSS = String.join("\n",
      "body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:24px;color:#1d2330;"
          + "background:#fff;line-height:1.4}",
      "h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;margin:32px 0 8px;border-bottom:1px solid #d8dce3;"
          + "padding-bottom:4px}h3{font-size:1em;margin:0 0 4px}",
      ".meta{color:#5b6475;margin:0 0 12px}.lead{font-size:1.05em;max-width:60em}",
      ".causes{color:#5b6475;font-size:.92em;margin:2px 0 6px}",
      ".counts{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0;padding:0;list-style:none}",
      ".counts li{padding:4px 10px;border-radius:12px;font-weight:600}",
      ".s-off-track{background:#fde0dc;color:#9b1c1c}.s-at-risk{background:#fff1d6;color:#8a4b00}",
      ".s-stale{background:#ece6f7;color:#4b2e83}.s-no-data,.s-not-started{background:#eceff3;color:#4a5261}",
      ".s-on-track{background:#dff3e4;color:#17603a}.s-achieved{background:#d5ecfb;color:#0b4f79}",
      "table{border-collapse:collapse;font-size:.9em;width:100%}",
      "th,td{border-bottom:1px solid #e3e6eb;padding:4px 6px;text-align:left;vertical-align:top}",
      "th{background:#f4f6f8}td.n{text-align:right;white-space:nowrap}td.st{white-space:nowrap}",
      ".badge{padding:1px 8px;border-radius:10px;font-weight:600;font-size:.85em}",
      ".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:20px}",
      "figure{margin:0;border:1px solid #e3e6eb;border-radius:6px;padding:10px}",
      "figcaption{font-size:.85em;color:#3c4453;margin-bottom:4px}",
      ".legend{font-size:.8em;color:#5b6475}",
      ".graph-box{overflow-x:auto;border:1px solid #e3e6eb;border-radius:6px}",
      "svg text{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif}",
      ".axis{stroke:#9aa3b2;stroke-width:1}.grid{stroke:#eef0f3;stroke-width:1}",
      ".tick{font-size:10px;fill:#5b6475}",
      ".plan{fill:none;stroke:#7c8799;stroke-width:1.5;stroke-dasharray:6 4}",
      ".target{stroke:#17603a;stroke-width:1;stroke-dasharray:2 3}",
      ".now{stroke:#1d2330;stroke-width:1;stroke-dasharray:1 3}",
      ".cone{fill:#2b6cb0;fill-opacity:.15;stroke:#2b6cb0;stroke-opacity:.5;stroke-width:1}",
      ".landing{stroke:#2b6cb0;stroke-width:1.5;stroke-dasharray:4 3}",
      ".actual{fill:none;stroke:#1d4ed8;stroke-width:2}.checkin{fill:#1d4ed8;stroke:#fff;stroke-width:1}",
      ".node rect{fill:#fff;stroke:#7c8799;stroke-width:1}.node text{font-size:10px;fill:#1d2330}",
      ".node.objective rect{fill:#f4f6f8}.node.initiative rect{fill:#f9f5ec}.node.milestone rect{fill:#fcfcfc}",
      ".node.overdue rect{stroke:#c81e1e;stroke-dasharray:4 2;stroke-width:1.5}",
      ".node.reached rect{fill:#fff3e0;stroke:#e07b00;stroke-width:2}",
      ".node.late rect{fill:#fde0dc;stroke:#c81e1e;stroke-width:2.5;stroke-dasharray:none}",
      ".edge{fill:none;stroke:#4a5261;stroke-width:1.2}.edge.weak{stroke:#c3c8d1}",
      ".edge.hot{stroke:#c81e1e;stroke-width:2.2}.edge.contention{stroke:#8a4b00;stroke-dasharray:5 4}",
      ".band{fill:#f7f8fa}.band-label{font-size:12px;font-weight:600;fill:#3c4453}",
      ".ok{color:#17603a}");

  private HtmlReportWriter() {}

  /**
   * The HTML page of {@code report}, which {@link ExecutionEngine#analyze} made of {@code cycle}.
   *
   * @throws IllegalArgumentException when the report is not of this cycle (another cycle id, or a key result the
   *     cycle does not have)
   */
  public static String write(OkrCycle cycle, CycleReport report) {
    Objects.requireNonNull(cycle, "cycle must not be null");
    Objects.requireNonNull(report, "report must not be null");
    if (!cycle.cycle().id().equals(report.cycleId())) {
      throw new IllegalArgumentException("report of cycle " + report.cycleId() + ", not " + cycle.cycle().id());
    }
    for (KeyResultReport r : report.keyResults()) {
      if (cycle.keyResult(r.id()).isEmpty()) {
        throw new IllegalArgumentException("report has key result " + r.id() + ", which cycle "
            + cycle.cycle().id() + " does not");
      }
    }
    return new Page(cycle, report).write();
  }

  /** One page being written. */
  private static final class Page {
    private final OkrCycle okr;
    private final Cycle cycle;
    private final CycleReport report;
    private final StringBuilder sb = new StringBuilder(1 << 16);
    private final Map<String, String> anchors = new HashMap<>();

    Page(OkrCycle okr, CycleReport report) {
      this.okr = okr;
      this.cycle = okr.cycle();
      this.report = report;
      for (int i = 0; i < report.keyResults().size(); i++) {
        anchors.put(report.keyResults().get(i).id(), "kr-" + (i + 1));
      }
    }

    String write() {
      String title = "OKR report " + cycle.name() + " as of " + DAY.format(cycle.dateOf(report.asOf()));
      sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
          .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
              + "style-src 'unsafe-inline'; img-src data:\"/>\n")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
          .append("<link rel=\"icon\" href=\"data:,\"/>\n")
          .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS)
          .append("\n</style>\n</head>\n<body>\n");
      summary();
      escalations();
      table();
      graph();
      charts();
      sb.append("<p class=\"legend\">Generated by the OKR Execution Engine from cycle ").append(esc(cycle.id()))
          .append(" as of ").append(esc(report.asOf().toString())).append('.');
      if (report.model() != null) {
        sb.append(" Forecasts by the model ").append(esc(report.model().name())).append(" (")
            .append(esc(report.model().method()));
        if (report.model().fittedOn() != null) {
          sb.append("; ").append(esc(report.model().fittedOn()));
        }
        sb.append(").");
      }
      sb.append("</p>\n</body>\n</html>\n");
      return sb.toString();
    }

    private void summary() {
      ZoneId zone = cycle.zone();
      double elapsed = cycle.elapsedFraction(report.asOf());
      long weeks = Math.max(1, Math.round(cycle.lengthDays() / 7));
      long week = Math.min(weeks, (long) Math.floor(elapsed * cycle.lengthDays() / 7) + 1);
      sb.append("<header>\n<h1>").append(esc(cycle.name())).append(" <small>(").append(esc(cycle.id()))
          .append(")</small></h1>\n<p class=\"meta\">").append(cycle.start()).append(" to ").append(cycle.end())
          .append(", ").append(esc(zone.getId())).append(" · as of ")
          .append(WHEN.format(report.asOf().atZone(zone))).append(" · week ").append(week).append(" of ")
          .append(weeks).append(", ").append(pct(elapsed)).append(" of the cycle elapsed</p>\n")
          .append("<nav class=\"meta\"><a href=\"#summary\">Summary</a> · <a href=\"#escalations\">Escalations</a>"
              + " · <a href=\"#key-results\">Key results</a> · <a href=\"#dependencies\">Dependency graph</a> · "
              + "<a href=\"#charts\">Burn-up charts</a></nav>\n")
          .append("</header>\n<section id=\"summary\">\n<h2>Summary</h2>\n");
      Map<Status, Integer> counts = new EnumMap<>(Status.class);
      for (KeyResultReport r : report.keyResults()) {
        counts.merge(r.status(), 1, Integer::sum);
      }
      sb.append("<p>").append(report.keyResults().size()).append(" key results in ")
          .append(okr.objectives().size()).append(" objectives of ").append(okr.teams().size())
          .append(" teams; ").append(report.cascades().size()).append(plural(report.cascades().size(),
              " cascade", " cascades")).append(" of late work; ").append(report.escalations().size())
          .append(plural(report.escalations().size(), " escalation.", " escalations.")).append("</p>\n");
      if (report.summary() != null && !report.summary().isBlank()) {
        sb.append("<p class=\"lead\">").append(esc(report.summary())).append("</p>\n");
      }
      sb.append("<ul class=\"counts\">\n");
      for (Status s : STATUS_ORDER) {
        Integer n = counts.get(s);
        if (n != null) {
          sb.append("<li class=\"s-").append(s.jsonName()).append("\">").append(n).append(' ')
              .append(s.jsonName()).append("</li>\n");
        }
      }
      sb.append("</ul>\n");
      List<KeyResultReport> attention = new ArrayList<>();
      for (KeyResultReport r : report.keyResults()) {
        if (r.status().needsAttention() && r.insight() != null) {
          attention.add(r);
        }
      }
      if (attention.isEmpty()) {
        sb.append("<p class=\"ok\">No key result needs attention.</p>\n");
      } else {
        sb.append("<h3>Needs attention</h3>\n<ul>\n");
        for (KeyResultReport r : attention) {
          sb.append("<li>").append(esc(r.insight())).append(" <a href=\"#").append(anchors.get(r.id()))
              .append("\">chart</a>");
          if (!r.causes().isEmpty()) {
            sb.append("\n<ul class=\"causes\">");
            for (Cause c : r.causes()) {
              sb.append("<li>").append(esc(c.sentence())).append("</li>");
            }
            sb.append("</ul>\n");
          }
          sb.append("</li>\n");
        }
        sb.append("</ul>\n");
      }
      if (!report.sourceHealth().isEmpty()) {
        sb.append("<h3>Broken data connections</h3>\n<ul>\n");
        for (SourceHealthSummary h : report.sourceHealth()) {
          sb.append("<li>").append(esc(h.reason())).append("</li>\n");
        }
        sb.append("</ul>\n");
      }
      if (!report.cascades().isEmpty()) {
        sb.append("<h3>Cascades, most impact first</h3>\n<ul>\n");
        for (CascadeSummary c : report.cascades()) {
          sb.append("<li>").append(esc(c.reason() != null ? c.reason() : c.source() + " is late")).append("</li>\n");
        }
        sb.append("</ul>\n");
      }
      sb.append("</section>\n");
    }

    private void table() {
      sb.append("<section id=\"key-results\">\n<h2>Key results by status</h2>\n<table>\n<thead><tr><th>Status</th>"
          + "<th>Key result</th><th>Objective</th><th>Team</th><th>Progress</th><th>Plan</th>"
          + "<th>Last check-in</th><th>Lands at</th><th>Interval at end</th><th>P(target)</th></tr></thead>\n"
          + "<tbody>\n");
      for (Status s : STATUS_ORDER) {
        for (KeyResultReport r : report.keyResults()) {
          if (r.status() != s) {
            continue;
          }
          Metric m = okr.keyResult(r.id()).orElseThrow().metric();
          ForecastSummary f = r.forecast();
          sb.append("<tr><td class=\"st\"><span class=\"badge s-").append(s.jsonName()).append("\">")
              .append(s.jsonName()).append("</span></td><td><a href=\"#").append(anchors.get(r.id())).append("\">")
              .append(esc(r.id())).append("</a> ").append(esc(r.title())).append("</td><td>")
              .append(esc(r.objective())).append("</td><td>").append(esc(teamName(r.team())))
              .append("</td><td class=\"n\">").append(r.progress() == null ? "–" : pct(r.progress()))
              .append("</td><td class=\"n\">").append(pct(r.expectedProgress())).append("</td><td class=\"n\">")
              .append(r.daysSinceCheckIn() == null ? "never" : r.daysSinceCheckIn() + " d ago")
              .append("</td><td class=\"n\">").append(f == null ? "–" : pct(f.landingProgress()))
              .append("</td><td class=\"n\">").append(f == null || f.interval() == null ? "–"
                  : esc(interval(f.interval(), m)))
              .append("</td><td class=\"n\">").append(f == null ? "–" : pct(f.probabilityOfTarget()))
              .append("</td></tr>\n");
        }
      }
      sb.append("</tbody>\n</table>\n</section>\n");
    }

    private void charts() {
      sb.append("<section id=\"charts\">\n<h2>Burn-up charts</h2>\n<p class=\"legend\">Dashed grey: the plan. "
          + "Blue line and dots: the check-ins up to the report's date. Blue area: the forecast cone, drawn as "
          + "straight lines from the last check-in to the prediction interval at cycle end (only its end is "
          + "forecast); dashed blue: to the expected landing value. Dotted green: the target. Dotted black: the "
          + "report's date. The target is always up: for metrics that must go down the value axis runs "
          + "downward.</p>\n<div class=\"charts\">\n");
      for (KeyResultReport r : report.keyResults()) {
        chart(okr.keyResult(r.id()).orElseThrow(), r);
      }
      sb.append("</div>\n</section>\n");
    }

    private void chart(KeyResult kr, KeyResultReport r) {
      Metric m = kr.metric();
      ForecastSummary f = r.forecast();
      Instant start = cycle.startInstant();
      Instant end = cycle.endInstant();
      Instant asOf = report.asOf();
      List<CheckIn> seen = kr.checkInsAsOf(asOf);
      // plan samples: daily for cycles up to MAX_PLAN_SAMPLES days, evenly spaced beyond
      int n = (int) Math.max(2, Math.min(MAX_PLAN_SAMPLES, Math.ceil(cycle.lengthDays())));
      double[] planT = new double[n + 1];
      double[] planV = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        Instant t = cycle.instantAtFraction(i / (double) n);
        planT[i] = i / (double) n;
        planV[i] = kr.plan().expectedValue(m, cycle, t);
      }
      double lo = m.target();
      double hi = m.target();
      lo = Math.min(lo, m.baselineOrTarget());
      hi = Math.max(hi, m.baselineOrTarget());
      for (double v : planV) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      for (CheckIn c : seen) {
        lo = Math.min(lo, c.value());
        hi = Math.max(hi, c.value());
      }
      PredictionInterval iv = f == null ? null : f.interval();
      if (iv != null) {
        lo = Math.min(lo, iv.low());
        hi = Math.max(hi, iv.high());
      }
      if (f != null) {
        lo = Math.min(lo, f.landingValue());
        hi = Math.max(hi, f.landingValue());
      }
      double[] ticks = ticks(lo, hi);
      lo = Math.min(lo, ticks[0]);
      hi = Math.max(hi, ticks[ticks.length - 1]);
      boolean down = m.direction() == Direction.DECREASE || m.direction() == Direction.MAINTAIN_BELOW;
      Scale y = new Scale(lo, hi, down);

      String anchor = anchors.get(r.id());
      sb.append("<figure id=\"").append(anchor).append("\">\n<figcaption><h3>").append(esc(r.id())).append(' ')
          .append(esc(r.title())).append("</h3><span class=\"badge s-").append(r.status().jsonName()).append("\">")
          .append(r.status().jsonName()).append("</span> ").append(esc(teamName(r.team()))).append(" · ")
          .append(esc(m.direction().jsonName())).append(' ').append(m.baseline() == null ? ""
              : esc(Numbers.value(m.baseline(), m)) + " → ").append(esc(Numbers.value(m.target(), m)));
      if (r.value() != null) {
        sb.append(" · now ").append(esc(Numbers.value(r.value(), m)));
      }
      if (f != null) {
        sb.append(" · lands ").append(esc(Numbers.value(f.landingValue(), m)));
        if (iv != null) {
          sb.append(" (").append(pct(iv.level())).append(": ").append(esc(interval(iv, m)))
              .append(')');
        }
        sb.append(" · P(target) ").append(pct(f.probabilityOfTarget()));
      }
      sb.append("</figcaption>\n<svg class=\"burnup\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
          .append(num(CW)).append("\" height=\"").append(num(CH)).append("\" viewBox=\"0 0 ").append(num(CW))
          .append(' ').append(num(CH)).append("\" role=\"img\" aria-label=\"Burn-up chart of ").append(esc(r.id()))
          .append("\">\n");
      // grid and value ticks
      for (double t : ticks) {
        double py = y.at(t);
        sb.append("<line class=\"grid\" x1=\"").append(num(ML)).append("\" y1=\"").append(num(py))
            .append("\" x2=\"").append(num(CW - MR)).append("\" y2=\"").append(num(py)).append("\"/>")
            .append("<text class=\"tick\" x=\"").append(num(ML - 4)).append("\" y=\"").append(num(py + 3))
            .append("\" text-anchor=\"end\">").append(esc(tick(t, ticks))).append("</text>\n");
      }
      // date ticks: the first of each month (every few months in long cycles)
      List<LocalDate> months = new ArrayList<>();
      for (LocalDate d = cycle.start().withDayOfMonth(1); !d.isAfter(cycle.end()); d = d.plusMonths(1)) {
        if (!d.isBefore(cycle.start())) {
          months.add(d);
        }
      }
      int every = Math.max(1, (months.size() + 5) / 6);
      for (int i = 0; i < months.size(); i += every) {
        double px = x(cycle.elapsedFraction(cycle.instantOf(months.get(i))));
        sb.append("<line class=\"grid\" x1=\"").append(num(px)).append("\" y1=\"").append(num(MT))
            .append("\" x2=\"").append(num(px)).append("\" y2=\"").append(num(CH - MB)).append("\"/>")
            .append("<text class=\"tick\" x=\"").append(num(px)).append("\" y=\"").append(num(CH - MB + 14))
            .append("\" text-anchor=\"middle\">").append(DAY.format(months.get(i))).append("</text>\n");
      }
      sb.append("<line class=\"axis\" x1=\"").append(num(ML)).append("\" y1=\"").append(num(CH - MB))
          .append("\" x2=\"").append(num(CW - MR)).append("\" y2=\"").append(num(CH - MB)).append("\"/>")
          .append("<line class=\"axis\" x1=\"").append(num(ML)).append("\" y1=\"").append(num(MT))
          .append("\" x2=\"").append(num(ML)).append("\" y2=\"").append(num(CH - MB)).append("\"/>\n");
      // target
      sb.append("<line class=\"target\" x1=\"").append(num(ML)).append("\" y1=\"").append(num(y.at(m.target())))
          .append("\" x2=\"").append(num(CW - MR)).append("\" y2=\"").append(num(y.at(m.target())))
          .append("\"><title>target ").append(esc(Numbers.value(m.target(), m))).append("</title></line>\n");
      // plan
      sb.append("<polyline class=\"plan\" points=\"");
      for (int i = 0; i <= n; i++) {
        sb.append(i == 0 ? "" : " ").append(num(x(planT[i]))).append(',').append(num(y.at(planV[i])));
      }
      sb.append("\"><title>plan (").append(esc(kr.plan().shapeName())).append(")</title></polyline>\n");
      // forecast cone
      if (f != null) {
        double t0;
        double v0;
        if (!seen.isEmpty()) {
          CheckIn last = seen.get(seen.size() - 1);
          t0 = cycle.elapsedFraction(last.at());
          v0 = last.value();
        } else {
          t0 = cycle.elapsedFraction(asOf);
          v0 = kr.plan().expectedValue(m, cycle, asOf);
        }
        double xe = x(1.0);
        if (iv != null) {
          sb.append("<polygon class=\"cone\" points=\"").append(num(x(t0))).append(',').append(num(y.at(v0)))
              .append(' ').append(num(xe)).append(',').append(num(y.at(iv.high()))).append(' ').append(num(xe))
              .append(',').append(num(y.at(iv.low()))).append("\"><title>").append(pct(iv.level()))
              .append(" interval at cycle end: ").append(esc(interval(iv, m))).append("</title></polygon>\n");
        }
        sb.append("<line class=\"landing\" x1=\"").append(num(x(t0))).append("\" y1=\"").append(num(y.at(v0)))
            .append("\" x2=\"").append(num(xe)).append("\" y2=\"").append(num(y.at(f.landingValue())))
            .append("\"><title>forecast landing ").append(esc(Numbers.value(f.landingValue(), m)))
            .append("</title></line>\n");
      }
      // report's date
      if (cycle.contains(asOf)) {
        double px = x(cycle.elapsedFraction(asOf));
        sb.append("<line class=\"now\" x1=\"").append(num(px)).append("\" y1=\"").append(num(MT))
            .append("\" x2=\"").append(num(px)).append("\" y2=\"").append(num(CH - MB)).append("\"/>\n");
      }
      // check-ins
      if (seen.size() > 1) {
        sb.append("<polyline class=\"actual\" points=\"");
        for (int i = 0; i < seen.size(); i++) {
          CheckIn c = seen.get(i);
          sb.append(i == 0 ? "" : " ").append(num(x(cycle.elapsedFraction(c.at())))).append(',')
              .append(num(y.at(c.value())));
        }
        sb.append("\"/>\n");
      }
      for (CheckIn c : seen) {
        sb.append("<circle class=\"checkin\" cx=\"").append(num(x(cycle.elapsedFraction(c.at()))))
            .append("\" cy=\"").append(num(y.at(c.value()))).append("\" r=\"3.5\"><title>")
            .append(DAY.format(cycle.dateOf(c.at()))).append(": ").append(esc(Numbers.value(c.value(), m)));
        if (c.confidence() != null) {
          sb.append(", confidence ").append(pct(c.confidence()));
        }
        if (c.note() != null && !c.note().isBlank()) {
          sb.append(" — ").append(esc(c.note()));
        }
        if (!c.blockers().isEmpty()) {
          sb.append(" (blocked by ").append(esc(String.join(", ", c.blockers()))).append(')');
        }
        sb.append("</title></circle>\n");
      }
      sb.append("</svg>\n");
      if (r.insight() != null) {
        sb.append("<p class=\"legend\">").append(esc(r.insight())).append("</p>\n");
      }
      sb.append("</figure>\n");
    }

    private void graph() {
      sb.append("<section id=\"dependencies\">\n<h2>Dependency graph</h2>\n");
      DependencyGraph g = DependencyGraph.of(okr);
      List<String> order = g.topologicalOrder();
      if (order.isEmpty()) {
        sb.append("<p>No objectives, key results or initiatives.</p>\n</section>\n");
        return;
      }
      Set<String> late = new HashSet<>();
      Set<String> reached = new HashSet<>();
      for (CascadeSummary c : report.cascades()) {
        late.add(c.source());
        reached.addAll(c.affected());
      }
      LocalDate today = cycle.dateOf(report.asOf());
      Set<String> overdue = new HashSet<>();
      for (Initiative i : okr.initiatives()) {
        for (Milestone ms : i.milestones()) {
          if (ms.completed() == null && ms.due().isBefore(today)) {
            overdue.add(ms.id());
            overdue.add(i.id());
          }
        }
      }
      // layer: the longest path from a node without upstream; rows: per team, per layer in topological order
      Map<String, Integer> layer = new HashMap<>();
      int layers = 0;
      for (String v : order) {
        int l = 0;
        for (Edge e : g.upstreamOf(v)) {
          l = Math.max(l, layer.getOrDefault(e.upstream(), 0) + 1);
        }
        layer.put(v, l);
        layers = Math.max(layers, l + 1);
      }
      List<String> teamOrder = new ArrayList<>();
      for (Team t : okr.teams()) {
        teamOrder.add(t.id());
      }
      Map<String, List<List<String>>> cells = new LinkedHashMap<>();
      for (String t : teamOrder) {
        cells.put(t, new ArrayList<>());
      }
      for (String v : order) {
        String t = okr.teamOf(v).orElse("");
        List<List<String>> cols = cells.computeIfAbsent(t, k -> new ArrayList<>());
        while (cols.size() < layers) {
          cols.add(new ArrayList<>());
        }
        cols.get(layer.get(v)).add(v);
      }
      Map<String, double[]> pos = new HashMap<>();
      List<double[]> bands = new ArrayList<>();
      List<String> bandTeams = new ArrayList<>();
      double y0 = BAND_PAD;
      for (Map.Entry<String, List<List<String>>> t : cells.entrySet()) {
        int rows = 0;
        for (List<String> col : t.getValue()) {
          rows = Math.max(rows, col.size());
        }
        if (rows == 0) {
          continue;
        }
        double h = rows * ROW + BAND_PAD;
        bands.add(new double[] {y0, h});
        bandTeams.add(t.getKey());
        for (int l = 0; l < t.getValue().size(); l++) {
          List<String> col = t.getValue().get(l);
          for (int i = 0; i < col.size(); i++) {
            pos.put(col.get(i), new double[] {GX0 + l * COL, y0 + BAND_PAD / 2 + i * ROW + (ROW - NH) / 2});
          }
        }
        y0 += h + BAND_PAD;
      }
      double width = GX0 + layers * COL;
      double height = y0;
      sb.append("<p class=\"legend\">Columns: dependency depth (milestones and initiatives on the left, "
          + "objectives on the right); rows: teams. Red: the source of a cascade (late work); orange: what a cascade "
          + "reaches; dashed red outline: an overdue milestone and its initiative. Red edges carry a slip; grey edges "
          + "are structure (part of, delivers, measures); dashed brown: a shared resource.</p>\n")
          .append("<div class=\"graph-box\">\n<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
          .append(num(width)).append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ")
          .append(num(width)).append(' ').append(num(height))
          .append("\" role=\"img\" aria-label=\"Dependency graph\">\n<defs>")
          .append("<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" "
              + "markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4a5261\"/></marker>")
          .append("<marker id=\"arrow-weak\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" "
              + "markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c3c8d1\"/></marker>")
          .append("<marker id=\"arrow-hot\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"5\" "
              + "markerHeight=\"5\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c81e1e\"/></marker>")
          .append("</defs>\n");
      for (int b = 0; b < bands.size(); b++) {
        double[] band = bands.get(b);
        sb.append("<rect class=\"band\" x=\"4\" y=\"").append(num(band[0])).append("\" width=\"")
            .append(num(width - 8)).append("\" height=\"").append(num(band[1])).append("\"/><text "
                + "class=\"band-label\" x=\"12\" y=\"").append(num(band[0] + 18)).append("\">")
            .append(esc(truncate(teamName(bandTeams.get(b)), 16))).append("</text>\n");
      }
      // edges below nodes; the slipping ones last so they are drawn on top
      List<String> cold = new ArrayList<>();
      List<String> hot = new ArrayList<>();
      for (String v : order) {
        for (Edge e : g.downstreamOf(v)) {
          boolean isHot = late.contains(e.upstream())
              || reached.contains(e.upstream()) && reached.contains(e.downstream());
          boolean weak = e.kind() == EdgeKind.PART_OF || e.kind() == EdgeKind.DELIVERS
              || e.kind() == EdgeKind.MEASURES;
          String cls = isHot ? "edge hot" : weak ? "edge weak" : "edge";
          String marker = isHot ? "arrow-hot" : weak ? "arrow-weak" : "arrow";
          String label = esc(e.upstream()) + " → " + esc(e.downstream()) + ": "
              + e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')
              + (e.needBy() != null ? ", need by " + e.needBy() : "");
          (isHot ? hot : cold).add(edge(pos.get(e.upstream()), pos.get(e.downstream()), cls, marker, label));
        }
      }
      for (Dependency d : g.contention()) {
        double[] a = pos.get(d.upstream());
        double[] b = pos.get(d.downstream());
        if (a != null && b != null) {
          cold.add("<line class=\"edge contention\" x1=\"" + num(a[0] + NW / 2) + "\" y1=\"" + num(a[1] + NH / 2)
              + "\" x2=\"" + num(b[0] + NW / 2) + "\" y2=\"" + num(b[1] + NH / 2) + "\"><title>" + esc(d.upstream())
              + " and " + esc(d.downstream()) + " share a resource</title></line>");
        }
      }
      cold.forEach(s -> sb.append(s).append('\n'));
      hot.forEach(s -> sb.append(s).append('\n'));
      for (String v : order) {
        double[] p = pos.get(v);
        NodeKind kind = okr.kindOf(v).orElse(NodeKind.KEY_RESULT);
        String title = nodeTitle(v, kind);
        StringBuilder cls = new StringBuilder("node ").append(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (late.contains(v)) {
          cls.append(" late");
        } else if (reached.contains(v)) {
          cls.append(" reached");
        }
        if (overdue.contains(v)) {
          cls.append(" overdue");
        }
        sb.append("<g class=\"").append(cls).append("\"");
        String anchor = anchors.get(v);
        sb.append("><title>").append(esc(v)).append(": ").append(esc(title)).append(" (")
            .append(esc(teamName(okr.teamOf(v).orElse("")))).append(late.contains(v) ? ", late" : "")
            .append(reached.contains(v) && !late.contains(v) ? ", reached by a slip" : "")
            .append(overdue.contains(v) ? ", overdue" : "").append(")</title>");
        if (anchor != null) {
          sb.append("<a href=\"#").append(anchor).append("\">");
        }
        sb.append("<rect x=\"").append(num(p[0])).append("\" y=\"").append(num(p[1])).append("\" width=\"")
            .append(num(NW)).append("\" height=\"").append(num(NH)).append("\" rx=\"4\"/><text x=\"")
            .append(num(p[0] + 6)).append("\" y=\"").append(num(p[1] + NH / 2 + 3.5)).append("\"><tspan "
                + "font-weight=\"bold\">").append(esc(truncate(v, 10))).append("</tspan> ")
            .append(esc(truncate(title, TITLE_CHARS - Math.min(8, v.length())))).append("</text>");
        if (anchor != null) {
          sb.append("</a>");
        }
        sb.append("</g>\n");
      }
      sb.append("</svg>\n</div>\n</section>\n");
    }

    private String nodeTitle(String id, NodeKind kind) {
      switch (kind) {
        case OBJECTIVE:
          return okr.objective(id).map(Objective::title).orElse(id);
        case INITIATIVE:
          return okr.initiative(id).map(Initiative::title).orElse(id);
        case MILESTONE:
          return okr.milestone(id).map(ms -> ms.title() + ", due " + DAY.format(ms.due())).orElse(id);
        default:
          return okr.keyResult(id).map(KeyResult::title).orElse(id);
      }
    }

    private void escalations() {
      sb.append("<section id=\"escalations\">\n<h2>Escalations</h2>\n");
      if (report.escalations().isEmpty()) {
        sb.append("<p class=\"ok\">No escalations.</p>\n");
      } else {
        sb.append("<table>\n<thead><tr><th>Level</th><th>Item</th><th>Since</th><th>To</th><th>Why</th></tr>"
            + "</thead>\n<tbody>\n");
        for (EscalationSummary e : report.escalations()) {
          String anchor = anchors.get(e.subject());
          sb.append("<tr><td class=\"n\">").append(e.level()).append("</td><td>");
          if (anchor != null) {
            sb.append("<a href=\"#").append(anchor).append("\">").append(esc(e.subject())).append("</a>");
          } else {
            sb.append(esc(e.subject()));
          }
          sb.append("</td><td class=\"n\">").append(e.since()).append("</td><td>")
              .append(e.to() == null ? "" : esc(e.to())).append("</td><td>")
              .append(e.reason() == null ? "" : esc(e.reason())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
      }
      sb.append("</section>\n");
    }

    private String teamName(String teamId) {
      return okr.team(teamId).map(Team::name).orElse(teamId);
    }
  }

  /** An SVG path from the right of {@code a} to the left of {@code b}, as an S-curve. */
  private static String edge(double[] a, double[] b, String cls, String marker, String title) {
    double x1 = a[0] + NW;
    double y1 = a[1] + NH / 2;
    double x2 = b[0];
    double y2 = b[1] + NH / 2;
    double xm = (x1 + x2) / 2;
    return "<path class=\"" + cls + "\" marker-end=\"url(#" + marker + ")\" d=\"M" + num(x1) + "," + num(y1) + " C"
        + num(xm) + "," + num(y1) + " " + num(xm) + "," + num(y2) + " " + num(x2) + "," + num(y2) + "\"><title>"
        + title + "</title></path>";
  }

  /** The chart's x coordinate of a cycle fraction. */
  private static double x(double fraction) {
    return ML + (CW - ML - MR) * fraction;
  }

  /** Maps values to the chart's y coordinates; the target's side is up. */
  private static final class Scale {
    private final double lo;
    private final double hi;
    private final boolean down;

    Scale(double lo, double hi, boolean down) {
      this.lo = lo;
      this.hi = hi;
      this.down = down;
    }

    double at(double v) {
      // on halves, so that no difference of finite doubles overflows
      double span = 0.5 * hi - 0.5 * lo;
      double f = span > 0 ? (0.5 * v - 0.5 * lo) / span : 0.5;
      double h = CH - MT - MB;
      return down ? MT + f * h : CH - MB - f * h;
    }
  }

  /** Round value ticks (1, 2 or 5 times a power of ten apart) covering lo..hi; at least two. */
  static double[] ticks(double lo, double hi) {
    if (!(hi > lo)) {
      double c = Double.isFinite(lo) ? lo : 0;
      double d = c == 0 ? 1 : Math.abs(c) * 0.1;
      return new double[] {c - d, c, c + d};
    }
    if (!Double.isFinite(hi - lo)) {
      return new double[] {lo, hi};
    }
    double raw = (hi - lo) / 4;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
    double first = Math.floor(lo / step + 1e-9);
    double last = Math.ceil(hi / step - 1e-9);
    int count = (int) Math.round(last - first);
    if (!Double.isFinite(first * step) || !Double.isFinite(last * step) || count < 1 || count > 12) {
      return new double[] {lo, hi};
    }
    double[] out = new double[count + 1];
    for (int i = 0; i <= count; i++) {
      out[i] = (first + i) * step;
    }
    return out;
  }

  /** An SVG coordinate: one decimal, never NaN or infinite (those become 0), within ±1,000,000. */
  static String num(double v) {
    double c = Double.isFinite(v) ? Math.max(-1e6, Math.min(1e6, v)) : 0;
    String s = String.format(Locale.ROOT, "%.1f", c);
    if (s.endsWith(".0")) {
      s = s.substring(0, s.length() - 2);
    }
    return s.equals("-0") ? "0" : s;
  }

  /** A value tick's label, with as many decimals as the ticks' step needs so that no two labels are equal. */
  static String tick(double t, double[] ticks) {
    double step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 0;
    double a = Math.abs(t);
    if (!(step > 0) || !Double.isFinite(step) || a >= 1e7 || step < 1e-6) {
      return Numbers.number(t);
    }
    int decimals = (int) Math.max(0, Math.min(6, Math.ceil(-Math.log10(step) - 1e-9)));
    String s = String.format(Locale.ROOT, "%." + decimals + "f", t);
    return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
  }

  /** A percentage escaped for the page: it can begin with {@code <} or {@code >} ({@link Numbers#percent}). */
  private static String pct(double fraction) {
    return esc(Numbers.percent(fraction));
  }

  private static String interval(PredictionInterval iv, Metric m) {
    return Numbers.value(iv.low(), null) + " – " + Numbers.value(iv.high(), m);
  }

  private static String plural(int n, String one, String many) {
    return n == 1 ? one : many;
  }

  private static String truncate(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, Math.max(1, max - 1))) + "…";
  }

  /**
   * Text escaped for HTML and SVG content and double-quoted attributes: {@code & < > " '} as character references;
   * what {@link FreeText#unsafe} names (control characters other than tab, newline and carriage return, which HTML
   * reads as spaces; line separators, bidirectional controls, unpaired surrogates) and U+FFFE and U+FFFF as
   * U+FFFD.
   */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(ch).append(s.charAt(++i));
          } else if (FreeText.unsafe(ch) && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0xfffe
              || ch == 0xffff) {
            out.append('\ufffd');
          } else {
            out.append(ch);
          }
      }
    }
    return out.toString();
  }
}
