package org.okrengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.okrengine.execution.ExecutionEngine;
import org.okrengine.model.InvalidCycleException;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Problem;
import org.okrengine.model.json.CycleJson;
import org.okrengine.model.json.JsonLine;
import org.okrengine.model.json.ParsedCycle;

/** Reads the cycles of the files on the command line, streaming JSON Lines, and collects every problem. */
final class Inputs {
  /**
   * The instant a command analyses: the start of {@code asOf} in the cycle's zone, or the engine's default (now, within
   * the cycle) without one; exit 2 naming --as-of, the cycle and the window when the cycle cannot be analysed then.
   */
  static Instant analysedInstant(OkrCycle cycle, LocalDate asOf) {
    Instant at = asOf != null ? cycle.cycle().instantOf(asOf) : ExecutionEngine.defaultAsOf(cycle, Clock.systemUTC());
    try {
      cycle.cycle().requireAnalysable(at);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(List.of("--as-of: " + asOf + ": cycle " + cycle.cycle().id() + ": "
          + e.getMessage()));
    }
    return at;
  }

  /** At most this many warnings are kept; the rest are counted. */
  static final int MAX_WARNINGS = 20;

  private final List<String> problems = new ArrayList<>();
  private final List<String> fileProblems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private long warningCount;
  private long lines;
  private long rejected;
  private long cycles;
  private String current;
  private long currentLine;

  private void warn(String where, Problem p) {
    warningCount++;
    if (warnings.size() < MAX_WARNINGS) {
      warnings.add(ConsoleText.printable(where + ": warning: " + p));
    }
  }

  /** Whether {@code file} is read as JSON Lines (by its extension). */
  static boolean isJsonLines(Path file) {
    String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".jsonl") || n.endsWith(".ndjson");
  }

  /**
   * Feeds every valid cycle of {@code files} to {@code sink}; problems are kept for {@link #problems()}. A document
   * (a non-blank line of JSON Lines, or a whole other file) whose problems are kept is rejected and not fed.
   */
  void read(List<Path> files, Consumer<OkrCycle> sink) {
    CycleJson json = CycleJson.withDefaults();
    for (Path given : files) {
      String name = given.toString();
      current = name;
      currentLine = 0;
      Path file;
      try {
        file = StandardInput.isStream(given) ? StandardInput.spooled(given) : given;
      } catch (IOException | java.io.UncheckedIOException e) {
        fileProblem(name + ": cannot read: " + e.getMessage());
        continue;
      }
      if (Files.isDirectory(file)) {
        // there, but not a file of cycles (it read "no such file")
        fileProblem(name + ": is a directory; give the files in it (" + given.resolve("*.jsonl") + ")");
        continue;
      }
      if (!Files.isRegularFile(file)) {
        fileProblem(name + ": no such file");
        continue;
      }
      try {
        if (isJsonLines(file)) {
          try (Stream<JsonLine> stream = json.lines(file)) {
            stream.forEach(l -> {
              lines++;
              for (Problem p : l.warnings()) {
                warn(name + ":" + l.lineNumber(), p);
              }
              if (l.isValid()) {
                currentLine = l.lineNumber();
                accept(sink, l.cycle());
              } else {
                rejected++;
                for (Problem p : l.errors()) {
                  problems.add(ConsoleText.problem(name, l.lineNumber(), p));
                }
              }
            });
          }
        } else {
          ParsedCycle parsed;
          try {
            parsed = json.read(file);
          } catch (InvalidCycleException e) {
            lines++;
            rejected++;
            for (Problem p : e.problems()) {
              problems.add(ConsoleText.problem(name, 0, p));
            }
            continue;
          }
          lines++;
          for (Problem p : parsed.warnings()) {
            warn(name, p);
          }
          accept(sink, parsed.cycle());
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        fileProblem(name + ": cannot read: " + e.getMessage());
      }
    }
  }

  /**
   * Feeds one cycle. Its dependency graph is checked as it is loaded, whatever the command, so that a dependency
   * cycle (or a cycle the analysis rejects later) is a problem of its file and line.
   */
  private void accept(Consumer<OkrCycle> sink, OkrCycle cycle) {
    try {
      if (!cycle.dependencies().isEmpty()) {
        org.okrengine.deps.DependencyGraph.of(cycle);
      }
      sink.accept(cycle);
      cycles++;
    } catch (InvalidCycleException e) {
      rejected++;
      for (Problem p : e.problems()) {
        problems.add(ConsoleText.problem(current, currentLine, p));
      }
    }
  }

  private void fileProblem(String problem) {
    problems.add(problem);
    fileProblems.add(problem);
  }

  /**
   * Feeds every valid cycle of {@code files} to {@code sink} under a progress bar labelled {@code label}, then prints
   * the warnings on {@code err}. A file that is missing or unreadable is a {@link BadInputException} listing every
   * problem; the rejected documents are then handled by {@code rejects} (bad input without {@code --rejects}, listed
   * in its file with it).
   */
  void readAll(List<Path> files, Consumer<OkrCycle> sink, PrintWriter err, String label, RejectsOption rejects) {
    ProgressBar progress = ProgressBar.forFiles(err, label, files);
    read(files, c -> {
      sink.accept(c);
      progress.tick();
    });
    progress.done();
    warnings().forEach(err::println);
    err.flush();
    if (!fileProblems.isEmpty()) {
      throw new BadInputException(errors(rejects));
    }
    rejects.handle(problems, rejected, lines, err);
  }

  /** The warnings kept, and a line counting the rest when there were more than {@link #MAX_WARNINGS}. */
  List<String> warnings() {
    List<String> out = new ArrayList<>(warnings);
    if (warningCount > warnings.size()) {
      out.add("... and " + (warningCount - warnings.size()) + " more warnings");
    }
    return out;
  }

  /**
   * The problems that make a run of these inputs fail, as {@link #readAll} reports them: with {@code --rejects} the
   * files missing or unreadable (a rejected document is listed in its file), without it every problem.
   */
  List<String> errors(RejectsOption rejects) {
    return rejects.given() ? fileProblems : problems;
  }

  /** Every problem, in the order found: of the rejected documents, and of the files missing or unreadable. */
  List<String> problems() {
    return problems;
  }

  /** Documents read: non-blank lines of JSON Lines, and other files that could be read. */
  long lines() {
    return lines;
  }

  /** Documents rejected (their problems are in {@link #problems()}). */
  long rejected() {
    return rejected;
  }

  /** Cycles fed to the sink. */
  long cycles() {
    return cycles;
  }
}
