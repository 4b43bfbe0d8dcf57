package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --help} of {@code okr} and of every subcommand prints no picocli warning and no raw format specifier (help
 * texts go through {@code String.format}, so a bare {@code %} must be written {@code %%}), and ends with examples.
 */
class HelpTest {
  /**
   * A format specifier left as it was ({@code %n}, {@code %s}, {@code %%}): picocli shows the raw text when a
   * description does not format. A percent sign followed by a space or punctuation is text ({@code 25%, 50%}).
   */
  static final String RAW_SPECIFIER = "%[a-zA-Z%]";

  /**
   * Runs {@code args} in a new JVM: picocli warns on the standard error it found when its classes were loaded, which
   * no test in this JVM can capture.
   */
  static OkrTest.Run runInNewJvm(Path dir, String mainClass, List<String> args) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int code = p.waitFor();
    return new OkrTest.Run(code, Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Every command path under {@code cl}: {@code []}, {@code [analyze]}, ... */
  static List<List<String>> commands(CommandLine cl, List<String> prefix) {
    List<List<String>> out = new ArrayList<>();
    out.add(prefix);
    for (var e : cl.getSubcommands().entrySet()) {
      List<String> sub = new ArrayList<>(prefix);
      sub.add(e.getKey());
      out.addAll(commands(e.getValue(), sub));
    }
    return out;
  }

  @Test
  void help_rootAndEverySubcommand_noWarningNoRawFormatSpecifier(@TempDir Path dir) throws Exception {
    List<List<String>> commands = commands(new CommandLine(new Okr()), List.of());
    assertThat(commands).contains(List.of(), List.of("backtest"), List.of("retro"), List.of("fit"))
        .hasSizeGreaterThanOrEqualTo(7);
    for (List<String> c : commands) {
      List<String> args = new ArrayList<>(c);
      args.add("--help");
      OkrTest.Run r = runInNewJvm(dir, Okr.class.getName(), args);
      assertThat(r.code()).as("%s", args).isZero();
      assertThat(r.err()).as("%s", args).isEmpty();
      // picocli's help command says what it is before its usage
      assertThat(r.out()).as("%s", args).startsWith(args.get(0).equals("help") ? "Display help information"
          : "Usage: okr").contains("Usage: okr").doesNotContainPattern(RAW_SPECIFIER)
          // examples of its use last (HelpExamplesTest runs them)
          .containsPattern("\\nExamples:\\n  \\S");
    }
    // the percentages of backtest's help are shown as percentages
    OkrTest.Run backtest = runInNewJvm(dir, Okr.class.getName(), List.of("backtest", "--help"));
    assertThat(backtest.out().replaceAll("\\s+", " ")).contains("forecast at 25%, 50% and 75% of each cycle")
        .contains("80% interval coverage").contains("instead of 25/50/75%");
  }

  @Test
  void rawSpecifier_matchesWhatAnUnformattedHelpShows() {
    assertThat("instead of 25/50/75%%").containsPattern(RAW_SPECIFIER);
    assertThat("a line%nbreak").containsPattern(RAW_SPECIFIER);
    assertThat("at 25%, 50% and the 80% interval (75%)").doesNotContainPattern(RAW_SPECIFIER);
  }
}
