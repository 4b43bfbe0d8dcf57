package org.okrengine.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.okrengine.model.InvalidCycleException;
import org.okrengine.model.OkrCycle;

/**
 * Fuzz tests of the reader: whatever the input, it returns a cycle or throws {@link InvalidCycleException}, never
 * another exception; and what it returns writes and reads back equal. Without {@code JAZZER_FUZZ} set these run
 * as plain tests over the seeds in {@code CycleJsonFuzzTestInputs/<method>/}.
 */
class CycleJsonFuzzTest {
  private static final CycleJson JSON = CycleJson.withDefaults();
  private static final CycleJson SMALL = CycleJson.withDefaults().withMaxDocumentBytes(4096).withMaxNestingDepth(8);

  @FuzzTest(maxDuration = "60s")
  void read(byte[] data) {
    String json = new String(data, StandardCharsets.UTF_8);
    ParsedCycle parsed;
    try {
      parsed = JSON.read(json);
    } catch (InvalidCycleException e) {
      assertThat(e.problems()).isNotEmpty();
      return;
    }
    OkrCycle cycle = parsed.cycle();
    assertThat(JSON.read(JSON.write(cycle)).cycle()).isEqualTo(cycle);
  }

  @FuzzTest(maxDuration = "60s")
  void lines(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try (Stream<JsonLine> lines = SMALL.lines(new StringReader(text))) {
      lines.forEach(line -> {
        assertThat(line.isValid()).isEqualTo(line.errors().isEmpty());
        if (line.isValid()) {
          assertThat(SMALL.read(SMALL.write(line.cycle())).cycle()).isEqualTo(line.cycle());
        }
      });
    }
  }
}
