package org.okrengine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A progress bar on standard error, only on a terminal and only for runs of 500 cycles or more. */
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
    this.show = System.console() != null && total >= 500;
  }

  /** A bar for reading {@code files}, whose cycles are counted first only on a terminal. */
  static ProgressBar forFiles(PrintWriter err, String label, List<Path> files) {
    return new ProgressBar(err, label, System.console() != null ? countCycles(files) : 0);
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
