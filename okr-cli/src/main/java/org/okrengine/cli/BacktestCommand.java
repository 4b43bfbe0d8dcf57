package org.okrengine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.okrengine.forecast.Backtest;
import org.okrengine.forecast.BacktestReport;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.forecast.MethodScore;
import org.okrengine.forecast.ReliabilityBin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code okr backtest}: replays historical cycles and scores every forecasting method. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = "Replay historical cycles (key results with result.finalValue), forecast at 25%, 50% and 75% of "
        + "each cycle from the check-ins before that point, and score every method: Brier, log loss, 80% interval "
        + "coverage and width, mean absolute error of landing progress, and risk detection.")
final class BacktestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "okr-cycle/1 files (.json) or JSON Lines (.jsonl)")
  List<Path> files;

  @Option(names = "--method", defaultValue = "all", paramLabel = "NAME|all",
      description = "a method (linear-pace, ols-trend, random-walk-drift, plan-prior-bayes, damped-trend) or all")
  String method;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "text or json")
  String format;

  @Option(names = "--weekly", description = "forecast weekly (1/13 .. 12/13 of each cycle) instead of 25/50/75%")
  boolean weekly;

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
        bad.add("--method: unknown method '" + method + "' (expected all, linear-pace, ols-trend, "
            + "random-walk-drift, plan-prior-bayes or damped-trend)");
      } else {
        bt = bt.withMethods(List.of(m.get()));
      }
    }
    if (!bad.isEmpty()) {
      throw new BadInputException(bad);
    }
    if (weekly) {
      bt = bt.withWeeklyOrigins();
    }
    Backtest.Accumulator acc = bt.newAccumulator();
    Inputs inputs = new Inputs();
    Progress progress = new Progress(spec.commandLine().getErr());
    inputs.read(files, c -> {
      acc.add(c);
      progress.tick();
    });
    progress.done();
    PrintWriter warn = spec.commandLine().getErr();
    inputs.warnings().forEach(warn::println);
    warn.flush();
    if (!inputs.problems().isEmpty()) {
      throw new BadInputException(inputs.problems());
    }
    BacktestReport report = acc.report();
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      out.print(json(report));
    } else {
      text(report, out);
    }
    out.flush();
    return Okr.OK;
  }

  static void text(BacktestReport r, PrintWriter out) {
    out.printf(Locale.ROOT, "%d cycles, %d key results with a final value%n", r.cycles(), r.keyResults());
    out.printf(Locale.ROOT, "%-18s %6s %7s %6s %8s %6s %6s %6s %7s %6s%n", "method", "origin", "n", "brier",
        "logLoss", "cov80", "width", "mae", "misses", "hits");
    for (MethodScore s : r.scores()) {
      out.printf(Locale.ROOT, "%-18s %5.0f%% %7d %6s %8s %6s %6s %6s %7s %6s%n", s.method().id(), s.origin() * 100,
          s.n(), f3(s.brier()), f3(s.logLoss()), f3(s.coverage80()), f3(s.width80()), f3(s.maeProgress()),
          f3(s.missesFlagged()), f3(s.hitsFlagged()));
    }
    out.printf(Locale.ROOT, "default method: %s; lowest Brier at the 50%% origin: %s%n", r.defaultMethod().id(),
        r.bestMethod() == null ? "-" : r.bestMethod().id());
    MethodScore mid = null;
    for (MethodScore s : r.scores()) {
      if (s.method() == r.defaultMethod()
          && (mid == null || Math.abs(s.origin() - 0.5) < Math.abs(mid.origin() - 0.5))) {
        mid = s;
      }
    }
    if (mid != null) {
      out.printf(Locale.ROOT, "reliability of %s at the %.0f%% origin (probability bin: count, mean P, hit rate):%n",
          mid.method().id(), mid.origin() * 100);
      for (ReliabilityBin b : mid.reliability()) {
        out.printf(Locale.ROOT, "  %.1f-%.1f: %6d  %6s  %6s%n", b.lower(), b.upper(), b.count(),
            f3(b.meanProbability()), f3(b.hitRate()));
      }
    }
    out.println("misses/hits: share of misses (hits) flagged at-risk or off-track at that origin.");
  }

  private static String f3(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** The backtest as JSON ({@code okr-backtest/1}). */
  static String json(BacktestReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\n  \"format\": \"okr-backtest/1\",\n");
    sb.append("  \"cycles\": ").append(r.cycles()).append(",\n");
    sb.append("  \"keyResults\": ").append(r.keyResults()).append(",\n");
    sb.append("  \"defaultMethod\": \"").append(r.defaultMethod().id()).append("\",\n");
    sb.append("  \"bestMethod\": ").append(r.bestMethod() == null ? "null" : "\"" + r.bestMethod().id() + "\"")
        .append(",\n");
    sb.append("  \"scores\": [");
    boolean first = true;
    for (MethodScore s : r.scores()) {
      sb.append(first ? "\n" : ",\n");
      first = false;
      sb.append("    {\"method\": \"").append(s.method().id()).append("\", \"origin\": ").append(num(s.origin()))
          .append(", \"n\": ").append(s.n())
          .append(", \"brier\": ").append(num(s.brier()))
          .append(", \"logLoss\": ").append(num(s.logLoss()))
          .append(", \"coverage80\": ").append(num(s.coverage80()))
          .append(", \"width80\": ").append(num(s.width80()))
          .append(", \"maeProgress\": ").append(num(s.maeProgress()))
          .append(", \"missesFlagged\": ").append(num(s.missesFlagged()))
          .append(", \"hitsFlagged\": ").append(num(s.hitsFlagged()))
          .append(", \"reliability\": [");
      boolean fb = true;
      for (ReliabilityBin b : s.reliability()) {
        sb.append(fb ? "" : ", ");
        fb = false;
        sb.append("{\"lower\": ").append(num(b.lower())).append(", \"upper\": ").append(num(b.upper()))
            .append(", \"count\": ").append(b.count()).append(", \"meanProbability\": ")
            .append(num(b.meanProbability())).append(", \"hitRate\": ").append(num(b.hitRate())).append('}');
      }
      sb.append("]}");
    }
    sb.append("\n  ]\n}\n");
    return sb.toString();
  }

  private static String num(Double v) {
    if (v == null || !Double.isFinite(v)) {
      return "null";
    }
    return Double.toString(v);
  }

  /** A progress line on standard error, only on a terminal. */
  static final class Progress {
    private final PrintWriter err;
    private final boolean tty = System.console() != null;
    private long count;

    Progress(PrintWriter err) {
      this.err = err;
    }

    void tick() {
      count++;
      if (tty && count % 500 == 0) {
        err.print("\rbacktest: " + count + " cycles");
        err.flush();
      }
    }

    void done() {
      if (tty && count >= 500) {
        err.println("\rbacktest: " + count + " cycles, done");
        err.flush();
      }
    }
  }
}
