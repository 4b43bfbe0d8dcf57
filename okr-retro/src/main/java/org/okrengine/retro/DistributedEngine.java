package org.okrengine.retro;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.okrengine.forecast.Backtest;
import org.okrengine.forecast.BacktestReport;

/**
 * A service provider interface: an engine that runs a backtest or a retrospective somewhere else than this process,
 * for example on Apache Spark (okr-spark provides {@code spark}; the okr command chooses one with
 * {@code --engine NAME} and finds it with {@link java.util.ServiceLoader}, so neither the command nor this library
 * depends on any engine, and an engine depends on the library only).
 *
 * <p>An engine must answer exactly what {@link Backtest#run} and {@link Retrospective#run} answer in this process for
 * the valid cycles of the same files, honouring every setting of the backtest or retrospective it is given. The
 * accumulators carry their settings in their bytes ({@link Backtest.Accumulator#fromBytes},
 * {@link Retrospective.Accumulator#fromBytes}), so an engine ships an empty accumulator's bytes to its workers and
 * needs nothing else. Walk-forward backtests ({@link Backtest#runWalkForward}) and per-forecast rows are
 * single-machine work: no engine runs them.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor ({@code ServiceLoader}).
 */
public interface DistributedEngine {
  /** The engine's name, as given to {@code --engine} (for example {@code spark}). */
  String name();

  /**
   * The backtest of the JSON Lines {@code files}, run on {@code master}.
   *
   * @param master where to run, in the engine's terms (for Spark a master URL such as {@code local[*]})
   * @param backtest every setting: origins, methods, and the forecaster's model and stale days
   * @param everyReject list every problem of every rejected line, however many; otherwise the engine may list only
   *     the first ones, with a last line counting the rest
   */
  Run<BacktestReport> backtest(String master, List<Path> files, Backtest backtest, boolean everyReject);

  /**
   * The retrospective of the JSON Lines {@code files}, run on {@code master}.
   *
   * @param retro every setting: groupings, score from the last check-in, and the forecaster of the replay (or none)
   * @param everyReject as for {@link #backtest}
   */
  Run<RetroReport> retro(String master, List<Path> files, Retrospective retro, boolean everyReject);

  /**
   * The sentence both engines use for skipped lines: {@code skipped 1 bad line of 2,731} (counts with thousands
   * separators, "line" singular for one).
   *
   * @param rejected lines rejected
   * @param lines non-blank lines read, the rejected ones included
   */
  static String skipped(long rejected, long lines) {
    return String.format(Locale.ROOT, "skipped %,d bad %s of %,d", rejected, rejected == 1 ? "line" : "lines", lines);
  }

  /**
   * What a run gives. Immutable and thread-safe when its report is.
   *
   * @param report the report of the valid cycles; null when the input could not be read (a file missing or not JSON
   *     Lines), and {@code problems} say why
   * @param problems with a report, the problems of the rejected lines ({@code file:line: path: message}, in the
   *     order of the files and of the lines); without one, why there is none
   * @param lines non-blank lines read
   * @param rejectedLines lines rejected, at most {@code lines}
   * @param warnings the warnings of the lines read ({@code file:line: warning: path: message}, in the order of the
   *     files and of the lines), as the okr command prints them: the first ones, with a last line counting the rest
   *     ({@code ... and 7 more warnings})
   */
  record Run<R>(R report, List<String> problems, long lines, long rejectedLines, List<String> warnings) {
    /** A run without warnings. */
    public Run(R report, List<String> problems, long lines, long rejectedLines) {
      this(report, problems, lines, rejectedLines, List.of());
    }

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when there is neither a report nor a problem, or {@code rejectedLines} is not
     *     within [0, lines]
     */
    public Run {
      problems = List.copyOf(problems);
      warnings = List.copyOf(warnings);
      if (report == null && problems.isEmpty()) {
        throw new IllegalArgumentException("a run without problems must have a report");
      }
      if (!(rejectedLines >= 0 && rejectedLines <= lines)) {
        throw new IllegalArgumentException("rejectedLines must be within [0, lines = " + lines + "]: "
            + rejectedLines);
      }
    }
  }
}
