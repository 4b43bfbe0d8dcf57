package org.okrengine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A progress bar on standard error, only when standard error is a terminal (whatever standard output is: a report
 * piped to a file still shows its progress) and only for runs of 500 cycles or more.
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final String label;
  private final long total;
  private final boolean show;
  private long count;

  ProgressBar(PrintWriter err, String label, long total) {
    this.err = err;
    this.label = label;
    this.total = total;
    this.show = ERR_IS_TERMINAL && total >= 500;
  }

  /** A bar for reading {@code files}, whose cycles are counted first only on a terminal. */
  static ProgressBar forFiles(PrintWriter err, String label, List<Path> files) {
    return new ProgressBar(err, label, ERR_IS_TERMINAL ? countCycles(files) : 0);
  }

  /** Whether standard error is a terminal, decided once. */
  static final boolean ERR_IS_TERMINAL = isTerminal(Path.of("/proc/self/fd/2"), System.console() != null);

  /**
   * Whether the file descriptor at {@code fd} (a /proc link) is a terminal: it links to a terminal device
   * (/dev/pts/N, /dev/ttyN, /dev/console). Where /proc is missing (not Linux), {@code fallback}: Java 17 only knows
   * whether standard input and output are both terminals.
   */
  static boolean isTerminal(Path fd, boolean fallback) {
    try {
      String target = Files.readSymbolicLink(fd).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return fallback;
    }
  }

  /** Cycles in {@code files} (lines of JSON Lines, one per other file), for the progress bar; 0 when unknown. */
  static long countCycles(List<Path> files) {
    long n = 0;
    byte[] buf = new byte[1 << 16];
    for (Path f : files) {
      if (!Inputs.isJsonLines(f)) {
        n++;
        continue;
      }
      try (InputStream in = Files.newInputStream(f)) {
        for (int r = in.read(buf); r > 0; r = in.read(buf)) {
          for (int i = 0; i < r; i++) {
            n += buf[i] == '\n' ? 1 : 0;
          }
        }
      } catch (IOException e) {
        return 0; // reading reports the problem
      }
    }
    return n;
  }

  void tick() {
    count++;
    if (show && count % 250 == 0) {
      draw();
    }
  }

  private void draw() {
    long done = Math.min(count, total);
    int filled = (int) (WIDTH * done / total);
    err.print("\r" + label + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
        + done * 100 / total + "% " + count + "/" + total + " cycles");
    err.flush();
  }

  void done() {
    if (show) {
      draw();
      err.println();
      err.flush();
    }
  }
}
