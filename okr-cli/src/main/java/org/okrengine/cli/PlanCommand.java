package org.okrengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.okrengine.execution.TargetHistory;
import org.okrengine.execution.TargetRealism;
import org.okrengine.model.OkrCycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code okr plan}: whether each target of a cycle is realistic, from how far teams got in earlier cycles. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Judge a cycle's targets at planning time against earlier cycles with outcomes: for each increase "
        + "or decrease key result the chance of its target from how far its team, and teams like it, got against "
        + "their targets, the target that would have had a 70%% chance, and a flag when it asks for more than the "
        + "team has ever moved; for achieve and maintain key results the team's hit rate for the kind. Check-ins "
        + "of the cycle are ignored.",
    footer = {"", "Examples:",
        "  okr plan examples/acme-2026-q3.json --history examples/acme-2026-q2.json",
        "  okr plan next.json --history q1.json --history q2.json --format json \\",
        "      --out plan.json",
        "  okr plan next.json --history past-cycles.jsonl --rejects rejects.txt"})
final class PlanCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CYCLE", description = "an okr-cycle/1 file: the cycle planned")
  Path file;

  @Option(names = "--history", required = true, split = ",", paramLabel = "FILE",
      description = "earlier cycles with results (okr-cycle/1 .json, or JSON Lines .jsonl); repeatable, or "
          + "separated by commas")
  List<Path> history = new ArrayList<>();

  @Option(names = "--outcome-from-last-check-in",
      description = "take a history key result without result.finalValue to have ended at its last check-in (a "
          + "history exported from an OKR tool, where the last check-in is the result)")
  boolean outcomeFromLastCheckIn;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "text (default) or json (okr-plan/1)")
  String format;

  @Mixin
  RejectsOption rejects;

  @Option(names = "--out", paramLabel = "FILE",
      description = "write the answer to FILE (UTF-8, replaced if it exists) instead of standard output")
  Path outFile;

  @Override
  public Integer call() {
    List<String> problems = new ArrayList<>();
    if (!format.equals("text") && !format.equals("json")) {
      problems.add("--format: must be text or json: '" + format + "'");
    }
    List<Path> inputs = new ArrayList<>(history);
    inputs.add(0, file);
    if (outFile != null) {
      problems.addAll(AtomicFile.problems("--out", outFile, inputs));
    }
    problems.addAll(rejects.problems(inputs));
    if (outFile != null && rejects.file != null && AtomicFile.sameFile(outFile, rejects.file)) {
      problems.add("--out: " + outFile + ": is also --rejects, which it would overwrite");
    }
    List<OkrCycle> cycles = new ArrayList<>();
    Inputs planned = new Inputs();
    planned.read(List.of(file), cycles::add);
    problems.addAll(planned.problems());
    if (planned.problems().isEmpty() && cycles.size() != 1) {
      problems.add(file + ": holds " + cycles.size() + " cycles; give the one planned");
    }
    TargetHistory past = new TargetHistory();
    Inputs earlier = new Inputs();
    String plannedId = cycles.size() == 1 ? cycles.get(0).cycle().id() : null;
    List<String> notes = new ArrayList<>();
    java.util.function.Consumer<OkrCycle> sink = read -> {
      OkrCycle c = outcomeFromLastCheckIn ? read.withOutcomesFromLastCheckIns() : read;
      if (c.cycle().id().equals(plannedId) && c.hasResults() && notes.isEmpty()) {
        notes.add("okr: warning: --history holds cycle " + plannedId + ", the cycle planned: its own outcomes count "
            + "in the answer");
      }
      past.add(c);
    };
    PrintWriter err = spec.commandLine().getErr();
    planned.warnings().forEach(err::println);
    if (problems.isEmpty()) {
      // the history as okr fit reads it: a missing file is exit 2; a rejected line too, unless --rejects lists it
      earlier.readAll(history, sink, err, "plan", rejects);
    } else {
      earlier.read(history, sink);
      problems.addAll(earlier.problems());
      earlier.warnings().forEach(err::println);
    }
    if (earlier.problems().isEmpty() || rejects.given()) {
      if (past.cycles() > 0 && past.keyResults() == 0) {
        problems.add("--history: no key result of the " + past.cycles() + (past.cycles() == 1 ? " cycle" : " cycles")
            + " has a result (result.finalValue): give finished cycles"
            + (outcomeFromLastCheckIn ? "" : ", or --outcome-from-last-check-in where their last check-ins are the "
            + "results"));
      }
    }
    notes.forEach(n -> err.println(ConsoleText.printable(n)));
    err.flush();
    if (!problems.isEmpty()) {
      List<String> shown = new ArrayList<>();
      for (String p : problems) {
        shown.add(ConsoleText.printable(p));
      }
      throw new BadInputException(shown);
    }
    TargetRealism.Review review = TargetRealism.review(cycles.get(0), past);
    StringWriter buffer = new StringWriter();
    PrintWriter out = outFile != null ? new PrintWriter(buffer) : spec.commandLine().getOut();
    if (format.equals("json")) {
      out.print(review.toJson());
    } else {
      text(review, out);
    }
    out.flush();
    if (outFile != null) {
      try {
        AtomicFile.write(outFile, buffer.toString());
      } catch (IOException | UncheckedIOException e) {
        throw new BadInputException(List.of("--out: " + outFile + ": cannot write: " + e.getMessage()));
      }
      spec.commandLine().getOut().println("wrote " + outFile);
      spec.commandLine().getOut().flush();
    }
    return Okr.OK;
  }

  private static void text(TargetRealism.Review r, PrintWriter out) {
    out.println("Targets of " + ConsoleText.printable(r.cycleId()) + " against " + r.historyCycles() + " earlier "
        + (r.historyCycles() == 1 ? "cycle" : "cycles") + " (" + r.historyKeyResults() + " key "
        + (r.historyKeyResults() == 1 ? "result" : "results") + " with an outcome"
        + (r.withoutResult() > 0 ? ", " + r.withoutResult() + " without one left out" : "") + ").");
    if (r.checkInNote() != null) {
      out.println(r.checkInNote());
    }
    if (r.historyKeyResults() == 0) {
      out.println("There is not enough history to judge any target: the history holds no key result with an "
          + "outcome.");
    }
    out.println();
    out.println("Increase and decrease key results (chance of the target, from how far teams got against what they "
        + "asked):");
    rows(r, out, true);
    out.println();
    out.println("Achieve and maintain key results (how often the team met key results of the kind):");
    rows(r, out, false);
  }

  private static void rows(TargetRealism.Review r, PrintWriter out, boolean reach) {
    int shown = 0;
    for (TargetRealism.Row row : r.keyResults()) {
      String d = row.direction().jsonName();
      if (reach == (d.equals("increase") || d.equals("decrease"))) {
        out.println((row.record() != null && row.record().beyond() ? "! " : "  ")
            + ConsoleText.printable(row.sentence()));
        shown++;
      }
    }
    if (shown == 0) {
      out.println("  none");
    }
  }
}
