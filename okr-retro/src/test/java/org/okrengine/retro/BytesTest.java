package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.OkrCycle;

/** Accumulators shipped as bytes (as a distributed job does) merge to the same okr-retro/1 bytes. */
class BytesTest {
  private static final List<OkrCycle> CYCLES = cycles();

  private static List<OkrCycle> cycles() {
    List<OkrCycle> all = new ArrayList<>(Fixtures.random(43, 120));
    all.add(Fixtures.cycleA());
    all.add(Fixtures.cycleB());
    return all;
  }

  @Test
  void partsThroughBytes_sameJson() {
    Retrospective retro = Retrospective.withDefaults().withGroupings(EnumSet.allOf(Grouping.class));
    String whole = RetroJson.write(retro.run(CYCLES));
    Retrospective.Accumulator[] parts = {retro.newAccumulator(), retro.newAccumulator(), retro.newAccumulator()};
    for (int i = 0; i < CYCLES.size(); i++) {
      parts[(i * 7) % 3].add(CYCLES.get(i));
    }
    Retrospective.Accumulator total = retro.newAccumulator();
    total.mergeBytes(parts[2].toBytes());
    total.mergeBytes(retro.newAccumulator().mergeBytes(parts[0].toBytes()).mergeBytes(parts[1].toBytes()).toBytes());
    assertThat(RetroJson.write(total.report())).isEqualTo(whole);
  }

  @Test
  void bytesOfOtherSettingsOrGarbage_rejected() {
    byte[] noForecasts = Retrospective.withDefaults().withoutForecasts().newAccumulator().toBytes();
    Retrospective.Accumulator acc = Retrospective.withDefaults().newAccumulator();
    assertThatThrownBy(() -> acc.mergeBytes(noForecasts)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> acc.mergeBytes(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
  }
}
