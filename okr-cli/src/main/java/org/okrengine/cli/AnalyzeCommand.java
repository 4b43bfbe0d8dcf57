package org.okrengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.okrengine.execution.ExecutionEngine;
import org.okrengine.execution.HtmlReportWriter;
import org.okrengine.execution.Precedents;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationPolicy;
import org.okrengine.model.InvalidPolicyException;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Problem;
import org.okrengine.model.json.EscalationPolicyJson;
import org.okrengine.model.json.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code okr analyze}: each key result's progress, forecast and status, per objective. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    footer = {"", "Examples:",
        "  okr analyze examples/acme-2026-q3.json --as-of 2026-08-19",
        "  okr analyze examples/acme-2026-q3.json --as-of 2026-08-19 --format html \\",
        "      --out report.html",
        "  okr analyze examples/acme-2026-q2.json --as-of 2026-06-30 --format json \\",
        "      --out q2-report.json"},
    description = "Analyse cycles: progress against plan, forecast, probability of target and status of every key "
        + "result. Files ending in .jsonl hold one cycle per line.")
final class AnalyzeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "okr-cycle/1 files (.json) or JSON Lines (.jsonl)")
  List<Path> files;

  @Option(names = "--as-of", paramLabel = "DATE|INSTANT",
      description = "analyse as of this date (start of the day in the cycle's zone) or instant; default: now, "
          + "within the cycle")
  String asOf;

  @Option(names = "--compare-to", paramLabel = "DATE|INSTANT",
      description = "say what changed since this date (start of the day in the cycle's zone) or instant: status "
          + "changes, new escalations, probability moves of 10 points or more; not after --as-of; default: 7 days "
          + "before the as-of (never before the cycle's start)")
  String compareTo;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|html|prompt",
      description = "text (default), json (okr-report/1; JSON Lines for several cycles), html (one "
          + "self-contained page with charts; one cycle only) or prompt (the grounded facts to hand to a language "
          + "model)")
  String format;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "escalation policy (okr-escalation-policy/1 JSON); default: at risk, off track or stale for "
          + "14 days goes to team-lead, for 28 days or feeding a cross-team cascade to leadership")
  Path policy;

  @Option(names = "--out", paramLabel = "FILE",
      description = "write the report to FILE (UTF-8, replaced if it exists) instead of standard output")
  Path outFile;

  @Option(names = "--history", paramLabel = "FILE", split = ",",
      description = "earlier cycles with outcomes (okr-cycle/1 files or JSON Lines with result.finalValue; "
          + "repeatable or comma-separated): for each key result needing attention, how the earlier key results "
          + "that stood where it stands ended, and what the ones that met their target had in common "
          + "(precedents; at least 10 similar ones, or a sentence that there is not enough history)")
  List<Path> history;

  @Option(names = "--outcome-from-last-check-in",
      description = "with --history: take a key result of the history without result.finalValue to have ended at "
          + "its last check-in (a history exported from an OKR tool, where the last check-in is the result)")
  boolean outcomeFromLastCheckIn;

  @Mixin
  ModelOption model;

  Clock clock = Clock.systemUTC();
  /** Whether standard output is a console ({@link Okr#main} says so); text then goes through {@link Terminal}. */
  boolean console;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json") && !format.equals("html") && !format.equals("prompt")) {
      throw new BadInputException(List.of("--format: must be text, json, html or prompt: '" + format + "'"));
    }
    if (outcomeFromLastCheckIn && history == null) {
      throw new BadInputException(List.of("--outcome-from-last-check-in: reads the --history's outcomes; give a "
          + "--history"));
    }
    List<Path> read = new ArrayList<>(files);
    if (history != null) {
      read.addAll(history);
    }
    // the policy and the model are read too: --out over either replaced it with the report
    read.addAll(OutOption.inputs(List.of(), policy, model.file));
    if (outFile != null && !AtomicFile.problems("--out", outFile, read).isEmpty()) {
      throw new BadInputException(AtomicFile.problems("--out", outFile, read));
    }
    // the policy's and the model's problems are listed with the cycles' and the history's, not alone
    List<String> optionProblems = new ArrayList<>();
    EscalationPolicy escalation = EscalationPolicy.DEFAULT;
    if (policy != null) {
      try {
        escalation = readPolicy(policy);
      } catch (BadInputException e) {
        optionProblems.addAll(e.messages());
      }
    }
    Forecaster forecaster = null;
    try {
      forecaster = model.forecaster();
    } catch (BadInputException e) {
      optionProblems.addAll(e.messages());
    }
    List<String> historyProblems = new ArrayList<>();
    Precedents precedents = history == null ? null
        : readHistory(history, historyProblems, outcomeFromLastCheckIn);
    LocalDate asOfDate = null;
    Instant asOfInstant = null;
    if (asOf != null) {
      try {
        asOfDate = LocalDate.parse(asOf);
      } catch (DateTimeParseException e) {
        try {
          asOfInstant = OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e2) {
          throw new BadInputException(List.of(
              "--as-of: not a date (2026-08-19) or an instant with offset (2026-08-19T09:00:00Z): '" + asOf + "'"));
        }
      }
    }
    LocalDate compareDate = null;
    Instant compareInstant = null;
    if (compareTo != null) {
      try {
        compareDate = LocalDate.parse(compareTo);
      } catch (DateTimeParseException e) {
        try {
          compareInstant = OffsetDateTime.parse(compareTo).toInstant();
        } catch (DateTimeParseException e2) {
          throw new BadInputException(List.of("--compare-to: not a date (2026-08-12) or an instant with offset "
              + "(2026-08-12T09:00:00Z): '" + compareTo + "'"));
        }
      }
    }
    final LocalDate cmpDate = compareDate;
    final Instant cmpInstant = compareInstant;
    // nothing half done: every input read and validated, and the as-of checked against each cycle's window, before
    // anything is written (a second pass analyses them)
    Inputs check = new Inputs();
    List<String> asOfProblems = new java.util.ArrayList<>();
    List<String> asOfWarnings = new java.util.ArrayList<>();
    final LocalDate checkDate = asOfDate;
    final Instant checkInstant = asOfInstant;
    check.read(files, cycle -> {
      if (checkDate != null || checkInstant != null) {
        Instant at = checkInstant != null ? checkInstant : cycle.cycle().instantOf(checkDate);
        try {
          cycle.cycle().requireAnalysable(at);
          if (at.isBefore(cycle.cycle().startInstant()) || ExecutionEngine.isOver(cycle, at)) {
            asOfWarnings.add("okr: warning: --as-of " + asOf + " is " + (at.isBefore(cycle.cycle().startInstant())
                ? "before cycle " + cycle.cycle().id() + " starts (" + cycle.cycle().start() + ")"
                : "after cycle " + cycle.cycle().id() + " ends (" + cycle.cycle().end() + "); the cycle is over: "
                + "each key result's outcome is its result where the document gives one, else its latest check-in up "
                + "to then")
                + (at.isBefore(cycle.cycle().startInstant()) ? "; it is analysed as it stood then" : ""));
          }
        } catch (IllegalArgumentException e) {
          asOfProblems.add("--as-of: " + asOf + ": cycle " + cycle.cycle().id() + ": " + e.getMessage());
        }
      }
      if (compareTo != null) {
        Instant at = checkInstant != null ? checkInstant
            : checkDate != null ? cycle.cycle().instantOf(checkDate) : ExecutionEngine.defaultAsOf(cycle, clock);
        Instant since = compareInstant(cycle, cmpDate, cmpInstant);
        if (since.isAfter(at)) {
          asOfProblems.add("--compare-to: " + compareTo + ": cycle " + cycle.cycle().id() + ": must not be after "
              + (asOf != null ? "--as-of, " + asOf : "the as-of, " + at));
        }
      }
    });
    if (!asOfProblems.isEmpty() && check.problems().isEmpty()) {
      List<String> all = new ArrayList<>(optionProblems);
      all.addAll(asOfProblems);
      all.addAll(historyProblems);
      throw new BadInputException(all);
    }
    if (!check.problems().isEmpty()) {
      PrintWriter warn = spec.commandLine().getErr();
      check.warnings().forEach(warn::println);
      warn.flush();
      List<String> all = new ArrayList<>(optionProblems);
      all.addAll(check.problems());
      all.addAll(historyProblems);
      throw new BadInputException(all);
    }
    if (!historyProblems.isEmpty() || !optionProblems.isEmpty()) {
      List<String> all = new ArrayList<>(optionProblems);
      all.addAll(historyProblems);
      throw new BadInputException(all);
    }
    if (!asOfWarnings.isEmpty()) {
      PrintWriter warn = spec.commandLine().getErr();
      asOfWarnings.forEach(w -> warn.println(ConsoleText.printable(w)));
      warn.flush();
    }
    StringWriter buffer = new StringWriter();
    PrintWriter out = outFile != null ? new PrintWriter(buffer) : spec.commandLine().getOut();
    Terminal terminal = console && outFile == null && format.equals("text") ? Terminal.detect(true, System.getenv())
        : Terminal.NONE;
    ExecutionEngine engine = ExecutionEngine.withDefaults().withPolicy(escalation).withForecaster(forecaster);
    Inputs inputs = new Inputs();
    final LocalDate date = asOfDate;
    final Instant instant = asOfInstant;
    CycleReport[] pending = new CycleReport[1];
    int[] written = new int[1];
    inputs.read(files, cycle -> {
      Instant at = instant != null ? instant
          : date != null ? cycle.cycle().instantOf(date) : ExecutionEngine.defaultAsOf(cycle, clock);
      CycleReport analysed = cmpDate == null && cmpInstant == null ? engine.analyze(cycle, at)
          : engine.analyze(cycle, at, compareInstant(cycle, cmpDate, cmpInstant));
      CycleReport report = precedents == null ? analysed : precedents.addTo(cycle, analysed);
      if (format.equals("html")) {
        if (written[0]++ > 0) {
          throw new BadInputException(List.of("--format html: writes one cycle, but the input holds more; "
              + "analyse one cycle per page, or use --format json"));
        }
        out.print(HtmlReportWriter.write(cycle, report));
      } else if (format.equals("text") || format.equals("prompt")) {
        if (written[0]++ > 0) {
          out.println();
        }
        if (format.equals("text")) {
          TextReport.write(cycle, report, out, terminal);
        } else {
          out.print(ExecutionEngine.groundedPrompt(cycle, report));
        }
      } else {
        try {
          if (pending[0] != null) {
            ReportJson.withDefaults().writeLine(pending[0], out);
            pending[0] = null;
            written[0]++;
          }
          if (written[0] > 0) {
            ReportJson.withDefaults().writeLine(report, out);
            written[0]++;
          } else {
            pending[0] = report;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      out.flush();
    });
    if (pending[0] != null) {
      try {
        ReportJson.withDefaults().write(pending[0], out);
        written[0]++;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    out.flush();
    if (outFile != null && written[0] > 0) {
      try {
        AtomicFile.write(outFile, buffer.toString());
      } catch (IOException e) {
        throw new BadInputException(List.of("--out: " + outFile + ": cannot write: " + e.getMessage()));
      }
      spec.commandLine().getOut().println("wrote " + outFile);
      spec.commandLine().getOut().flush();
    }
    PrintWriter warn = spec.commandLine().getErr();
    inputs.warnings().forEach(warn::println);
    warn.flush();
    if (!inputs.problems().isEmpty()) {
      throw new BadInputException(inputs.problems());
    }
    return Okr.OK;
  }

  /** The instant of {@code --compare-to} in {@code cycle}: the instant given, or the start of the date there. */
  private static Instant compareInstant(OkrCycle cycle, LocalDate date, Instant instant) {
    return instant != null ? instant : cycle.cycle().instantOf(date);
  }

  /**
   * The precedents of the history files; every problem of a file missing, unreadable or holding an invalid cycle goes
   * to {@code problems} in the form of every input's, {@code FILE[:LINE]: path: message}; {@code fromLastCheckIn}:
   * last check-ins stand in for missing results ({@code --outcome-from-last-check-in}).
   */
  static Precedents readHistory(List<Path> files, List<String> problems, boolean fromLastCheckIn) {
    List<OkrCycle> cycles = new ArrayList<>();
    Inputs inputs = new Inputs();
    inputs.read(files, c -> cycles.add(fromLastCheckIn ? c.withOutcomesFromLastCheckIns() : c));
    problems.addAll(inputs.problems());
    return Precedents.of(cycles);
  }

  private static EscalationPolicy readPolicy(Path file) {
    try {
      return EscalationPolicyJson.withDefaults().read(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(List.of(file + ": no such file"));
    } catch (InvalidPolicyException e) {
      List<String> lines = new ArrayList<>();
      for (Problem p : e.problems()) {
        lines.add(ConsoleText.problem(file, 0, p));
      }
      throw new BadInputException(lines);
    } catch (IOException e) {
      throw new BadInputException(List.of(file + ": cannot read: " + e.getMessage()));
    }
  }

  /** For tests: analyse with {@code clock} as now. */
  AnalyzeCommand withClock(Clock clock) {
    this.clock = clock;
    return this;
  }

}
