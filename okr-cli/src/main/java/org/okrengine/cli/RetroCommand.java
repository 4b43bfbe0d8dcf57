package org.okrengine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.forecast.Forecaster;
import org.okrengine.retro.BlockerStats;
import org.okrengine.retro.Breakdown;
import org.okrengine.retro.CadenceStats;
import org.okrengine.retro.CalibrationStats;
import org.okrengine.retro.DistributedEngine;
import org.okrengine.retro.ForecastAccountability;
import org.okrengine.retro.GroupStats;
import org.okrengine.retro.Grouping;
import org.okrengine.retro.ObjectiveStats;
import org.okrengine.retro.Recommendation;
import org.okrengine.retro.RetroJson;
import org.okrengine.retro.RetroReport;
import org.okrengine.retro.Retrospective;
import org.okrengine.retro.TeamTrend;
import org.okrengine.retro.TrendPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code okr retro}: the retrospective of one or many cycles. */
@Command(name = "retro", mixinStandardHelpOptions = true,
    footer = {"", "Examples:",
        "  okr retro examples/acme-2026-q2.json examples/acme-2026-q3.json",
        "  okr retro examples/acme-2026-q2.json --by team,objective --format json \\",
        "      --out retro.json"},
    description = "The retrospective of one or many cycles: completion by group and team trends, calibration of "
        + "confidence and self scores, check-in cadence and trajectory shapes, blockers, how early the forecaster "
        + "flagged the misses, and recommendations for the next cycle. Key results without result.finalValue are "
        + "scored from their last check-in.")
final class RetroCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "okr-cycle/1 files (.json) or JSON Lines (.jsonl)")
  List<Path> files;

  @Option(names = "--by", defaultValue = "team", paramLabel = "team|objective|owner|tag|direction|unit|commitment|all",
      split = ",", description = "completion breakdowns, comma-separated (default team)")
  List<String> by;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "text or json")
  String format;

  @Option(names = "--no-forecasts", description = "skip the weekly forecast replay (forecast accountability)")
  boolean noForecasts;

  @Mixin
  ModelOption model;

  @Mixin
  RejectsOption rejects;

  @Mixin
  EngineOptions where;

  @Mixin
  OutOption output;

  @Override
  public Integer call() {
    List<String> bad = new ArrayList<>();
    if (!format.equals("text") && !format.equals("json")) {
      bad.add("--format: must be text or json: '" + format + "'");
    }
    Set<Grouping> groupings = Set.of();
    try {
      groupings = Grouping.parse(by);
    } catch (IllegalArgumentException e) {
      bad.add("--by: " + e.getMessage());
    }
    bad.addAll(rejects.problems(OutOption.inputs(files, model.file)));
    bad.addAll(output.problems(OutOption.inputs(files, model.file), "--rejects", rejects.file));
    if (!bad.isEmpty()) {
      throw new BadInputException(bad);
    }
    // a bad model's problems with the inputs', not alone
    ForecastModel given = model.model(files, rejects);
    Forecaster forecaster = given == null ? Forecaster.withDefaults() : Forecaster.withDefaults().withModel(given);
    Retrospective retro = Retrospective.withDefaults().withGroupings(groupings).withForecaster(forecaster);
    if (noForecasts) {
      retro = retro.withoutForecasts();
    }
    DistributedEngine distributed = where.engine("retro");
    if (distributed != null) {
      print(rejects.reportOf(distributed.retro(where.master(), files, retro, rejects.given()),
          spec.commandLine().getErr()), forecaster);
      return Okr.OK;
    }
    Retrospective.Accumulator acc = retro.newAccumulator();
    new Inputs().readAll(files, acc::add, spec.commandLine().getErr(), "retro", rejects);
    print(acc.report(), forecaster);
    return Okr.OK;
  }

  private void print(RetroReport report, Forecaster forecaster) {
    PrintWriter out = output.writer(spec);
    if (format.equals("json")) {
      out.print(RetroJson.write(report));
    } else {
      text(report, ModelOption.describe(forecaster), out);
    }
    out.flush();
    output.finish(spec);
  }

  /** The text of {@code r}; {@code model} names the forecast model of the replay. */
  static void text(RetroReport r, String model, PrintWriter out) {
    Map<String, String> labels = labels(r);
    out.printf(Locale.ROOT, "Retrospective of %d %s, %d key %s (%d scored from results, %d from the last "
        + "check-in, %d unscored)%n", r.cycles(), r.cycles() == 1 ? "cycle" : "cycles", r.keyResults(),
        r.keyResults() == 1 ? "result" : "results", r.scoredFromResults(), r.scoredFromLastCheckIn(), r.unscored());
    out.println();
    // the bands as they are counted (GroupStats): a score of 0.37 was counted under "0-.3", 0.68 under ".4-.6"
    out.println("Completion (score bands: below 0.4 / 0.4 to below 0.7 / 0.7 and above):");
    header(out, "group");
    row(out, r.overall());
    // objectives that declare no commitment are judged by none (committed by default, but nobody committed to them)
    boolean noneDeclared = r.objectives().stream().allMatch(o -> o.objectives() == 0);
    if (noneDeclared) {
      out.println("  no objective declared its commitment (committed or aspirational): none judged by it");
    }
    for (ObjectiveStats o : noneDeclared ? List.<ObjectiveStats>of() : r.objectives()) {
      out.printf(Locale.ROOT, "  %s objectives: %d, scored %d, mean %s, median %s, %d at or above %.1f%n",
          o.commitment(), o.objectives(), o.scored(), f2(o.meanScore()), f2(o.medianScore()), o.metExpectation(),
          o.expectedScore());
    }
    for (Breakdown b : r.breakdowns()) {
      out.println();
      out.println("By " + b.grouping().jsonName() + ":");
      header(out, b.grouping().jsonName());
      int shown = 0;
      for (GroupStats g : b.groups()) {
        if (shown++ == 50) {
          out.printf(Locale.ROOT, "  ... and %d more (--format json has them all)%n", b.groups().size() - 50);
          break;
        }
        // a team by its display name, as the recommendations name it (the JSON keys it by id)
        row(out, g, b.grouping() == Grouping.TEAM ? label(labels, r, g.key()) : g.key());
      }
    }
    out.println();
    out.println("Team trends (mean score per cycle, change):");
    int trendsShown = 0;
    for (TeamTrend t : r.trends()) {
      if (trendsShown++ == 20) {
        out.printf(Locale.ROOT, "  ... and %s%n", count(r.trends().size() - 20, "more team", "more teams"));
        break;
      }
      StringBuilder sb = new StringBuilder();
      List<TrendPoint> pts = t.points();
      int from = Math.max(0, pts.size() - 6);
      if (from > 0) {
        sb.append(" ... (").append(from).append(" earlier)");
      }
      for (int i = from; i < pts.size(); i++) {
        TrendPoint p = pts.get(i);
        sb.append("  ").append(safe(p.cycleId())).append(' ').append(f2(p.meanScore()));
        if (p.change() != null) {
          // the change between the means as shown (0.77 then 0.76: -0.01), so that the line adds up; the JSON has
          // the exact change (-0.0045 there, which rounds to "-0.00")
          Double before = i > 0 ? pts.get(i - 1).meanScore() : null;
          if (before != null && p.meanScore() != null) {
            java.math.BigDecimal d = new java.math.BigDecimal(f2(p.meanScore()))
                .subtract(new java.math.BigDecimal(f2(before)));
            sb.append(" (").append(d.signum() < 0 ? "" : "+").append(d.toPlainString()).append(')');
          } else {
            sb.append(String.format(Locale.ROOT, " (%+.2f)", p.change()));
          }
        }
      }
      out.printf(Locale.ROOT, "  %-16s%s%n", label(labels, r, t.team()), sb);
    }
    out.println();
    // the check-ins counted here are those with a confidence (checkInsWithConfidence in the JSON), not all of them as
    // in the cadence table below, whose column was named alike
    out.println("Calibration (confidence at check-ins vs hits; self scores vs scores):");
    out.printf(Locale.ROOT, "  %-16s %8s %6s %6s %6s %7s %5s %6s %6s%n", "team", "withConf", "brier", "conf",
        "hit", "over", "self", "selfSc", "score");
    calibration(out, r.calibration(), "all");
    for (CalibrationStats c : r.calibrationByTeam()) {
      calibration(out, c, label(labels, r, c.team()));
    }
    out.println();
    out.println("Check-in cadence:");
    out.printf(Locale.ROOT, "  %-16s %5s %8s %7s %6s %8s  %s%n", "team", "KRs", "checkIns", "gapDays", "weeks%",
        "silence", "longest silence at");
    cadence(out, r.cadence(), "all");
    for (CadenceStats c : r.cadenceByTeam()) {
      cadence(out, c, label(labels, r, c.team()));
    }
    out.println();
    out.println("Trajectory shapes (relative to plan):");
    header(out, "shape");
    List<String> none = new ArrayList<>();
    for (GroupStats g : r.shapes()) {
      if (g.keyResults() == 0) {
        none.add(safe(g.key())); // an empty row says nothing the line below does not
      } else {
        row(out, g);
      }
    }
    if (!none.isEmpty()) {
      String last = none.remove(none.size() - 1);
      out.println("  none " + (none.isEmpty() ? last : String.join(", ", none) + " or " + last));
    }
    out.println();
    out.println("Blockers (first to last mention):");
    if (r.blockers().isEmpty()) {
      out.println("  none reported");
    }
    for (int i = 0; i < r.blockers().size() && i < 15; i++) {
      BlockerStats b = r.blockers().get(i);
      out.printf(Locale.ROOT, "  %-20s %s, %s, %.0f days on average (max %.0f), %d hit, %d missed; "
          + "teams: %s%n", safe(b.tag()), count(b.keyResults(), "KR", "KRs"),
          count(b.mentions(), "mention", "mentions"), b.meanDays(), b.maxDays(), b.hits(), b.misses(),
          String.join(", ", b.teams().stream().map(t -> label(labels, r, t.team()) + " " + t.keyResults())
              .toList()));
    }
    out.println();
    out.println("Forecast accountability (weekly replay; flagged = the forecast at-risk or off-track, as okr analyze "
        + "showed it that day):");
    if (r.forecasts() == null) {
      out.println("  not replayed (--no-forecasts)");
    } else {
      out.println("  forecast model: " + model);
      // what the replay cannot see (RetroJson's forecasts.flaggedBy): okr-retro has no dependency graph
      out.println("  not replayed: at risk only for a late upstream item or a need-by date (okr analyze's engine "
          + "rules)");
      forecasts(out, r.forecasts(), "all");
      for (ForecastAccountability f : r.forecastsByTeam()) {
        forecasts(out, f, label(labels, r, f.team()));
      }
    }
    out.println();
    out.println("Recommendations for the next cycle:");
    if (r.recommendations().isEmpty()) {
      out.println("  none: nothing crossed a threshold");
    }
    for (Recommendation rec : r.recommendations()) {
      out.println("  - " + safe(rec.message()));
    }
  }

  private static void header(PrintWriter out, String what) {
    out.printf(Locale.ROOT, "  %-24s %6s %6s %5s %5s %6s %6s %5s %5s %5s%n", what, "KRs", "scored", "hits", "hit%",
        "mean", "median", "<.4", ".4-.7", ">=.7");
  }

  /**
   * The teams' own text (names, ids, tags, owners, units) safe for the console: a control character in it (an ESC
   * that recolours the terminal, a CR that rewrites the line) is written escaped ({@link ConsoleText#printable}).
   */
  private static String safe(String s) {
    return s == null ? null : ConsoleText.printable(s);
  }

  /**
   * Each named team's label in the tables, safe for the console: {@link RetroReport#teamLabels()}, its display name
   * followed by its id where another team has the same display name (two teams named "Platform" read as one before),
   * as the recommendations name it.
   */
  static Map<String, String> labels(RetroReport r) {
    Map<String, String> labels = new HashMap<>();
    r.teamLabels().forEach((id, label) -> labels.put(id, safe(label)));
    return labels;
  }

  /** Team {@code id}'s label ({@link #labels}), its display name where it has none there. */
  private static String label(Map<String, String> labels, RetroReport r, String id) {
    String label = labels.get(id);
    return label != null ? label : name(r, id);
  }

  /** Team {@code id}'s display name, safe for the console. */
  private static String name(RetroReport r, String id) {
    return safe(r.teamName(id));
  }

  private static void row(PrintWriter out, GroupStats g) {
    row(out, g, g.key());
  }

  private static void row(PrintWriter out, GroupStats g, String name) {
    out.printf(Locale.ROOT, "  %-24s %6d %6d %5d %5s %6s %6s %5d %5d %5d%n", trim(safe(name), 24), g.keyResults(),
        g.scored(), g.hits(), pct(g.hitRate()), f2(g.meanScore()), f2(g.medianScore()), g.low(), g.middle(),
        g.high());
  }

  private static void calibration(PrintWriter out, CalibrationStats c, String name) {
    out.printf(Locale.ROOT, "  %-16s %8d %6s %6s %6s %7s %5d %6s %6s%n", trim(name, 16), c.checkInsWithConfidence(),
        f3(c.brier()), f2(c.meanConfidence()), f2(c.hitRate()), signed(c.overconfidence()), c.selfScored(),
        f2(c.meanSelfScore()), f2(c.meanScore()));
  }

  private static void cadence(PrintWriter out, CadenceStats c, String name) {
    out.printf(Locale.ROOT, "  %-16s %5d %8d %7s %6s %8s  %s%n", trim(name, 16), c.keyResults(), c.checkIns(),
        f1(c.medianGapDays()), pct(c.shareOfWeeksWithCheckIn()), f1(c.longestSilenceDays()),
        c.longestSilenceKeyResult() == null ? "-"
            : safe(c.longestSilenceCycle() + "/" + c.longestSilenceKeyResult()));
  }

  private static void forecasts(PrintWriter out, ForecastAccountability f, String name) {
    // no misses, or none flagged: say so (it read "misses 0: 0 flagged (0 to the end, 0 without a gap), first flag
    // a median - weeks ahead")
    String misses = f.misses() == 0 ? "no misses"
        : f.missesFlagged() == 0 ? String.format(Locale.ROOT, "misses %d: none flagged", f.misses())
        : String.format(Locale.ROOT, "misses %d: %d flagged (%d to the end, %d without a gap), first flag a median "
            + "%s weeks ahead", f.misses(), f.missesFlagged(), f.missesFlaggedToTheEnd(),
            f.missesFlaggedWithoutGap(), f1(f.medianWeeksAheadFirstFlag()));
    String hits = f.hits() == 0 ? "no hits"
        : String.format(Locale.ROOT, "hits %d: %d false alarm%s", f.hits(), f.hitsFlagged(),
            f.hitsFlagged() == 1 ? "" : "s");
    out.printf(Locale.ROOT, "  %-16s %s; %s%n", trim(name, 16), misses, hits);
  }

  /** {@code n} and the noun for it: {@code 1 KR}, {@code 2 KRs}. */
  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String trim(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }

  private static String f1(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String f2(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String f3(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String signed(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%+.2f", v);
  }

  private static String pct(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.0f%%", v * 100);
  }
}
