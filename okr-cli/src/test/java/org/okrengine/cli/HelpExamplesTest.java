package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The library issue's item 4: every command's help ends with examples that run as written on the bundled example
 * (from the repository root), and every command that writes a document takes {@code --out FILE}: the bytes standard
 * output would get, written whole, never onto an input or another output of the command.
 */
class HelpExamplesTest {
  /**
   * The examples of {@code okr COMMAND --help}: the lines after "Examples:", without their indent, a line ending in a
   * backslash joined to the next as the shell does. Every line fits the help's 80 columns, so picocli never wraps one.
   */
  static List<String> examples(List<String> command) {
    List<String> args = new ArrayList<>(command);
    args.add("--help");
    OkrTest.Run r = OkrTest.run(args.toArray(String[]::new));
    assertThat(r.code()).as("%s", args).isZero();
    String out = r.out();
    int at = out.indexOf("\nExamples:\n");
    assertThat(at).as("%s has examples", args).isNotNegative();
    List<String> lines = new ArrayList<>();
    String pending = null;
    for (String line : out.substring(at + "\nExamples:\n".length()).split("\n")) {
      if (line.startsWith("  ") && !line.isBlank()) {
        assertThat(line.length()).as("%s: %s", args, line).isLessThanOrEqualTo(80);
        String l = pending == null ? line.strip() : pending + " " + line.strip();
        pending = null;
        if (l.endsWith(" \\")) {
          pending = l.substring(0, l.length() - 2);
        } else {
          lines.add(l);
        }
      } else if (!line.isBlank()) {
        break;
      }
    }
    assertThat(pending).as("%s: a continued line ends the examples", args).isNull();
    return lines;
  }

  /**
   * Runs one example line from the repository root as the reader would: {@code cp A B} copies; an {@code okr ...}
   * command (the part of the line up to a pipe, a redirection or the end of a process substitution) runs in this JVM
   * with {@code examples/...} read from the repository and every other file in {@code dir}.
   */
  static OkrTest.Run runExample(String line, Path dir) throws IOException {
    String[] words = line.split(" +");
    if (words[0].equals("cp")) {
      Files.copy(arg(words[1], dir), arg(words[2], dir));
      return new OkrTest.Run(0, "", "");
    }
    int from = line.indexOf("okr ");
    String command = line.substring(from + "okr ".length());
    for (String end : List.of(" |", " >", ")")) {
      if (command.contains(end)) {
        command = command.substring(0, command.indexOf(end));
      }
    }
    List<String> args = new ArrayList<>();
    String[] tokens = command.strip().split(" +");
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      boolean file = i > 0 && tokens[i - 1].equals("--out")
          || !t.startsWith("-") && !t.contains("=") && (t.contains("/") || t.matches(".+\\.(json|jsonl|html|dot|bash)"));
      args.add(file ? arg(t, dir).toString() : t);
    }
    return OkrTest.run(args.toArray(String[]::new));
  }

  private static Path arg(String word, Path dir) {
    return word.startsWith("examples/") ? OkrTest.ROOT.resolve(word) : dir.resolve(word);
  }

  @Test
  void everyCommandsHelp_hasExamples_thatRunAsWritten(@TempDir Path dir) throws IOException {
    List<List<String>> commands = HelpTest.commands(new CommandLine(new Okr()), List.of());
    // okr itself, the twelve subcommands (plan included) and picocli's help
    assertThat(commands).hasSizeGreaterThanOrEqualTo(13);
    for (List<String> c : commands) {
      List<String> lines = examples(c);
      assertThat(lines).as("examples of %s", c).isNotEmpty();
      if (c.equals(List.of("plan"))) {
        // plan's other examples name files of the reader's own (next.json, q1.json): its first runs
        lines = lines.subList(0, 1);
      }
      Path own = Files.createDirectories(dir.resolve(c.isEmpty() ? "okr" : String.join("-", c)));
      for (String line : lines) {
        assertThat(line).as("%s", c).containsAnyOf("okr ", "cp ");
        OkrTest.Run r = runExample(line, own);
        assertThat(r.code()).as("%s: %s\n%s", c, line, r.err()).isZero();
        assertThat(r.err()).as("%s: %s", c, line).doesNotContain("error", "Unknown", "Missing");
      }
    }
  }

  /** {@code okr ARGS} and {@code okr ARGS --out FILE}: the file holds what standard output got without it. */
  private static void outEqualsStandardOutput(Path dir, String name, String... args) throws IOException {
    OkrTest.Run plain = OkrTest.run(args);
    assertThat(plain.code()).as("%s", Arrays.toString(args)).isZero();
    assertThat(plain.out()).isNotEmpty();
    Path file = dir.resolve(name);
    List<String> with = new ArrayList<>(Arrays.asList(args));
    with.add("--out");
    with.add(file.toString());
    OkrTest.Run written = OkrTest.run(with.toArray(String[]::new));
    assertThat(written.code()).as("%s", with).isZero();
    assertThat(written.out()).isEqualTo("wrote " + file + "\n");
    assertThat(Files.readString(file)).as("%s", with).isEqualTo(plain.out());
    // no temporary file left beside it
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void out_onEveryCommandThatWritesADocument_equalsStandardOutput(@TempDir Path dir) throws IOException {
    String q2 = OkrTest.ROOT.resolve("examples/acme-2026-q2.json").toString();
    String q3 = OkrTest.EXAMPLE.toString();
    outEqualsStandardOutput(dir, "backtest.txt", "backtest", q2, "--method", "linear-pace");
    outEqualsStandardOutput(dir, "backtest.json", "backtest", q2, "--method", "linear-pace", "--format", "json");
    outEqualsStandardOutput(dir, "retro.txt", "retro", q2, "--no-forecasts");
    outEqualsStandardOutput(dir, "retro.json", "retro", q2, "--no-forecasts", "--format", "json");
    outEqualsStandardOutput(dir, "graph.dot", "graph", q3, "--as-of", "2026-08-19");
    outEqualsStandardOutput(dir, "explain.txt", "explain", q3, "KR-3", "--as-of", "2026-08-19");
    outEqualsStandardOutput(dir, "explain.json", "explain", q3, "KR-3", "--as-of", "2026-08-19", "--format", "json");
    outEqualsStandardOutput(dir, "whatif.txt", "whatif", q3, "--slip", "I-3=+14d", "--as-of", "2026-08-19");
    outEqualsStandardOutput(dir, "whatif.json", "whatif", q3, "--slip", "I-3=+14d", "--as-of", "2026-08-19",
        "--format", "json");
    outEqualsStandardOutput(dir, "okr.bash", "completion", "bash");
    // the completion script offers --out where it is new
    assertThat(Files.readString(dir.resolve("okr.bash"))).contains("--out");
  }

  @Test
  void out_ontoAnInputOrAnotherOutput_exit2NamingOutNothingWritten(@TempDir Path dir) throws IOException {
    Path cycle = Files.copy(OkrTest.EXAMPLE, dir.resolve("q3.json"));
    byte[] before = Files.readAllBytes(cycle);
    String c = cycle.toString();
    String same = dir.resolve("./q3.json").toString();
    String message = "--out: " + same + ": is one of the inputs, which it would overwrite\n";
    for (String[] args : List.of(
        new String[] {"backtest", c, "--out", same},
        new String[] {"retro", c, "--out", same},
        new String[] {"graph", c, "--as-of", "2026-08-19", "--out", same},
        new String[] {"explain", c, "KR-3", "--as-of", "2026-08-19", "--out", same},
        new String[] {"whatif", c, "--slip", "I-3=+14d", "--as-of", "2026-08-19", "--out", same})) {
      OkrTest.Run r = OkrTest.run(args);
      assertThat(r.code()).as("%s", Arrays.toString(args)).isEqualTo(2);
      assertThat(r.err()).as("%s", Arrays.toString(args)).contains(message);
      assertThat(r.out()).as("%s", Arrays.toString(args)).isEmpty();
    }
    // the model read with --model is an input too
    Path model = dir.resolve("model.json");
    assertThat(OkrTest.run("fit", OkrTest.ROOT.resolve("examples/acme-2026-q2.json").toString(), "--out",
        model.toString()).code()).isZero();
    byte[] modelBefore = Files.readAllBytes(model);
    OkrTest.Run m = OkrTest.run("retro", c, "--model", model.toString(), "--out", model.toString());
    assertThat(m.code()).isEqualTo(2);
    assertThat(m.err()).isEqualTo("--out: " + model + ": is one of the inputs, which it would overwrite\n");
    assertThat(Files.readAllBytes(model)).isEqualTo(modelBefore);
    // another output of the same command
    String rejects = dir.resolve("rejects.txt").toString();
    OkrTest.Run r = OkrTest.run("backtest", c, "--rejects", rejects, "--per-forecast", dir.resolve("f.csv").toString(),
        "--out", rejects);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("--out: " + rejects + ": is also --rejects, which it would overwrite\n");
    OkrTest.Run rows = OkrTest.run("backtest", c, "--per-forecast", rejects, "--out", rejects);
    assertThat(rows.err()).isEqualTo("--out: " + rejects + ": is also --per-forecast, which it would overwrite\n");
    // a folder, or no folder to hold it
    OkrTest.Run folder = OkrTest.run("completion", "bash", "--out", dir.toString());
    assertThat(folder.code()).isEqualTo(2);
    assertThat(folder.err()).isEqualTo("--out: " + dir + ": is a directory\n");
    assertThat(Files.readAllBytes(cycle)).isEqualTo(before);
    assertThat(dir.resolve("rejects.txt")).doesNotExist();
    assertThat(dir.resolve("f.csv")).doesNotExist();
  }

  @Test
  void out_notWrittenWhenTheCommandFails(@TempDir Path dir) {
    Path file = dir.resolve("explain.txt");
    OkrTest.Run r = OkrTest.run("explain", OkrTest.EXAMPLE.toString(), "KR-404", "--as-of", "2026-08-19", "--out",
        file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("ID: no objective, key result, team, initiative or milestone 'KR-404'");
    assertThat(file).doesNotExist();
  }
}
