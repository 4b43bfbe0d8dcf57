package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the progress bar shows (library issue, item 4: when standard error is a terminal, whatever stdout is). */
class ProgressBarTest {
  @Test
  void isTerminal_byWhatTheDescriptorLinksTo(@TempDir Path dir) throws IOException {
    Path pts = Files.createSymbolicLink(dir.resolve("2"), Path.of("/dev/pts/3"));
    Path tty = Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1"));
    Path file = Files.createSymbolicLink(dir.resolve("file"), dir.resolve("out.log"));
    Path pipe = Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[12345]"));
    assertThat(ProgressBar.isTerminal(pts, false)).isTrue();
    assertThat(ProgressBar.isTerminal(tty, false)).isTrue();
    assertThat(ProgressBar.isTerminal(file, true)).isFalse();
    assertThat(ProgressBar.isTerminal(pipe, true)).isFalse();
    // no such link (no /proc): what Java knows
    assertThat(ProgressBar.isTerminal(dir.resolve("missing"), true)).isTrue();
    assertThat(ProgressBar.isTerminal(dir.resolve("missing"), false)).isFalse();
  }
}
