package org.okrengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.okrengine.forecast.Backtest;
import org.okrengine.forecast.BacktestJson;
import org.okrengine.forecast.BacktestReport;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.forecast.Forecaster;
import org.okrengine.forecast.MethodScore;
import org.okrengine.forecast.ReliabilityBin;
import org.okrengine.forecast.ResultTiming;
import org.okrengine.forecast.ResultTimingEvidence;
import org.okrengine.model.OkrCycle;
import org.okrengine.retro.DistributedEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code okr backtest}: replays historical cycles and scores every forecasting method. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    footer = {"", "Examples:",
        "  okr backtest examples/acme-2026-q2.json",
        "  okr backtest examples/acme-2026-q2.json --method movement-aware --weekly \\",
        "      --format json --out backtest.json"},
    description = "Replay historical cycles (key results with result.finalValue), forecast at 25%%, 50%% and 75%% "
        + "of each cycle from the check-ins before that point, and score every method: Brier, log loss, 80%% interval "
        + "coverage and width, mean absolute error of landing progress, and risk detection.")
final class BacktestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "okr-cycle/1 files (.json) or JSON Lines (.jsonl)")
  List<Path> files;

  @Option(names = "--method", defaultValue = "all", paramLabel = "NAME|all",
      description = "a method (linear-pace, ols-trend, random-walk-drift, plan-prior-bayes, damped-trend, "
          + "movement-aware) or all")
  String method;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "text or json")
  String format;

  @Option(names = "--weekly", description = "forecast weekly (1/13 .. 12/13 of each cycle) instead of 25/50/75%%")
  boolean weekly;

  @Mixin
  ModelOption model;

  @Option(names = "--walk-forward",
      description = "forecast each cycle with the model refitted (as okr fit does) on the cycles that ended before "
          + "it started, as a company using the library lives; cycles with none before them, and files whose cycles "
          + "have no real dates (all starting together, as the TSE sprints), get the model as it is. Holds the "
          + "cycles in memory; not with --engine spark")
  boolean walkForward;

  @Option(names = "--outcome-from-last-check-in",
      description = "score a key result without result.finalValue against its last check-in (a history exported "
          + "from an OKR tool, where the last check-in is the result), and forecast such a key result at its "
          + "expected last check-in, half its mean check-in gap before the end; without it, only key results with a "
          + "result are scored. Not for a cycle still running: its latest check-in is no outcome yet")
  boolean outcomeFromLastCheckIn;

  @Option(names = "--results-at", defaultValue = "detect", paramLabel = "detect|end|last-check-in",
      description = "when the key results' result.finalValue was taken, and so which value is forecast: end (the "
          + "cycle's end), last-check-in (an OKR tool's export, where the last check-in is the result: every key "
          + "result forecast at its expected last check-in), or detect (the default: last-check-in where at least "
          + "90%% of at least 10 key results whose last check-in came before the cycle's last day have it as their "
          + "result; with "
          + "--walk-forward, per cycle from the cycles ended before it)")
  String resultsAt;

  @Option(names = "--per-forecast", paramLabel = "FILE.csv",
      description = "also write one CSV row per forecast: cycle,keyResult,origin,method,model,probability,low,high,"
          + "landing,final,hit,at (RFC 4180; low and high the 80%% interval, empty where a method gives none; at: end "
          + "or last-check-in, where the forecast was made; not with --engine spark)")
  Path perForecast;

  @Option(names = "--plot", paramLabel = "DIR",
      description = "also write a reliability diagram per method, DIR/reliability-METHOD.svg (all origins pooled; "
          + "DIR is created if absent)")
  Path plot;

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
    Backtest bt = Backtest.withDefaults();
    if (!method.equals("all")) {
      var m = ForecastMethod.fromId(method);
      if (m.isEmpty()) {
        bad.add("--method: unknown method '" + ConsoleText.printable(method) + "' (expected all or one of "
            + Arrays.stream(ForecastMethod.values()).map(ForecastMethod::id).collect(Collectors.joining(", "))
            + ")");
      } else {
        bt = bt.withMethods(List.of(m.get()));
      }
    }
    ResultTiming timing = ResultTiming.fromId(resultsAt);
    if (timing == null) {
      bad.add("--results-at: must be detect, end or last-check-in: '" + ConsoleText.printable(resultsAt) + "'");
    } else {
      bt = bt.withResultTiming(timing);
    }
    boolean local = where.engine.equals("local");
    if (walkForward && !local) {
      bad.add("--walk-forward: walk-forward is single-machine work (each cycle's model is fitted on the cycles "
          + "before it, in order); run it without --engine " + ConsoleText.printable(where.engine));
    }
    if (perForecast != null && !local) {
      bad.add("--per-forecast: the rows are written on a single machine; run it without --engine "
          + ConsoleText.printable(where.engine));
    }
    if (perForecast != null) {
      // never an input (a history or the model), nor the rejects list, which it would overwrite after it was written
      bad.addAll(AtomicFile.problems("--per-forecast", perForecast, OutOption.inputs(files, model.file)));
      if (rejects.file != null && AtomicFile.sameFile(perForecast, rejects.file)) {
        bad.add("--per-forecast: " + perForecast + ": is also --rejects, which it would overwrite");
      }
    }
    if (plot != null && Files.exists(plot) && !Files.isDirectory(plot)) {
      bad.add("--plot: " + plot + ": not a directory");
    }
    if (plot != null) {
      // each diagram is replaced whole; never an input (a history or the model), as --out and --per-forecast
      for (ForecastMethod m : bt.methods()) {
        Path svg = plot.resolve(ReliabilityPlot.fileName(m));
        for (Path in : OutOption.inputs(files, model.file)) {
          if (AtomicFile.sameFile(in, svg)) {
            bad.add("--plot: " + svg + ": is one of the inputs, which it would overwrite");
          }
        }
      }
    }
    bad.addAll(rejects.problems(OutOption.inputs(files, model.file)));
    bad.addAll(output.problems(OutOption.inputs(files, model.file), "--per-forecast", perForecast, "--rejects",
        rejects.file));
    if (!bad.isEmpty()) {
      throw new BadInputException(bad);
    }
    if (weekly) {
      bt = bt.withWeeklyOrigins();
    }
    // a bad model's problems with the inputs', not alone
    ForecastModel given = model.model(files, rejects);
    Forecaster forecaster = given == null ? Forecaster.withDefaults() : Forecaster.withDefaults().withModel(given);
    bt = bt.withForecaster(forecaster).withOutcomeFromLastCheckIn(outcomeFromLastCheckIn);
    DistributedEngine distributed = where.engine("backtest");
    if (distributed != null) {
      finish(rejects.reportOf(distributed.backtest(where.master(), files, bt, rejects.given()),
          spec.commandLine().getErr()), forecaster);
      return Okr.OK;
    }
    BacktestReport report;
    try (AtomicFile csv = perForecast == null ? null : AtomicFile.open(perForecast)) {
      PerForecastCsv rows = csv == null ? null : new PerForecastCsv(csv.writer());
      report = walkForward ? walkForward(bt, rows) : once(bt, rows);
      if (csv != null) {
        csv.commit();
      }
    } catch (IOException | UncheckedIOException e) {
      if (perForecast == null) {
        throw e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
      }
      throw new BadInputException(List.of("--per-forecast: " + perForecast + ": cannot write: " + e.getMessage()));
    }
    finish(report, forecaster);
    return Okr.OK;
  }

  private BacktestReport once(Backtest bt, PerForecastCsv rows) {
    ResultTimingEvidence evidence = null;
    if (bt.resultTiming() == ResultTiming.DETECT) {
      // a first pass for when the results were taken (an accumulator sees each cycle once, as it forecasts it); the
      // second pass reports the files' problems and rejects
      ResultTimingEvidence[] seen = {ResultTimingEvidence.NONE};
      new Inputs().read(files, c -> seen[0] = seen[0].plus(ResultTimingEvidence.of(c)));
      evidence = seen[0];
      bt = bt.withResultTiming(evidence.timing());
    }
    Backtest.Accumulator acc = bt.newAccumulator().onForecast(rows);
    int[] withoutResult = {0};
    new Inputs().readAll(files, c -> {
      withoutResult[0] += withoutResult(c);
      acc.add(c);
    }, spec.commandLine().getErr(), "backtest", rejects);
    if (!bt.outcomeFromLastCheckIn()) {
      noteWithoutResult(spec.commandLine().getErr(), withoutResult[0], "not scored");
    }
    return evidence == null ? acc.report() : acc.report().withEvidence(evidence);
  }

  private BacktestReport walkForward(Backtest bt, PerForecastCsv rows) {
    List<OkrCycle> cycles = new ArrayList<>();
    new Inputs().readAll(files, cycles::add, spec.commandLine().getErr(), "backtest", rejects);
    if (!bt.outcomeFromLastCheckIn()) {
      noteWithoutResult(spec.commandLine().getErr(), cycles.stream().mapToInt(BacktestCommand::withoutResult).sum(),
          "not scored");
    }
    return bt.runWalkForward(cycles, rows);
  }

  /** The key results of {@code c} without {@code result} that have check-ins (a last check-in could stand in). */
  static int withoutResult(OkrCycle c) {
    int n = 0;
    for (var kr : c.keyResults()) {
      n += kr.result() == null && !kr.checkIns().isEmpty() ? 1 : 0;
    }
    return n;
  }

  /** Says on {@code err} that {@code n} key results without a result were {@code what}, and what would take them. */
  static void noteWithoutResult(PrintWriter err, int n, String what) {
    if (n > 0) {
      err.println("okr: note: " + String.format(Locale.ROOT, "%,d", n) + (n == 1 ? " key result has" : " key results have")
          + " no result.finalValue "
          + "and " + (n == 1 ? "was " : "were ") + what + "; --outcome-from-last-check-in takes the last check-in "
          + "as the outcome where the history has no results (not for a cycle still running)");
      err.flush();
    }
  }

  /** Writes the diagrams of {@code --plot}, then prints the report. */
  private void finish(BacktestReport report, Forecaster forecaster) {
    if (plot != null) {
      try {
        Files.createDirectories(plot);
        for (ForecastMethod m : methodsOf(report)) {
          AtomicFile.write(plot.resolve(ReliabilityPlot.fileName(m)), ReliabilityPlot.svg(report, m));
        }
      } catch (IOException e) {
        throw new BadInputException(List.of("--plot: " + plot + ": cannot write: " + e.getMessage()));
      }
    }
    PrintWriter out = output.writer(spec);
    if (format.equals("json")) {
      out.print(json(report));
    } else {
      text(report, ModelOption.describe(forecaster.model())
          + (walkForward ? ", refitted before each cycle on the cycles that ended before it started" : ""), out);
    }
    out.flush();
    output.finish(spec);
  }

  private static List<ForecastMethod> methodsOf(BacktestReport report) {
    List<ForecastMethod> out = new ArrayList<>();
    for (MethodScore s : report.scores()) {
      if (!out.contains(s.method())) {
        out.add(s.method());
      }
    }
    return out;
  }

  /** The text table of {@code r}; {@code model} names the forecast model, for the second line. */
  static void text(BacktestReport r, String model, PrintWriter out) {
    long fromLast = r.keyResultsFromLastCheckIn();
    out.printf(Locale.ROOT, "%,d %s, %,d key %s with a final value%s%n", r.cycles(),
        r.cycles() == 1 ? "cycle" : "cycles", r.keyResults(), r.keyResults() == 1 ? "result" : "results",
        fromLast == 0 ? ""
            : r.keyResults() == 1 ? " (scored from its last check-in)"
            : String.format(Locale.ROOT, " (%,d of them scored from their last check-in)", fromLast));
    out.println("forecast model: " + model);
    String at = forecastAt(r);
    if (at != null) {
      out.println("forecast at: " + at);
    }
    out.printf(Locale.ROOT, "%-18s %6s %7s %6s %8s %7s %6s %6s %6s %7s %6s%n", "method", "origin", "n", "brier",
        "logLoss", "n80", "cov80", "width", "mae", "misses", "hits");
    for (MethodScore s : r.scores()) {
      out.printf(Locale.ROOT, "%-18s %5.0f%% %7d %6s %8s %7d %6s %6s %6s %7s %6s%n", s.method().id(),
          s.origin() * 100, s.n(), f3(s.brier()), f3(s.logLoss()), s.intervals80(), f3(s.coverage80()),
          f3(s.width80()), f3(s.maeProgress()), f3(s.missesFlagged()), f3(s.hitsFlagged()));
    }
    // the origin bestMethod is judged at (46% of --weekly's, not 50%), and the default method's reliability there
    double judged = r.originNearestHalf().orElse(0.5);
    out.printf(Locale.ROOT, "default method: %s; lowest Brier at the %.0f%% origin: %s%n", r.defaultMethod().id(),
        judged * 100, r.bestMethod() == null ? "-" : r.bestMethod().id());
    MethodScore mid = r.score(r.defaultMethod(), judged).orElse(null);
    if (mid != null) {
      out.printf(Locale.ROOT, "reliability of %s at the %.0f%% origin (probability bin: count, mean P, hit rate):%n",
          mid.method().id(), mid.origin() * 100);
      for (ReliabilityBin b : mid.reliability()) {
        out.printf(Locale.ROOT, "  %.1f-%.1f: %6d  %6s  %6s%n", b.lower(), b.upper(), b.count(),
            f3(b.meanProbability()), f3(b.hitRate()));
      }
    }
    out.println("n80: forecasts that gave an 80% interval, the ones cov80 is over (n: every forecast, one per key "
        + "result).");
    out.println("width: over the n80 whose key result has a baseline apart from its target, in progress points.");
    out.println("misses/hits: share of misses (hits) flagged at-risk or off-track at that origin.");
  }

  /**
   * Where the key results of {@code r} were forecast, for the text's "forecast at:" line; null where there is nothing
   * to say (results at the end, none compared, no key result without a result scored against its last check-in:
   * {@link BacktestReport#keyResultsFromLastCheckIn}).
   */
  static String forecastAt(BacktestReport r) {
    ResultTimingEvidence e = r.evidence();
    String counts = e == null ? "" : String.format(Locale.ROOT, ": %,d of %,d compared", e.equal(), e.compared());
    String at = switch (r.resultTiming()) {
      case LAST_CHECK_IN -> "each key result's expected last check-in (results taken at the last check-in" + counts
          + ")";
      case DETECT -> "the expected last check-in for some cycles, the end for others, as the results of the cycles "
          + "ended before each were taken";
      case END -> e == null || e.compared() == 0 ? null : "the cycle's end (results measured at the end" + counts
          + " equal their last check-in)";
    };
    // only where there were some (--outcome-from-last-check-in on key results without a result): a run of key
    // results that all have one says nothing of those without
    long without = r.keyResultsFromLastCheckIn();
    if (without > 0) {
      String none = String.format(Locale.ROOT, "the %,d key result%s without a result at %s expected last check-in, "
          + "which %s scored against", without, without == 1 ? "" : "s", without == 1 ? "its" : "their",
          without == 1 ? "it is" : "they are");
      at = at == null ? none : at + "; " + none;
    }
    return at;
  }

  /**
   * A score to three decimals, "-" where absent; from 100,000 in three significant digits ("3.75e+23"), so that a
   * landing error of a key result run far past its target (progress is bounded by 1e6, a mean of them is not
   * rounded) keeps its column: it printed 3.75e23 in 28 digits.
   */
  static String f3(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, Math.abs(v) >= 1e5 ? "%.2e" : "%.3f", v);
  }

  /** The backtest as JSON ({@code okr-backtest/1}). */
  static String json(BacktestReport r) {
    return BacktestJson.write(r);
  }
}
