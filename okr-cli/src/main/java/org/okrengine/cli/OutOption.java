package org.okrengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --out FILE} of the commands that write one document ({@code backtest}, {@code retro}, {@code graph},
 * {@code explain}, {@code whatif}, {@code completion}), as {@code analyze}, {@code plan} and {@code fit} have it:
 * the bytes standard output would get, written to FILE whole or not at all ({@link AtomicFile}) once the command has
 * succeeded, then {@code wrote FILE} on standard output. FILE is never one of the command's inputs nor one of its
 * other output files (exit code 2 naming {@code --out}). Not thread-safe (a picocli mixin).
 */
final class OutOption {
  @Option(names = "--out", paramLabel = "FILE",
      description = "write the output to FILE (UTF-8, replaced if it exists) instead of standard output; never one of "
          + "the inputs")
  Path file;

  private StringWriter buffer;

  /** {@code files} and the other files a command reads ({@code more}; null ones skipped): what FILE must not be. */
  static List<Path> inputs(List<Path> files, Path... more) {
    List<Path> out = new ArrayList<>(files);
    for (Path p : more) {
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * The problems of {@code --out} (empty when none or not given): a folder there, no folder to hold it, one of
   * {@code inputs} (which it would overwrite), or the file of another output option ({@code others}: option name,
   * then its file, in pairs; a null file is skipped).
   */
  List<String> problems(List<Path> inputs, Object... others) {
    List<String> out = new ArrayList<>();
    if (file == null) {
      return out;
    }
    out.addAll(AtomicFile.problems("--out", file, inputs));
    for (int i = 0; i + 1 < others.length; i += 2) {
      if (others[i + 1] instanceof Path p && AtomicFile.sameFile(p, file)) {
        out.add("--out: " + file + ": is also " + others[i] + ", which it would overwrite");
      }
    }
    return out;
  }

  /** Where the command prints its document: standard output, or with {@code --out} a buffer for {@link #finish}. */
  PrintWriter writer(CommandSpec spec) {
    if (file == null) {
      return spec.commandLine().getOut();
    }
    if (buffer == null) {
      buffer = new StringWriter();
    }
    return new PrintWriter(buffer);
  }

  /**
   * With {@code --out}: writes what {@link #writer} was given to FILE, whole or not at all, and says so on standard
   * output; nothing without it.
   *
   * @throws BadInputException naming {@code --out} when FILE cannot be written
   */
  void finish(CommandSpec spec) {
    if (file == null) {
      return;
    }
    try {
      AtomicFile.write(file, buffer == null ? "" : buffer.toString());
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException(List.of("--out: " + file + ": cannot write: " + e.getMessage()));
    }
    spec.commandLine().getOut().println("wrote " + ConsoleText.printable(file.toString()));
    spec.commandLine().getOut().flush();
  }
}
