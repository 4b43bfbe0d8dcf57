package org.okrengine.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Problem;

/**
 * Every cycle of the real data in {@code okr.shared.data} reads, writes and reads back equal, except the one sprint
 * longer than a cycle may be.
 */
class SharedDataTest {
  private static final CycleJson JSON = CycleJson.withDefaults();

  static List<Path> dataFiles() throws IOException {
    String dir = System.getProperty("okr.shared.data");
    assumeThat(dir).as("system property okr.shared.data is not set; skipping the real-data tests").isNotNull();
    Path path = Path.of(dir);
    assumeThat(Files.isDirectory(path)).as("no shared data at %s; skipping the real-data tests", path).isTrue();
    List<Path> files;
    try (Stream<Path> s = Files.list(path)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
    assumeThat(files).as("no *.jsonl files in %s; skipping the real-data tests", path).isNotEmpty();
    return files;
  }

  @Test
  void lines_everySharedCycle_readsWritesAndReadsBackEqual() throws IOException {
    long cycles = 0;
    long rejected = 0;
    for (Path file : dataFiles()) {
      try (Stream<JsonLine> lines = JSON.lines(file)) {
        for (JsonLine line : (Iterable<JsonLine>) lines::iterator) {
          String where = file.getFileName() + " line " + line.lineNumber();
          if (where.equals("tse2017-sprints.jsonl line 890")) {
            // one sprint runs 16 years, beyond the longest cycle a document may describe
            assertThat(line.errors()).extracting(Problem::toString).containsExactly(
                "cycle.end: must make a cycle of at most 1098 days: 5873 days (2000-01-03 to 2016-01-31)");
            rejected++;
            continue;
          }
          assertThat(line.errors()).as(where).isEmpty();
          // a few sprints are zero days long, all their check-ins at one instant: the only warning expected
          assertThat(line.warnings()).as(where).allSatisfy(w ->
              assertThat(w.message()).contains("same instant as checkIns["));
          OkrCycle cycle = line.cycle();
          assertThat(JSON.read(JSON.write(cycle)).cycle()).as(where).isEqualTo(cycle);
          StringWriter out = new StringWriter();
          JSON.writeLine(cycle, out);
          assertThat(JSON.read(out.toString()).cycle()).as(where).isEqualTo(cycle);
          cycles++;
        }
      }
    }
    // data/README.md: "the two files now hold 2,731 cycles"
    assertThat(cycles + rejected).isEqualTo(2_731);
    assertThat(rejected).isEqualTo(1);
  }
}
