package org.okrengine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.okrengine.forecast.Backtest;
import org.okrengine.forecast.BacktestReport;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.retro.RetroReport;
import org.okrengine.retro.Retrospective;

/**
 * An engine that runs {@code okr backtest} and {@code okr retro} somewhere else than this process, chosen with
 * {@code --engine NAME}: okr-spark provides {@code spark}. Found with {@link ServiceLoader}, so okr-cli does not
 * depend on any engine: an engine is there when its module (and what it needs, such as Spark) is on the class path.
 * An engine must answer exactly what the command computes in this process.
 */
public interface DistributedEngine {
  /** The name given to {@code --engine}. */
  String name();

  /**
   * The backtest of the JSON Lines {@code files}, run on {@code master}.
   *
   * @param backtest the origins and methods (the default forecaster's settings)
   * @param model the forecast model ({@code --model}), or null for the library's
   * @param everyReject list every problem of every rejected line ({@code --rejects}), however many; otherwise the
   *     engine may list only the first ones, with a last line counting the rest
   */
  Run<BacktestReport> backtest(String master, List<Path> files, Backtest backtest, ForecastModel model,
      boolean everyReject);

  /**
   * The retrospective of the JSON Lines {@code files}, run on {@code master}.
   *
   * @param retro the groupings and whether forecasts are replayed
   * @param model the forecast model of the replay ({@code --model}), or null for the library's
   * @param everyReject as for {@link #backtest}
   */
  Run<RetroReport> retro(String master, List<Path> files, Retrospective retro, ForecastModel model,
      boolean everyReject);

  /**
   * What a run gives. Immutable.
   *
   * @param report the report of the valid cycles; null when the input could not be read (a file missing or not JSON
   *     Lines), and {@code problems} say why
   * @param problems with a report, the problems of the rejected lines ({@code file:line: path: message}, in the
   *     order of the command line and of the lines); without one, why there is none
   * @param lines non-blank lines read
   * @param rejectedLines lines rejected, at most {@code lines}
   */
  record Run<R>(R report, List<String> problems, long lines, long rejectedLines) {
    /** Validates and copies. */
    public Run {
      problems = List.copyOf(problems);
      if (report == null && problems.isEmpty()) {
        throw new IllegalArgumentException("a run without problems must have a report");
      }
      if (!(rejectedLines >= 0 && rejectedLines <= lines)) {
        throw new IllegalArgumentException("rejectedLines must be within [0, lines = " + lines + "]: "
            + rejectedLines);
      }
    }
  }

  /**
   * The engine for {@code --engine name}, or null for {@code local} (this process).
   *
   * @throws BadInputException when the name is unknown, or the engine is not on the class path
   */
  static DistributedEngine named(String name, String command) {
    if (name.equals("local")) {
      return null;
    }
    if (!name.equals("spark")) {
      throw new BadInputException(List.of("--engine: must be local or spark: '" + name + "'"));
    }
    for (DistributedEngine e : ServiceLoader.load(DistributedEngine.class)) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new BadInputException(List.of("--engine spark needs okr-spark and Spark on the class path, which ./okr "
        + "does not have: run okr-spark/run " + command + " --engine spark [--master local[*]] FILE... instead "
        + "(see the README, section Spark)"));
  }
}
