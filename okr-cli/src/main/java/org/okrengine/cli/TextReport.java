package org.okrengine.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.okrengine.execution.ExecutionEngine;
import org.okrengine.model.Cause;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationGroup;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Objective;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.ReportChanges;
import org.okrengine.model.SourceHealthSummary;
import org.okrengine.model.Status;
import org.okrengine.model.TeamSummary;

/**
 * The text layout of {@code okr analyze}. Every text from the cycle (names, ids, titles, and the sentences made from
 * them) goes through {@link ConsoleText#printable}, so none can move the cursor, recolour or clear the terminal.
 */
final class TextReport {
  private static final double MAX_PERCENT = 999_999;
  /** A day as the report names it: {@code 21 Sep}. */
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  /** The analysed instant in the cycle's zone, as the header and okr whatif name it: {@code 2026-08-19 00:00}. */
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

  private TextReport() {}

  static void write(OkrCycle okr, CycleReport report, PrintWriter out) {
    write(okr, report, out, Terminal.NONE);
  }

  /**
   * Writes the report for {@code terminal}: {@link Terminal#NONE} (files and pipes) gives the text as the rules
   * below lay it out; a terminal wraps it to its width and colours statuses.
   */
  static void write(OkrCycle okr, CycleReport report, PrintWriter out, Terminal terminal) {
    java.io.StringWriter text = new java.io.StringWriter();
    try (PrintWriter buffer = new PrintWriter(text)) {
      layout(okr, report, buffer);
    }
    out.print(terminal.render(text.toString().replace(System.lineSeparator(), "\n"))
        .replace("\n", System.lineSeparator()));
  }

  /**
   * The layout: the cycle and instant; the summary; what changed since the compared instant; the key results that
   * need attention, off track first, each with its title, team, status, sentence and causes; the team roll-ups,
   * most needing attention first; every objective with its key results; cascades, escalations, broken data
   * connections and the count of each status. Status words are marked for {@link Terminal}.
   */
  private static void layout(OkrCycle okr, CycleReport report, PrintWriter out) {
    Cycle c = okr.cycle();
    ZoneId zone = c.zone();
    double elapsed = c.elapsedFraction(report.asOf());
    long weeks = c.weeks();
    long week = c.weekOf(report.asOf());
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
    changes(okr, report, out);
    attention(okr, report, out);
    teams(report, out, ExecutionEngine.isOver(okr, report.asOf()));
    Map<String, ObjectiveSummary> objectiveSummaries = new java.util.HashMap<>();
    for (ObjectiveSummary o : report.objectives()) {
      objectiveSummaries.put(o.id(), o);
    }
    Map<String, KeyResultReport> byId = new java.util.HashMap<>();
    for (KeyResultReport r : report.keyResults()) {
      byId.put(r.id(), r);
    }
    int idWidth = 6;
    // the column of progress against plan: 20 ("   32% of   53% plan"), wider where a maintain key result's standing
    // is longer ("0.0255 above threshold 99.9"), so the columns after it stay aligned
    int againstWidth = 20;
    for (KeyResultReport r : report.keyResults()) {
      idWidth = Math.max(idWidth, p(r.id()).length());
    }
    for (Objective o : okr.objectives()) {
      for (var kr : o.keyResults()) {
        KeyResultReport r = byId.get(kr.id());
        if (kr.metric().direction().isMaintain() && r != null && r.value() != null) {
          againstWidth = Math.max(againstWidth, side(kr.metric(), r.value()).length());
        }
      }
    }
    boolean over = ExecutionEngine.isOver(okr, report.asOf());
    for (Objective o : okr.objectives()) {
      out.printf(Locale.ROOT, "%s  %s  [%s, %s]%s%n", p(o.id()), p(o.title()), p(o.team()),
          o.commitment().jsonName(), o.owner() == null ? "" : "  owner: " + p(o.owner()));
      for (var kr : o.keyResults()) {
        KeyResultReport r = byId.get(kr.id());
        String progress = r.progress() == null ? "     -" : String.format(Locale.ROOT, "%6s", pct(r.progress()));
        String plan = String.format(Locale.ROOT, "%5s", pct(r.expectedProgress()));
        String against = progress + " of " + plan + " plan";
        boolean achieve = kr.metric().direction() == org.okrengine.model.Direction.ACHIEVE;
        if (kr.metric().direction().isMaintain()) {
          // progress toward a threshold means nothing: above or below it, by how much
          against = r.value() == null ? "     -" : side(kr.metric(), r.value());
        } else if (achieve) {
          // done or not: no percentage of the way, nor of a plan
          against = r.value() == null ? "     -" : kr.metric().isMet(r.value()) ? "  done" : "  not done";
        }
        String age = r.daysSinceCheckIn() == null ? "never" : r.daysSinceCheckIn() + "d ago";
        String forecast = "";
        if (r.forecast() != null) {
          double p = r.forecast().probabilityOfTarget();
          // a maintain key result has no way to go: above, below or at; an achieve one is done or not (its
          // probability says it)
          String lands = kr.metric().direction().isMaintain()
              ? sideWord(r.forecast().landingValue() - kr.metric().target())
              : achieve ? (p >= 1 ? "done" : "-") : landingPct(r.forecast().landingProgress());
          // once the cycle is over the outcome is known: where it ended and whether it met its target, as the
          // page's "Ended at" and "Met" columns and the JSON's probabilityOfTarget (1 or 0) have it; no landing or
          // probability beside "the cycle is over"; a stale key result's outcome is its last check-in, and the row
          // says so (it read "met unknown" beside the JSON's 0 or 1); an achieve one that was not done
          // ended "not done" (it read "ended     -")
          // one without a check-in up to the end has no outcome: its forecast is its model's base rate (it read
          // "ended     100%  met no")
          // one whose result.finalValue is given ended there (it read "ended - met unknown" beside its probability
          // of target 0 and landing value 3 of 10)
          boolean none = r.status() == Status.NO_DATA && r.finalValue() == null;
          forecast = over ? String.format(Locale.ROOT, "ended %8s  met %s",
                  none ? "-" : achieve && p < 1 ? "not done" : lands, none ? "unknown" : met(r, p))
              // achieved before the end: the probability is the chance the met target holds to the end (the
              // forecaster's), not of reaching it: "achieved ... P(target)  98%" read as a contradiction
              : holds(r, false)
                  ? String.format(Locale.ROOT, "lands %5s  P(holds)  %4s", lands, pct(p))
                  : String.format(Locale.ROOT, "lands %5s  P(target) %4s", lands, pct(p));
        }
        out.printf(Locale.ROOT, "  %-" + idWidth + "s %-42s %-" + againstWidth + "s  %-8s %s %s%n", p(r.id()),
            p(truncate(r.title(), 42)), against, age, padded(r.status(), 12), forecast);
      }
      ObjectiveSummary summary = objectiveSummaries.get(o.id());
      if (summary != null) {
        out.println("  = " + p(summary.summary()) + commitmentChance(o, summary, over));
      }
      out.println();
    }
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (KeyResultReport r : report.keyResults()) {
      counts.merge(r.status(), 1, Integer::sum);
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

  /** Statuses that need attention, in the order the text lists them. */
  private static final List<Status> ATTENTION_ORDER = List.of(Status.OFF_TRACK, Status.AT_RISK, Status.STALE);

  /**
   * What changed since the compared instant: each status change ({@code on-track -> at-risk}), new or raised
   * escalation and probability move, with the key result's title; one line saying nothing changed when so.
   */
  private static void changes(OkrCycle okr, CycleReport report, PrintWriter out) {
    ReportChanges ch = report.changes();
    if (ch == null) {
      return;
    }
    ZoneId zone = okr.cycle().zone();
    var since = ch.since().atZone(zone);
    String when = since.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? since.toLocalDate().toString()
        : WHEN.format(since);
    if (ch.isEmpty()) {
      out.println("What changed since " + when + ": no status changed, nothing was newly escalated and no "
          + "probability of target moved by " + Math.round(ReportChanges.MIN_PROBABILITY_MOVE * 100) + " points or more.");
      out.println();
      return;
    }
    out.println("What changed since " + when + ":");
    for (ReportChanges.StatusChange s : ch.statusChanges()) {
      out.println("  - " + named(s.subject(), s.title()) + ": " + Terminal.status(s.from()) + " -> "
          + Terminal.status(s.to()) + (s.withoutCheckIn() ? noCheckIn(okr, s.subject(), report.asOf()) : ""));
    }
    for (ReportChanges.NewEscalation e : ch.newEscalations()) {
      out.println("  - " + named(e.subject(), e.title()) + ": escalated to " + p(e.to()) + " (level " + e.level()
          + ")" + (e.fromLevel() == null ? ", new" : ", up from level " + e.fromLevel()));
    }
    for (ReportChanges.DroppedEscalation d : ch.droppedEscalations()) {
      String was = p(d.fromTo()) + " (level " + d.fromLevel() + ")";
      out.println("  - " + named(d.subject(), d.title()) + ": " + (d.withdrawn() ? "escalation to " + was + " withdrawn"
          : "escalation lowered to " + p(d.to()) + " (level " + d.level() + ") from " + was)
          + (d.reason() == null ? "" : " (" + p(d.reason()) + ")"));
    }
    boolean over = ExecutionEngine.isOver(okr, report.asOf());
    for (ReportChanges.ProbabilityMove m : ch.probabilityMoves()) {
      // a key result that met its target since: its probability now is the chance the met target holds ("P(target)
      // 55% -> 98%" beside "on-track -> achieved" read as a chance of reaching a target already reached)
      out.println("  - " + named(m.subject(), m.title()) + ": P(target) " + pct(m.from()) + " -> "
          + (report.keyResults().stream().anyMatch(r -> r.id().equals(m.subject()) && holds(r, over))
              ? "met, " + pct(m.to()) + " that it holds" : pct(m.to()))
          + (m.withoutCheckIn() ? noCheckIn(okr, m.subject(), report.asOf()) : ""));
    }
    out.println();
  }

  /**
   * What a change with no check-in since the compared instant adds: " (no check-in since 21 Sep)", with the day of
   * key result {@code id}'s last check-in at or before {@code asOf} in the cycle's zone (the change is the forecast's
   * time moving on, or another item's news, not its owner's); " (no check-in yet)" when it has none.
   */
  private static String noCheckIn(OkrCycle okr, String id, java.time.Instant asOf) {
    java.time.Instant last = okr.keyResult(id).flatMap(k -> k.latestCheckIn(asOf)).map(c -> c.at()).orElse(null);
    return " (no check-in " + (last == null ? "yet"
        : "since " + DAY.format(okr.cycle().dateOf(last))) + ")";
  }

  /**
   * Whether key result {@code r}, of a finished cycle, met its target: {@code yes} or {@code no} by its outcome, the
   * probability of target {@code p} of 1 or 0 that the JSON gives; for a stale one whose outcome is its last check-in
   * (no {@code result.finalValue} of its own decides), with how long before the end that was: {@code no (as of its
   * last check-in, 47 days before the end)}.
   */
  private static String met(KeyResultReport r, double p) {
    String met = p >= 1 ? "yes" : "no";
    // judged by its last check-in where no result.finalValue decides (KeyResultReport.outcomeByLastCheckIn, the rule
    // Insights uses too): KR-2, 11 of 10 on 20 Oct, final value 3, read "no (as of its last check-in, ...)"
    boolean byLast = r.outcomeByLastCheckIn();
    return byLast
        ? met + " (as of its last check-in, " + r.daysSinceCheckIn() + (r.daysSinceCheckIn() == 1 ? " day" : " days")
        + " before the end)" : met;
  }

  /**
   * Whether row {@code r} met its target before the end, its probability the chance the met target holds ("P(holds)"):
   * okr-execution's rule (Insights.metAndHolds, package-private there), the one copy here.
   */
  private static boolean holds(KeyResultReport r, boolean over) {
    return !over && r.forecast() != null && r.status() == Status.ACHIEVED
        && (r.metric() == null || r.metric().direction().isReach());
  }

  /**
   * The key results that need attention, off track first, each with title, team and status, sentence, causes and,
   * with a history, what happened before in the same position.
   */
  private static void attention(OkrCycle okr, CycleReport report, PrintWriter out) {
    List<KeyResultReport> attention = new ArrayList<>();
    for (Status s : ATTENTION_ORDER) {
      for (KeyResultReport r : report.keyResults()) {
        if (r.status() == s && r.insight() != null) {
          attention.add(r);
        }
      }
    }
    // then those without any check-in for longer than the stale limit from the start: as silent as a stale one
    for (KeyResultReport r : report.keyResults()) {
      if (r.silentSinceStart() && r.insight() != null) {
        attention.add(r);
      }
    }
    if (attention.isEmpty()) {
      return;
    }
    // once the cycle is over nothing is at risk any more: the list is of what missed and what went silent
    out.println(ExecutionEngine.isOver(okr, report.asOf()) ? "Missed or stale when the cycle ended:"
        : "Needs attention:");
    for (KeyResultReport r : attention) {
      String team = okr.team(r.team()).map(t -> t.name()).orElse(r.team());
      String owner = okr.keyResult(r.id()).map(k -> k.owner()).orElse(null);
      out.println("  - " + named(r.id(), r.title()) + " [" + p(team) + (owner == null ? "" : ", owner " + p(owner))
          + "] " + Terminal.status(r.status()));
      // under its own heading a key result is named by its id alone (the heading gives its title)
      out.println("      " + p(r.underItsHeading(r.insight())));
      for (Cause cause : r.causes()) {
        out.println("      because: " + p(r.underItsHeading(cause.sentence())));
      }
      if (r.precedents() != null) {
        out.println("      before: " + p(r.underItsHeading(r.precedents().sentence())));
      }
    }
    out.println();
  }

  /**
   * One line per team: key results needing attention, progress against plan, owners; once the cycle is {@code over},
   * those that missed their targets or were stale (after the end nothing needs attention any more).
   */
  private static void teams(CycleReport report, PrintWriter out, boolean over) {
    if (report.teams().isEmpty()) {
      return;
    }
    int nameWidth = 4;
    for (TeamSummary t : report.teams()) {
      nameWidth = Math.max(nameWidth, Math.min(32, teamName(t).codePointCount(0, teamName(t).length())));
    }
    out.println(over ? "Teams (most missed or stale first):" : "Teams (most needing attention first):");
    for (TeamSummary t : report.teams()) {
      String progress = t.progress() == null ? "     -" : String.format(Locale.ROOT, "%6s", pct(t.progress()));
      String line = String.format(Locale.ROOT, "  %-" + nameWidth + "s  %2d of %2d %s  %s of %5s plan",
          truncate(teamName(t), 32), t.needAttention(), t.keyResults(), over ? "missed or stale" : "need attention",
          progress, pct(t.expectedProgress()));
      if (!t.owners().isEmpty()) {
        List<String> owners = new ArrayList<>();
        t.owners().forEach(o -> owners.add(p(o)));
        line += "  owners: " + String.join(", ", owners);
      }
      out.println(line);
    }
    out.println();
  }

  /** A team's name and id, printable: {@code Customer Support (support)}, or the id alone when they agree. */
  private static String teamName(TeamSummary t) {
    return t.name().equals(t.id()) ? p(t.id()) : p(t.name()) + " (" + p(t.id()) + ")";
  }

  /** An item's id and title, printable: {@code KR-5 (Grow weekly active accounts)}, the id alone without one. */
  private static String named(String id, String title) {
    return title == null || title.equals(id) ? p(id) : p(id) + " (" + p(title) + ")";
  }

  /** A status word marked for colour, padded with spaces to {@code width}. */
  private static String padded(Status s, int width) {
    return Terminal.status(s) + " ".repeat(Math.max(0, width - s.jsonName().length()));
  }

  /**
   * A fraction as a whole percentage, as the engine's sentences write it: {@code 34%}, {@code 1,250%}; beyond
   * +-999,999% {@code >999,999%} or {@code <-999,999%} (progress can reach 1e24, beyond a long as a percentage).
   */
  /** " P(commitment: every key result at target) 34%.", or "" without a probability. */
  static String commitmentChance(Objective o, ObjectiveSummary summary, boolean over) {
    if (summary.probability() == null) {
      return "";
    }
    String what = o.commitment() == org.okrengine.model.Commitment.ASPIRATIONAL
        ? "weighted score at least 0.7" : "every key result at target";
    // once the cycle is over, met or not, as okr explain says it (was "P(commitment: ...) 0%" of an ended cycle)
    return over ? " Commitment (" + what + "): " + (summary.probability() >= 0.5 ? "met." : "not met.")
        : " P(commitment: " + what + ") " + pct(summary.probability()) + ".";
  }

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

  /**
   * A landing's progress as a percentage that never reads as the target unless it reaches it, as the engine's
   * sentences write it: as {@link #pct}, except that a progress short of 1 whose whole percentage rounds up to
   * {@code 100%} gets one decimal, at most {@code 99.9%} ({@code 0.996} -> {@code 99.6%}): "lands 100%  P(target)
   * 43%" read as a contradiction.
   */
  static String landingPct(double fraction) {
    String whole = pct(fraction);
    if (!(fraction < 1) || !whole.equals("100%")) {
      return whole;
    }
    long tenths = Math.min(999, Math.round(fraction * 1000));
    return tenths / 10 + "." + tenths % 10 + "%";
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

  /** {@code above}, {@code below} or {@code at} the threshold, by the sign of {@code gap} (value minus target). */
  static String sideWord(double gap) {
    return gap > 0 ? "above" : gap < 0 ? "below" : "at";
  }

  /**
   * A maintain key result's latest value against its threshold, by how much, as the sentences say it without their
   * units: {@code 2 below threshold 2} (at 0), {@code 0.3 above threshold 99.5}, {@code at threshold 40}. It read
   * {@code 2 below 2} for 0 incidents against at most 2, as if the value were 2.
   */
  static String side(org.okrengine.model.Metric m, double value) {
    double gap = value - m.target();
    String threshold = "threshold " + compact(m.target());
    if (gap == 0) {
      return "at " + threshold;
    }
    return compact(Math.abs(gap)) + " " + sideWord(gap) + " " + threshold;
  }

  /** At most three significant digits, no exponent, no trailing zeros: {@code 0.3}, {@code 99.5}, {@code 1200}. */
  static String compact(double v) {
    if (!Double.isFinite(v)) {
      return "-";
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
