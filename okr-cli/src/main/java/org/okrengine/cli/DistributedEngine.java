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
   */
  Run<BacktestReport> backtest(String master, List<Path> files, Backtest backtest, ForecastModel model);

  /**
   * The retrospective of the JSON Lines {@code files}, run on {@code master}.
   *
   * @param retro the groupings and whether forecasts are replayed
   * @param model the forecast model of the replay ({@code --model}), or null for the library's
   */
  Run<RetroReport> retro(String master, List<Path> files, Retrospective retro, ForecastModel model);

  /**
   * What a run gives.
   *
   * @param report the report of the valid cycles; null only when there are problems
   * @param problems every problem of the rejected lines ({@code file:line: problem}), the command's bad input
   */
  record Run<R>(R report, List<String> problems) {
    /** Validates and copies. */
    public Run {
      problems = List.copyOf(problems);
      if (report == null && problems.isEmpty()) {
        throw new IllegalArgumentException("a run without problems must have a report");
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
