package org.okrengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.okrengine.retro.DistributedEngine;
import picocli.CommandLine.Option;

/**
 * {@code --rejects FILE} of {@code backtest}, {@code retro}, {@code fit} and {@code plan} (its history): lines that
 * fail validation are skipped and listed in FILE instead of stopping the command. Without it, a bad line is bad input
 * (exit code 2, every problem listed). A file that is missing or unreadable is bad input either way. Not thread-safe
 * (a picocli mixin).
 */
public final class RejectsOption {
  @Option(names = "--rejects", paramLabel = "FILE",
      description = "skip the lines that fail validation, list every problem of them in FILE, one a line as "
          + "INPUT:LINE: path: message (as errors are shown; FILE is written whole, empty when there are none), and "
          + "print their count on standard error; a .json input counts as one line. Without it, a bad line is exit "
          + "code 2")
  Path file;

  /**
   * The sentence both engines print for skipped lines: {@code skipped 1 bad line of 2,731} (counts with thousands
   * separators, "line" singular for one).
   *
   * @param rejected lines rejected
   * @param lines non-blank lines read, the rejected ones included
   */
  public static String skipped(long rejected, long lines) {
    return DistributedEngine.skipped(rejected, lines);
  }

  /** Whether {@code --rejects} was given. */
  boolean given() {
    return file != null;
  }

  /**
   * The problems of {@code --rejects} itself (empty when none or not given): a folder there, no folder to hold it, or
   * one of the command's {@code inputs} (which it would overwrite): its cycles, and any model it reads
   * ({@code --model}, {@code --based-on}).
   */
  List<String> problems(List<Path> inputs) {
    List<String> out = new ArrayList<>();
    if (file == null) {
      return out;
    }
    out.addAll(AtomicFile.problems("--rejects", file));
    for (Path in : inputs) {
      if (AtomicFile.sameFile(in, file)) {
        out.add("--rejects: " + file + ": is one of the inputs, which it would overwrite");
        break;
      }
    }
    return out;
  }

  /**
   * What the command does with the rejected lines once the input is read: without {@code --rejects}, throws a
   * {@link BadInputException} listing {@code problems} when there are any; with it, writes them to FILE (whole or
   * not at all) and, when there are any, prints {@code okr: skipped R bad lines of N (listed in FILE)} on {@code err}.
   *
   * @param problems every problem of the rejected lines, {@code FILE:LINE: path: message}
   * @param rejected lines rejected
   * @param lines non-blank lines read
   */
  void handle(List<String> problems, long rejected, long lines, PrintWriter err) {
    if (file == null) {
      if (!problems.isEmpty()) {
        throw new BadInputException(problems);
      }
      return;
    }
    StringBuilder text = new StringBuilder();
    for (String p : problems) {
      text.append(ConsoleText.printable(p)).append('\n');
    }
    try {
      AtomicFile.write(file, text.toString());
    } catch (IOException e) {
      throw new BadInputException(List.of("--rejects: " + file + ": cannot write: " + e.getMessage()));
    }
    if (rejected > 0) {
      err.println("okr: " + skipped(rejected, lines) + " (listed in " + file + ")");
      err.flush();
    }
  }

  /**
   * The report of a run on another engine: exit code 2 when the input could not be read; otherwise its warnings on
   * {@code err}, then its rejected lines as {@link #handle} treats them.
   */
  <R> R reportOf(DistributedEngine.Run<R> run, PrintWriter err) {
    if (run.report() == null) {
      throw new BadInputException(run.problems());
    }
    // before the rejects, as the okr command prints the warnings of what it read
    for (String w : run.warnings()) {
      err.println(ConsoleText.printable(w));
    }
    err.flush();
    handle(run.problems(), run.rejectedLines(), run.lines(), err);
    return run.report();
  }
}
