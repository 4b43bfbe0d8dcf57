package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;
import org.okrengine.model.json.JsonLine;

/** The retrospective of the real cycles in {@code okr.shared.data}, split in two, equals the whole. */
class RetroRealDataTest {
  static List<OkrCycle> cycles() throws IOException {
    String dir = System.getProperty("okr.shared.data");
    assumeThat(dir).as("system property okr.shared.data is not set; skipping the real-data tests").isNotNull();
    Path path = Path.of(dir);
    assumeThat(Files.isDirectory(path)).as("no shared data at %s; skipping the real-data tests", path).isTrue();
    List<OkrCycle> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(path)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        try (Stream<JsonLine> lines = CycleJson.withDefaults().lines(f)) {
          lines.filter(JsonLine::isValid).forEach(l -> out.add(l.cycle()));
        }
      }
    }
    assumeThat(out).as("no cycles in %s; skipping the real-data tests", path).isNotEmpty();
    return out;
  }

  @Test
  void realData_summaryAndSplitInvariance() throws IOException {
    List<OkrCycle> cycles = cycles();
    Retrospective retro = Retrospective.withDefaults().withoutForecasts();
    RetroReport whole = retro.run(cycles);
    assertThat(whole.cycles()).isEqualTo(cycles.size());
    assertThat(whole.scoredFromResults()).isEqualTo(whole.keyResults()); // every real cycle has a result
    assertThat(whole.overall().hitRate()).isBetween(0.3, 0.7); // "roughly half reach their target"
    Retrospective.Accumulator odd = retro.newAccumulator();
    Retrospective.Accumulator even = retro.newAccumulator();
    for (int i = 0; i < cycles.size(); i++) {
      (i % 2 == 0 ? even : odd).add(cycles.get(i));
    }
    assertThat(RetroJson.write(odd.merge(even).report())).isEqualTo(RetroJson.write(whole));
  }
}
