package org.okrengine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.okrengine.execution.ExecutionEngine;
import org.okrengine.execution.WhatIf;
import org.okrengine.model.EscalationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code okr whatif}: a scenario of slips and target changes beside the baseline. */
@Command(name = "whatif", mixinStandardHelpOptions = true,
    footer = {"", "Examples:",
        "  okr whatif examples/acme-2026-q3.json --slip I-3=+14d --as-of 2026-08-19",
        "  okr whatif examples/acme-2026-q3.json --slip M-4=-40d --target KR-5=1200 \\",
        "      --as-of 2026-08-19 --format json --out whatif.json"},
    description = "Re-analyse a cycle with initiatives or milestones slipped and key result targets changed, and print "
        + "each key result's and objective's probability and status beside the baseline, and the escalations that "
        + "are new or raised.")
final class WhatifCommand implements Callable<Integer> {
  private static final Pattern SLIP = Pattern.compile("([^=]+)=([+-]?)(\\d{1,4})d");
  private static final Pattern TARGET = Pattern.compile("([^=]+)=(.+)");

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CYCLE", description = "an okr-cycle/1 file")
  Path file;

  @Option(names = "--slip", paramLabel = "ID=+Nd", description = "move the open milestones of an initiative, or one "
      + "milestone, N days later (-Nd: earlier); repeatable")
  List<String> slips = new ArrayList<>();

  @Option(names = "--target", paramLabel = "ID=VALUE", description = "give a key result a new target; repeatable")
  List<String> targets = new ArrayList<>();

  @Option(names = "--as-of", paramLabel = "DATE", description = "analyse as of this date; default: now")
  LocalDate asOf;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "text (default) or json (okr-whatif/1)")
  String format;

  @Mixin
  OutOption output;

  /** Standard output, or the buffer of {@code --out}. */
  private PrintWriter out;

  @Override
  public Integer call() {
    List<String> problems = new ArrayList<>();
    if (!format.equals("text") && !format.equals("json")) {
      problems.add("--format: must be text or json: '" + format + "'");
    }
    List<WhatIf.Change> changes = new ArrayList<>();
    List<String> specs = new ArrayList<>();
    for (String s : slips) {
      Matcher m = SLIP.matcher(s);
      if (m.matches()) {
        int days = Integer.parseInt(m.group(3));
        changes.add(new WhatIf.Slip(m.group(1), m.group(2).equals("-") ? -days : days));
        specs.add("--slip " + s);
      } else {
        problems.add("--slip " + s + ": must be ID=+Nd or ID=-Nd (whole days, at most 9999)");
      }
    }
    // one target per key result: with two, the header listed both and the last one won, unsaid
    java.util.Map<String, String> targeted = new java.util.HashMap<>();
    for (String t : targets) {
      Matcher m = TARGET.matcher(t);
      Double v = null;
      if (m.matches()) {
        try {
          v = Double.parseDouble(m.group(2));
        } catch (NumberFormatException e) {
          v = null;
        }
      }
      if (v != null && Double.isFinite(v)) {
        String earlier = targeted.putIfAbsent(m.group(1), t);
        if (earlier != null) {
          problems.add("--target " + t + ": " + m.group(1) + " is given a target twice (also --target " + earlier
              + "); give one");
        }
        changes.add(new WhatIf.Target(m.group(1), v));
        specs.add("--target " + t);
      } else {
        problems.add("--target " + t + ": must be ID=VALUE with a finite number");
      }
    }
    if (slips.isEmpty() && targets.isEmpty()) {
      problems.add("--slip or --target: give at least one change");
    }
    problems.addAll(output.problems(List.of(file)));
    out = output.writer(spec);
    Inputs inputs = new Inputs();
    inputs.read(List.of(file), cycle -> {
      for (int i = 0; i < changes.size(); i++) {
        for (String p : WhatIf.problems(cycle, changes.get(i))) {
          problems.add(specs.get(i) + ": " + p);
        }
      }
      if (!problems.isEmpty()) {
        return;
      }
      Instant at = Inputs.analysedInstant(cycle, asOf);
      WhatIf.Comparison c = WhatIf.compare(ExecutionEngine.withDefaults(), cycle, at, changes);
      if (format.equals("json")) {
        out.print(c.toJson());
      } else {
        text(c, cycle);
      }
    });
    out.flush();
    problems.addAll(0, inputs.problems());
    if (!problems.isEmpty()) {
      List<String> shown = new ArrayList<>();
      for (String p : problems) {
        shown.add(ConsoleText.printable(p));
      }
      throw new BadInputException(shown);
    }
    output.finish(spec);
    return Okr.OK;
  }

  private void text(WhatIf.Comparison c, org.okrengine.model.OkrCycle cycle) {
    List<String> what = new ArrayList<>();
    slips.forEach(s -> what.add("slip " + s));
    targets.forEach(t -> what.add("target " + t));
    // the instant in the cycle's own zone, as okr analyze's header gives it (was the UTC instant: "as of
    // 2026-08-18T22:00:00Z" for --as-of 2026-08-19 in Europe/Oslo)
    java.time.ZoneId zone = cycle.cycle().zone();
    out.println("What if: " + ConsoleText.printable(String.join(", ", what)) + ", as of "
        + TextReport.WHEN.format(c.asOf().atZone(zone)) + " (" + zone.getId() + ")");
    out.println();
    out.println("Key results (probability of target, status: baseline -> scenario):");
    boolean keyResultMoved = rows(c.keyResults());
    out.println();
    out.println("Objectives (probability of the commitment, key results needing attention):");
    boolean objectiveMoved = rows(c.objectives());
    // what the marker means, and why an objective can move while none of its key results does (O-1 43% -> 42% with
    // a slip of I-3: the commitment is simulated jointly with the late work its key results share)
    if (keyResultMoved || objectiveMoved) {
      out.println();
      out.println("*: the status changed, or the probability moved by half a point or more.");
    }
    if (objectiveMoved) {
      out.println("An objective's probability is simulated jointly over its key results and the late upstream work");
      out.println("they share, so it can move while none of its key results' probabilities does.");
    }
    // a target moved on a key result without a check-in yet moves nothing: its forecast is the history's base rate,
    // whatever the target (at planning time "what if we aim lower" read "41% -> 41%" with no word why)
    List<String> unmoved = new ArrayList<>();
    for (String t : targets) {
      String id = t.substring(0, t.indexOf('='));
      boolean silent = cycle.keyResult(id).map(kr -> kr.latestCheckIn(c.asOf()).isEmpty()).orElse(false);
      if (silent && !unmoved.contains(id)) {
        unmoved.add(id);
      }
    }
    if (!unmoved.isEmpty()) {
      out.println();
      out.println(ConsoleText.printable(String.join(", ", unmoved)) + (unmoved.size() == 1 ? " has" : " have")
          + " no check-in yet: before the first one a forecast is the base rate of its model, whatever the");
      out.println("target, so a new target changes nothing yet (okr plan --history says how realistic a target is).");
    }
    // how a slip was judged where the rows alone would leave it unsaid (a slip of a milestone already past due read
    // "No escalation is new or raised" and nothing else)
    if (!c.notes().isEmpty()) {
      out.println();
      for (String n : c.notes()) {
        out.println(ConsoleText.printable(n));
      }
    }
    out.println();
    if (c.escalations().isEmpty()) {
      out.println("No escalation is new or raised.");
    } else {
      out.println("Escalations new or raised:");
      for (int i = 0; i < c.escalations().size(); i++) {
        EscalationSummary e = c.escalations().get(i);
        int was = c.baselineLevels().get(i);
        out.println("  " + ConsoleText.printable(e.subject()) + ": " + (was == 0 ? "new" : "level " + was) + " -> level "
            + e.level() + " (" + ConsoleText.printable(e.to()) + ")");
      }
    }
  }

  /** Prints {@code rows}, each that moved marked {@code *}; whether any did. */
  private boolean rows(List<WhatIf.Row> rows) {
    boolean any = false;
    // the ids' column as wide as the longest (at least 6): "KR-LOGOS  38%" stood out of line beside "KR-UP   83%"
    int width = 6;
    for (WhatIf.Row r : rows) {
      width = Math.max(width, ConsoleText.printable(r.id()).length());
    }
    for (WhatIf.Row r : rows) {
      boolean moved = !r.baselineStatus().equals(r.status())
          || (r.baselineProbability() != null && r.probability() != null
              && Math.abs(r.baselineProbability() - r.probability()) >= 0.005);
      String was = pct(r.baselineProbability());
      String now = pct(r.probability());
      if (moved && was.equals(now) && r.probability() != null) {
        // a move of half a point or more that whole percentages hide (it read "* O-1  43% ->  43%")
        was = pct1(r.baselineProbability());
        now = pct1(r.probability());
      }
      out.println((moved ? "* " : "  ") + String.format(Locale.ROOT, "%-" + width + "s %4s -> %4s  %s -> %s",
          ConsoleText.printable(r.id()), was, now, r.baselineStatus(), r.status()));
      any |= moved;
    }
    return any;
  }

  private static String pct1(Double p) {
    return p == null ? "–" : String.format(Locale.ROOT, "%.1f%%", p * 100);
  }

  private static String pct(Double p) {
    return p == null ? "–" : Math.round(p * 100) + "%";
  }
}
