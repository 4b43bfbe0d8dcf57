package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing half written, no failed write taken for success (hardening issue, items 4 to 6): with one bad input among
 * good ones okr analyze writes nothing, neither to standard output nor over an existing --out file; a write that
 * fails (a full device) is exit 1 with a message; a reader that closes the pipe early ({@code okr ... | head}) is no
 * error: exit 141 (as git and the GNU tools, killed by SIGPIPE there) and nothing on standard error.
 */
class OutputIntegrityTest {
  static Path bad(Path dir) throws IOException {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, Files.readString(OkrTest.EXAMPLE).replaceFirst("\"target\": ", "\"target\": \"x\", \"t\": "));
    return f;
  }

  @Test
  void analyze_oneBadInputAmongGood_writesNothing(@TempDir Path dir) throws IOException {
    Path bad = bad(dir);
    OkrTest.Run r = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), bad.toString(), "--as-of", "2026-08-19");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(bad.toString());
    Path out = dir.resolve("report.json");
    Files.writeString(out, "the report of last week");
    OkrTest.Run json = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), bad.toString(), "--as-of", "2026-08-19",
        "--format", "json", "--out", out.toString());
    assertThat(json.code()).isEqualTo(2);
    assertThat(Files.readString(out)).isEqualTo("the report of last week");
    try (var listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("bad.json", "report.json"); // no temporary file left behind
    }
  }

  @Test
  void failedWrite_isExit1WithAMessage() {
    Writer failing = new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void flush() throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void close() {}
    };
    StringWriter err = new StringWriter();
    int code = Okr.run(new String[] {"analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-08-19"},
        new PrintWriter(failing), new PrintWriter(err));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo(
        "okr: could not write the output (standard output closed, or the device is full)\n");
  }

  /** The real thing: standard output sent to /dev/full, in a JVM of its own (every command that prints). */
  @Test
  void devFull_isExit1(@TempDir Path dir) throws IOException, InterruptedException {
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.exists(full), "/dev/full is absent on this system");
    for (List<String> args : List.of(List.of("analyze", OkrTest.EXAMPLE.toString()),
        List.of("graph", OkrTest.EXAMPLE.toString()),
        List.of("retro", OkrTest.EXAMPLE.toString(), "--no-forecasts"))) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Okr.class.getName()));
      command.addAll(args);
      Path err = dir.resolve("err.txt");
      Process p = new ProcessBuilder(command).redirectOutput(full.toFile()).redirectError(err.toFile()).start();
      assertThat(p.waitFor()).as(args.get(0)).isEqualTo(1);
      assertThat(Files.readString(err)).as(args.get(0))
          .contains("okr: could not write the output (standard output closed, or the device is full)");
    }
  }

  /** An OutputStream whose every write fails with {@code message}, as FileOutputStream does on Linux. */
  static OutputStream failing(String message) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException(message);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException(message);
      }
    };
  }

  @Test
  void closedPipe_isQuiet_fullDevice_isExit1() {
    String[] args = {"explain", OkrTest.EXAMPLE.toString(), "KR-6", "--as-of", "2026-08-19"};
    // EPIPE: the message Linux's FileOutputStream throws when the reader closed the pipe
    Stdout closed = new Stdout(failing("Broken pipe"));
    StringWriter err = new StringWriter();
    int code = Okr.run(args, new PrintWriter(closed, true, StandardCharsets.UTF_8), new PrintWriter(err), false,
        closed);
    assertThat(code).isEqualTo(141);
    assertThat(err.toString()).isEmpty();
    // ENOSPC through the same seam: still the error
    Stdout full = new Stdout(failing("No space left on device"));
    StringWriter fullErr = new StringWriter();
    assertThat(Okr.run(args, new PrintWriter(full, true, StandardCharsets.UTF_8), new PrintWriter(fullErr), false,
        full)).isEqualTo(1);
    assertThat(fullErr.toString()).isEqualTo(
        "okr: could not write the output (standard output closed, or the device is full)\n");
  }

  /**
   * The real thing ({@code okr explain ... | head -3}, {@code okr analyze ... | head}): the reading end of the
   * pipe closed before the JVM of its own writes its first line, so its every write fails with EPIPE.
   */
  @Test
  void pipeClosedByTheReader_isExit141AndSaysNothing(@TempDir Path dir) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "not a Linux-like system");
    for (List<String> args : List.of(List.of("explain", OkrTest.EXAMPLE.toString(), "KR-6", "--as-of", "2026-08-19"),
        List.of("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "2026-08-19"))) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Okr.class.getName()));
      command.addAll(args);
      Path err = dir.resolve("err.txt");
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      p.getInputStream().close(); // the reader is gone: head after its lines, before okr has written any
      assertThat(p.waitFor()).as(args.get(0)).isEqualTo(141);
      assertThat(Files.readString(err)).as(args.get(0)).isEmpty();
    }
  }

  /** An as-of far outside the cycle is bad input naming the option and the window, not an internal error. */
  @Test
  void asOfFarOutsideTheCycle_isExit2() {
    OkrTest.Run r = OkrTest.run("analyze", OkrTest.EXAMPLE.toString(), "--as-of", "5000-01-01");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("--as-of: 5000-01-01: cycle 2026-Q3: asOf must be within ");
  }
}
