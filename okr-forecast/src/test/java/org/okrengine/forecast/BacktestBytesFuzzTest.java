package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Any bytes as a backtest accumulator's ({@link Backtest.Accumulator#fromBytes}), their checksum made to match as a
 * forger's would (so that the checks behind it are what is fuzzed): refused with an {@link IllegalArgumentException},
 * or read into an accumulator that reports without NaN or infinity, whose own bytes read back to the same report and
 * bytes; never another exception. The seeds (BacktestBytesFuzzTestInputs) are accumulators of the example quarters:
 * linear-pace at 50% over Q2, an empty default one, and movement-aware and ols-trend over Q2 and Q3 with results at
 * last check-ins; without {@code JAZZER_FUZZ} they alone run, as a regression test.
 */
class BacktestBytesFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void fromBytes_anyBytes_refusedOrReadExactly(byte[] data) {
    byte[] bytes = data.length >= 4 + BacktestBytes.CHECKSUM
        ? BacktestBytes.sealed(Arrays.copyOf(data, data.length - BacktestBytes.CHECKSUM)) : data;
    Backtest.Accumulator acc;
    try {
      acc = Backtest.Accumulator.fromBytes(bytes);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    BacktestReport report = acc.report();
    assertThat(BacktestJson.write(report)).doesNotContain("NaN").doesNotContain("Infinity");
    byte[] again = acc.toBytes();
    Backtest.Accumulator back = Backtest.Accumulator.fromBytes(again);
    assertThat(back.report()).isEqualTo(report);
    assertThat(back.toBytes()).isEqualTo(again);
  }
}
