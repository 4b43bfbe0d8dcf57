package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  static long files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test
  void commit_replacesTheTargetWhole_closeWithoutCommitLeavesItAsItWas(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("out.txt");
    Files.writeString(target, "old");
    try (AtomicFile f = AtomicFile.open(target)) {
      f.writer().write("half of the new");
      assertThat(Files.readString(target)).isEqualTo("old");
      assertThat(files(dir)).isEqualTo(2);
    }
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(files(dir)).isEqualTo(1);
    AtomicFile.write(target, "new ✓");
    assertThat(Files.readString(target)).isEqualTo("new ✓");
    assertThat(files(dir)).isEqualTo(1);
  }

  @Test
  void problems_folderOrNoFolder() {
    Path dir = Path.of("target");
    assertThat(AtomicFile.problems("--out", dir)).containsExactly("--out: target: is a directory");
    Path nowhere = Path.of("no/such/dir/x.json");
    assertThat(AtomicFile.problems("--out", nowhere)).containsExactly("--out: no/such/dir/x.json: no such "
        + "directory: " + nowhere.toAbsolutePath().getParent());
    assertThat(AtomicFile.problems("--out", Path.of("target/x.json"))).isEmpty();
  }
}
