package org.okrengine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.okrengine.execution.ExecutionEngine;
import org.okrengine.execution.Explanation;
import org.okrengine.execution.Precedents;
import org.okrengine.model.CycleReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code okr explain}: what is blocking an item, upstream first. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    footer = {"", "Examples:",
        "  okr explain examples/acme-2026-q3.json KR-3 --as-of 2026-08-19",
        "  okr explain examples/acme-2026-q3.json I-3 --as-of 2026-08-19 \\",
        "      --format json --out explain.json"},
    description = "Explain an objective, key result, team or initiative: its status, then each late item it needs "
        + "walking upstream to the one late for its own reason, its other causes and its escalations.")
final class ExplainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CYCLE", description = "an okr-cycle/1 file")
  Path file;

  @Parameters(index = "1", paramLabel = "ID", description = "the id of an objective, key result, team, initiative "
      + "or milestone")
  String id;

  @Option(names = "--as-of", paramLabel = "DATE", description = "analyse as of this date; default: now")
  LocalDate asOf;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "text (default) or json (okr-explain/1)")
  String format;

  @Option(names = "--history", paramLabel = "FILE", split = ",",
      description = "earlier cycles with outcomes (repeatable or comma-separated): for a key result needing "
          + "attention, also how the earlier key results that stood where it stands ended (as okr analyze --history)")
  List<Path> history;

  @Option(names = "--outcome-from-last-check-in",
      description = "with --history: take a key result of the history without result.finalValue to have ended at "
          + "its last check-in (a history exported from an OKR tool, where the last check-in is the result)")
  boolean outcomeFromLastCheckIn;

  @Mixin
  OutOption output;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new BadInputException(List.of("--format: must be text or json: '" + ConsoleText.printable(format) + "'"));
    }
    List<String> problems = new ArrayList<>(output.problems(OutOption.inputs(history == null ? List.of()
        : history, file)));
    if (outcomeFromLastCheckIn && history == null) {
      problems.add("--outcome-from-last-check-in: reads the --history's outcomes; give a --history");
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    List<String> historyProblems = new ArrayList<>();
    Precedents precedents = history == null ? null : AnalyzeCommand.readHistory(history, historyProblems,
        outcomeFromLastCheckIn);
    if (!historyProblems.isEmpty()) {
      throw new BadInputException(historyProblems);
    }
    PrintWriter out = output.writer(spec);
    Inputs inputs = new Inputs();
    inputs.read(List.of(file), cycle -> {
      if (cycle.kindOf(id).isEmpty()) {
        problems.add("ID: no objective, key result, team, initiative or milestone '" + id + "' in cycle "
            + cycle.cycle().id());
        return;
      }
      Instant at = Inputs.analysedInstant(cycle, asOf);
      CycleReport report = ExecutionEngine.withDefaults().analyze(cycle, at);
      Explanation e = Explanation.of(cycle, precedents == null ? report : precedents.addTo(cycle, report), id);
      if (format.equals("json")) {
        out.print(e.toJson());
      } else {
        for (String line : e.toText().split("\n")) {
          out.println(ConsoleText.printable(line));
        }
      }
    });
    out.flush();
    problems.addAll(0, inputs.problems());
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    output.finish(spec);
    return Okr.OK;
  }
}
