package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz test of reading an accumulator's bytes: whatever the bytes (their checksum made to match, as a forger's
 * would), {@code mergeBytes} refuses them with an {@link IllegalArgumentException} or merges them, and then the
 * accumulator reports, and writes exactly those bytes back (accepted bytes are canonical). Without
 * {@code JAZZER_FUZZ} set this runs as a plain test over the seeds in
 * {@code RetroBytesFuzzTestInputs/mergeBytes_anyBytes_refusedOrMergedExactly/}, accumulators of {@link Fixtures}.
 */
class RetroBytesFuzzTest {
  private static final Retrospective RETRO = Retrospective.withDefaults().withoutForecasts();

  @FuzzTest(maxDuration = "60s")
  void mergeBytes_anyBytes_refusedOrMergedExactly(byte[] data) {
    byte[] bytes = data.length >= RetroBytes.HEADER + RetroBytes.CHECKSUM ? BytesTest.withChecksum(data) : data;
    Retrospective.Accumulator acc = RETRO.newAccumulator();
    try {
      acc.mergeBytes(bytes);
    } catch (IllegalArgumentException refused) {
      assertThat(acc.toBytes()).isEqualTo(RETRO.newAccumulator().toBytes()); // unchanged
      return;
    }
    RetroJson.write(acc.report());
    assertThat(acc.toBytes()).isEqualTo(bytes);
  }
}
