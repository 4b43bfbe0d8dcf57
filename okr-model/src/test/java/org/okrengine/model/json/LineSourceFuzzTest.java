package org.okrengine.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Fuzz test of reading lines of bytes: whatever the bytes, a {@link LineSource} over a {@link Utf8.Decoder} gives the
 * lines, texts and first bad positions of {@link LineSourceTest#reference}, the JDK's strict decoder line by line.
 * Without {@code JAZZER_FUZZ} set this runs as a plain test over the seeds in
 * {@code LineSourceFuzzTestInputs/<method>/}.
 */
class LineSourceFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void decodedLines(byte[] data) throws IOException {
    assertThat(LineSourceTest.decoded(data)).isEqualTo(LineSourceTest.reference(data));
  }
}
