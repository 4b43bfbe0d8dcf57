package org.okrengine.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.okrengine.model.Cause;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationGroup;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Objective;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.SourceHealthSummary;
import org.okrengine.model.Status;

/**
 * The text layout of {@code okr analyze}. Every text from the cycle (names, ids, titles, and the sentences made from
 * them) goes through {@link ConsoleText#printable}, so none can move the cursor, recolour or clear the terminal.
 */
final class TextReport {
  private static final double MAX_PERCENT = 999_999;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

  private TextReport() {}

  static void write(OkrCycle okr, CycleReport report, PrintWriter out) {
    Cycle c = okr.cycle();
    ZoneId zone = c.zone();
    double elapsed = c.elapsedFraction(report.asOf());
    long weeks = Math.round(c.lengthDays() / 7);
    long week = Math.min(weeks, (long) Math.floor(elapsed * c.lengthDays() / 7) + 1);
    out.printf(Locale.ROOT, "%s (%s), %s to %s, %s%n", p(c.name()), p(c.id()), c.start(), c.end(), zone.getId());
    out.printf(Locale.ROOT, "as of %s (%s), week %d of %d, %d%% of the cycle elapsed%n",
        WHEN.format(report.asOf().atZone(zone)), zone.getId(), week, weeks, Math.round(elapsed * 100));
    if (report.model() != null) {
      out.println("Forecast model: " + ModelOption.describe(report.model()));
    }
    out.println();
    if (report.summary() != null) {
      out.println("In short: " + p(report.summary()));
      out.println();
    }
    Map<String, ObjectiveSummary> objectiveSummaries = new java.util.HashMap<>();
    for (ObjectiveSummary o : report.objectives()) {
      objectiveSummaries.put(o.id(), o);
    }
    Map<String, KeyResultReport> byId = new java.util.HashMap<>();
    for (KeyResultReport r : report.keyResults()) {
      byId.put(r.id(), r);
    }
    int idWidth = 6;
    for (KeyResultReport r : report.keyResults()) {
      idWidth = Math.max(idWidth, p(r.id()).length());
    }
    for (Objective o : okr.objectives()) {
      out.printf(Locale.ROOT, "%s  %s  [%s, %s]%n", p(o.id()), p(o.title()), p(o.team()),
          o.commitment().jsonName());
      for (var kr : o.keyResults()) {
        KeyResultReport r = byId.get(kr.id());
        String progress = r.progress() == null ? "     -" : String.format(Locale.ROOT, "%6s", pct(r.progress()));
        String plan = String.format(Locale.ROOT, "%5s", pct(r.expectedProgress()));
        String against = progress + " of " + plan + " plan";
        if (kr.metric().direction().isMaintain()) {
          // progress toward a threshold means nothing: above or below it, by how much
          against = String.format(Locale.ROOT, "%-20s", r.value() == null ? "     -" : side(kr.metric(), r.value()));
        }
        String age = r.daysSinceCheckIn() == null ? "never" : r.daysSinceCheckIn() + "d ago";
        String forecast = r.forecast() == null ? ""
            : String.format(Locale.ROOT, "lands %5s  P(target) %4s", pct(r.forecast().landingProgress()),
                pct(r.forecast().probabilityOfTarget()));
        out.printf(Locale.ROOT, "  %-" + idWidth + "s %-42s %s  %-8s %-12s %s%n", p(r.id()),
            p(truncate(r.title(), 42)), against, age, r.status().jsonName(), forecast);
      }
      ObjectiveSummary summary = objectiveSummaries.get(o.id());
      if (summary != null) {
        out.println("  = " + p(summary.summary()));
      }
      out.println();
    }
    List<KeyResultReport> attention = new ArrayList<>();
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (KeyResultReport r : report.keyResults()) {
      counts.merge(r.status(), 1, Integer::sum);
      if (r.status().needsAttention() && r.insight() != null) {
        attention.add(r);
      }
    }
    if (!attention.isEmpty()) {
      out.println("Needs attention:");
      for (KeyResultReport r : attention) {
        out.println("  - " + p(r.insight()));
        for (Cause cause : r.causes()) {
          out.println("      because: " + p(cause.sentence()));
        }
      }
      out.println();
    }
    if (!report.cascades().isEmpty()) {
      out.println("Cascades (most impact first):");
      for (var cascade : report.cascades()) {
        out.println("  - " + p(cascade.reason()));
      }
      out.println();
    }
    if (!report.escalations().isEmpty()) {
      out.println("Escalations (highest level first):");
      for (EscalationSummary e : report.escalations()) {
        out.printf(Locale.ROOT, "  - level %d, to %s, since %s: %s%n", e.level(), p(e.to()), e.since(),
            p(e.reason()));
      }
      out.println();
    }
    if (!report.escalationGroups().isEmpty()) {
      out.println("Escalations with one cause (take each up once):");
      for (EscalationGroup g : report.escalationGroups()) {
        out.println("  - " + p(g.reason()));
      }
      out.println();
    }
    if (!report.sourceHealth().isEmpty()) {
      out.println("Broken data connections:");
      for (SourceHealthSummary h : report.sourceHealth()) {
        out.println("  - " + p(h.reason()));
      }
      out.println();
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Status, Integer> e : counts.entrySet()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().jsonName());
    }
    out.printf(Locale.ROOT, "%d key results: %s.%n", report.keyResults().size(), sb);
  }

  /**
   * A fraction as a whole percentage, as the engine's sentences write it: {@code 34%}, {@code 1,250%}; beyond
   * +-999,999% {@code >999,999%} or {@code <-999,999%} (progress can reach 1e24, beyond a long as a percentage).
   */
  static String pct(double fraction) {
    double p = fraction * 100;
    if (Double.isNaN(p)) {
      return "–";
    }
    if (p >= MAX_PERCENT + 0.5) {
      return ">999,999%";
    }
    if (p <= -MAX_PERCENT - 0.5) {
      return "<-999,999%";
    }
    return String.format(Locale.ROOT, "%,d%%", Math.round(p));
  }

  private static String p(String s) {
    return s == null ? "" : ConsoleText.printable(s);
  }

  /** {@code s} cut to {@code n} code points, the last an ellipsis. */
  private static String truncate(String s, int n) {
    if (s == null) {
      return "";
    }
    return s.codePointCount(0, s.length()) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n - 1)) + "…";
  }

  /** A maintain key result's latest value against its threshold: {@code 2 below 40}, {@code 0.3 above 99.5}. */
  static String side(org.okrengine.model.Metric m, double value) {
    double gap = value - m.target();
    String threshold = compact(m.target());
    if (gap == 0) {
      return "at " + threshold;
    }
    return compact(Math.abs(gap)) + (gap > 0 ? " above " : " below ") + threshold;
  }

  /** At most three significant digits, no exponent, no trailing zeros: {@code 0.3}, {@code 99.5}, {@code 1200}. */
  static String compact(double v) {
    if (!Double.isFinite(v)) {
      return "-";
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
