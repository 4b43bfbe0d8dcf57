package org.okrengine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --help} of the Spark jobs prints no picocli warning and no raw format specifier (a bare {@code %} in a help
 * text must be written {@code %%}). Run in a new JVM: picocli warns on the standard error it found when loaded.
 */
class JobHelpTest {
  @Test
  void help_everyJob_noWarningNoRawFormatSpecifier(@TempDir Path dir) throws Exception {
    for (Class<?> job : List.of(BacktestJob.class, RetroJob.class)) {
      Path out = dir.resolve(job.getSimpleName() + ".out");
      Path err = dir.resolve(job.getSimpleName() + ".err");
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          System.getProperty("java.class.path"), job.getName(), "--help")
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertThat(p.waitFor()).as(job.getSimpleName()).isZero();
      assertThat(Files.readString(err, StandardCharsets.UTF_8)).as(job.getSimpleName()).isEmpty();
      assertThat(Files.readString(out, StandardCharsets.UTF_8)).as(job.getSimpleName())
          .startsWith("Usage: " + job.getSimpleName()).doesNotContainPattern("%[a-zA-Z%]");
    }
    assertThat(Files.readString(dir.resolve("BacktestJob.out")).replaceAll("\\s+", " "))
        .contains("instead of at 25/50/75%");
  }
}
