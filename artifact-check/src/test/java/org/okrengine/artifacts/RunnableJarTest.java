package org.okrengine.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command's runnable jar, {@code okr-cli/target/okr.jar}, as a person runs it: {@code java -jar} in a new JVM
 * (this module is built after okr-cli's package phase made it).
 */
class RunnableJarTest {
  static final Path JAR = Repo.ROOT.resolve("okr-cli/target/okr.jar");

  record Run(int code, String out, String err) {
  }

  static Run javaJar(Path dir, Path workDir, String... args) throws IOException, InterruptedException {
    assertThat(JAR).as("built by okr-cli's package phase").isRegularFile();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("java -jar okr.jar " + String.join(" ", args) + " did not end in 5 minutes");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void javaJar_analyze_example(@TempDir Path dir) throws Exception {
    Run r = javaJar(dir, Repo.ROOT, "analyze", "examples/acme-2026-q3.json", "--as-of", "2026-08-19");
    assertThat(r.err()).as("no warning (SLF4J's provider is in the jar)").isEmpty();
    assertThat(r.code()).isZero();
    // the sentence OkrTest asserts for the same cycle and as-of through the class path
    assertThat(r.out()).contains("\nIn short: As of 19 Aug, 7 of 30 key results are off track, 8 at risk and 2 stale");
  }

  @Test
  void javaJar_help_andVersion_printNoWarning(@TempDir Path dir) throws Exception {
    Run help = javaJar(dir, dir, "--help");
    assertThat(help.err()).isEmpty();
    assertThat(help.code()).isZero();
    assertThat(help.out()).startsWith("Usage: okr");
    Run version = javaJar(dir, dir, "-V");
    assertThat(version.code()).isZero();
    // the version the build filtered into okr-cli's version.properties: this build's
    assertThat(version.out().strip()).isEqualTo("okr " + Repo.VERSION);
  }

  @Test
  void javaJar_sync_readsTheH2Database_throughTheMergedDriverService(@TempDir Path dir) throws Exception {
    // examples/README.md: syncing examples/sync as of 30 September restores KR-2 (CSV) and KR-5 (H2)
    Path sync = dir.resolve("sync");
    Files.createDirectories(sync);
    try (Stream<Path> files = Files.list(Repo.ROOT.resolve("examples/sync"))) {
      for (Path f : files.toList()) {
        Files.copy(f, sync.resolve(f.getFileName().toString()));
      }
    }
    Run r = javaJar(dir, sync, "sync", "acme-growth-2026-q3.json", "--sources", "sources.json", "--as-of",
        "2026-09-30");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    // SyncCommandTest's expectation for the same sync through the class path: metrics.sql inserts 13 rows
    assertThat(r.out()).contains("KR-5 from warehouse (sql, bindings[1]): 13 new, 0 already there\n",
        "okr sync: 18 new check-ins written to ");
  }

  @Test
  void jar_carriesLicenseNoticeAndMergedServices_andNoSignatureOrModuleDescriptor() throws IOException {
    assertThat(Repo.entry(JAR, "META-INF/LICENSE")).isEqualTo(Repo.rootFile("LICENSE"));
    assertThat(Repo.entry(JAR, "META-INF/NOTICE")).isEqualTo(Repo.rootFile("NOTICE"));
    assertThat(new String(Repo.entry(JAR, "META-INF/services/java.sql.Driver"), StandardCharsets.UTF_8))
        .contains("org.h2.Driver");
    assertThat(new String(Repo.entry(JAR, "META-INF/services/org.slf4j.spi.SLF4JServiceProvider"),
        StandardCharsets.UTF_8)).contains("org.slf4j.nop.NOPServiceProvider");
    String manifest = new String(Repo.entry(JAR, "META-INF/MANIFEST.MF"), StandardCharsets.UTF_8);
    assertThat(manifest).contains("Main-Class: org.okrengine.cli.Okr", "Multi-Release: true");
    assertThat(Repo.entries(JAR)).noneMatch(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"))
        .doesNotContain("module-info.class");
  }

  @Test
  void okrScript_runsTheRunnableJar_whateverTheVersion() throws IOException {
    String script = Files.readString(Repo.ROOT.resolve("okr"), StandardCharsets.UTF_8);
    assertThat(script).contains("okr-cli/target/okr.jar").doesNotContain(Repo.VERSION);
  }
}
