package org.okrengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.forecast.ResultTiming;
import org.okrengine.forecast.ResultTimingEvidence;
import org.okrengine.model.OkrCycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code okr fit}: learns the forecast model from an organisation's history and writes it as a file. */
@Command(name = "fit", mixinStandardHelpOptions = true,
    footer = {"", "Examples:",
        "  okr fit examples/acme-2026-q2.json --out model.json",
        "  okr analyze examples/acme-2026-q3.json --as-of 2026-08-19 --model model.json"},
    description = "Fit the forecast model to your own history (cycles whose key results have result.finalValue) and "
        + "write it as an okr-forecast-model/1 file for --model. The fitted parameters are shrunk toward the model "
        + "refitted (the library's, or --based-on) the less history there is; with fewer than 20 scored key results "
        + "that model is written as it is, with a warning. The file holds numbers and a summary of the history, never "
        + "its text.")
final class FitCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "HISTORY",
      description = "okr-cycle/1 files (.json) or JSON Lines (.jsonl) of earlier cycles")
  List<Path> files;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "where to write the model (replaced whole if it exists)")
  Path out;

  @Option(names = "--based-on", paramLabel = "MODEL.json",
      description = "refit this model instead of the library's (okr-default-2)")
  Path basedOn;

  @Option(names = "--name", paramLabel = "NAME",
      description = "the model's name in reports (default: the refitted model's name with +fit)")
  String name;

  @Option(names = "--outcome-from-last-check-in",
      description = "take a key result without result.finalValue to have ended at its last check-in (a history "
          + "exported from an OKR tool, where the last check-in is the result); without it, only key results with a "
          + "result are fitted on. Not for a cycle still running: its latest check-in is no outcome yet")
  boolean outcomeFromLastCheckIn;

  @Option(names = "--pooled",
      description = "fit on this history alone, shrunk toward no other model (how the library's model was made; "
          + "needs --name and at least 20 scored key results)")
  boolean pooled;

  @Mixin
  RejectsOption rejects;

  @Override
  public Integer call() {
    List<String> bad = new ArrayList<>(AtomicFile.problems("--out", out, files));
    // the rejects list is written once the history is read: never over the model refitted, nor where --out writes
    bad.addAll(rejects.problems(OutOption.inputs(files, basedOn)));
    if (rejects.file != null && AtomicFile.sameFile(out, rejects.file)) {
      bad.add("--out: " + out + ": is also --rejects, which it would overwrite");
    }
    if (name != null && !validName(name)) {
      // the rule ForecastModel's names keep; the value cut at 80 characters, as the model reader cuts it
      String shown = name.codePointCount(0, name.length()) > 80
          ? name.substring(0, name.offsetByCodePoints(0, 80)) + "..." : name;
      bad.add("--name: must be 1 to 200 characters without control, format or separator characters: '"
          + ConsoleText.printable(shown) + "'");
    }
    if (pooled && basedOn != null) {
      bad.add("--pooled: fits this history alone, so it takes no --based-on");
    }
    if (pooled && name == null) {
      bad.add("--pooled: give the model a --name (a pooled model refits no other model to take its name from)");
    }
    if (!bad.isEmpty()) {
      throw new BadInputException(bad);
    }
    ForecastModel base = basedOn == null ? ForecastModel.defaults() : ModelOption.read(basedOn);
    List<OkrCycle> history = new ArrayList<>();
    PrintWriter err = spec.commandLine().getErr();
    int[] withoutResult = {0};
    new Inputs().readAll(files, c -> {
      withoutResult[0] += BacktestCommand.withoutResult(c);
      history.add(outcomeFromLastCheckIn ? c.withOutcomesFromLastCheckIns() : c);
    }, err, "fit", rejects);
    if (!outcomeFromLastCheckIn) {
      BacktestCommand.noteWithoutResult(err, withoutResult[0], "left out of the fit");
    }

    ForecastModel model;
    String how;
    if (pooled) {
      try {
        model = ForecastModel.fitPooled(name, history);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(List.of("--pooled: " + e.getMessage()));
      }
      how = "pooled, shrunk toward no other model";
    } else {
      model = base.fit(history);
      how = "shrunk toward " + base.name();
      if (name != null) {
        model = model.withName(name);
      }
    }
    try {
      AtomicFile.write(out, model.toJson());
    } catch (IOException e) {
      throw new BadInputException(List.of("--out: " + out + ": cannot write: " + e.getMessage()));
    }
    PrintWriter stdout = spec.commandLine().getOut();
    // a model kept as it was (too little history) keeps its summary; a fit writes its own (a fit may warn too)
    boolean fitted = pooled || !java.util.Objects.equals(model.fittedOn(), base.fittedOn());
    stdout.println(summary(model, fitted, how) + timing(model, fitted, history,
        outcomeFromLastCheckIn ? withoutResult[0] : 0) + "; wrote " + out);
    stdout.flush();
    for (String w : model.warnings()) {
      err.println("warning: " + ConsoleText.printable(w));
    }
    err.flush();
    return Okr.OK;
  }

  /**
   * The one-line summary: name, key results, cycles and weight of history (two decimals, 0.00 for a model kept as it
   * was); or that the model was kept.
   */
  static String summary(ForecastModel model, boolean fitted, String how) {
    ForecastModel.FitSummary s = model.fittedOn();
    if (!fitted || s == null) {
      return ConsoleText.printable(model.name()) + ": not refitted, weight of history 0.00 (too little history: see the "
          + "warning)";
    }
    return String.format(Locale.ROOT, "%s: fitted on %s of %s, weight of history %.2f (%s), at risk below %s",
        ConsoleText.printable(model.name()), count(s.keyResults(), "key result"), count(s.cycles(), "cycle"),
        s.weightOfHistory(), ConsoleText.printable(how), model.atRiskBelow());
  }

  /**
   * What the summary adds where the fitted model forecasts at the last check-in ({@link ForecastModel#resultTiming}):
   * the history's evidence ({@link ResultTimingEvidence}), and how many of its key results without a result took
   * their last check-in as their outcome ({@code filled}, with {@code --outcome-from-last-check-in}: those equal it by
   * construction); nothing for a model that forecasts at the end.
   */
  static String timing(ForecastModel model, boolean fitted, List<OkrCycle> history, int filled) {
    if (model.resultTiming() != ResultTiming.LAST_CHECK_IN) {
      return "";
    }
    String then = ": okr analyze and okr retro with it forecast each key result at its expected last check-in";
    if (!fitted) {
      return "; its history's results were its last check-ins" + then;
    }
    ResultTimingEvidence e = ResultTimingEvidence.of(history);
    if (!e.tells()) {
      // too few compared to tell: the timing is the refitted model's (ForecastModel.fit), not this history's
      return String.format(Locale.ROOT, "; too few of this history's key results to tell when its results were "
          + "taken (%,d of %,d compared equal their last check-in, at least %d needed), so it keeps the refitted "
          + "model's: its history's results were its last check-ins", e.equal(), e.compared(),
          ResultTimingEvidence.MIN_COMPARED) + then;
    }
    String taken = filled == 0 ? "" : String.format(Locale.ROOT, "; %,d key result%s without a result took %s last "
        + "check-in as %s result, --outcome-from-last-check-in", filled, filled == 1 ? "" : "s",
        filled == 1 ? "its" : "their", filled == 1 ? "its" : "their");
    return String.format(Locale.ROOT, "; this history's results were its last check-ins (%,d of %,d compared equal "
        + "them%s)", e.equal(), e.compared(), taken) + then;
  }

  /** {@code n} with thousands separators, as other counts are written ("2,730 key results"), and {@code what}. */
  private static String count(int n, String what) {
    return String.format(Locale.ROOT, "%,d", n) + " " + what + (n == 1 ? "" : "s");
  }

  private static boolean validName(String name) {
    try {
      ForecastModel.defaults().withName(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
