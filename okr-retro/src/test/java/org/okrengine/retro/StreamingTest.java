package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.okrengine.model.OkrCycle;

/** The same cycles give byte-identical okr-retro/1 however they are split, ordered and merged. */
class StreamingTest {
  private static final List<OkrCycle> CYCLES = withFixtures(Fixtures.random(42, 300));

  private static List<OkrCycle> withFixtures(List<OkrCycle> random) {
    List<OkrCycle> all = new ArrayList<>(random);
    all.add(Fixtures.cycleA());
    all.add(Fixtures.cycleB());
    return all;
  }

  @Test
  void anySplitAnyOrder_sameBytes() {
    Retrospective retro = Retrospective.withDefaults();
    String whole = RetroJson.write(retro.run(CYCLES));
    Random r = new Random(7);
    for (int trial = 0; trial < 5; trial++) {
      List<OkrCycle> shuffled = new ArrayList<>(CYCLES);
      Collections.shuffle(shuffled, r);
      int parts = 2 + r.nextInt(6);
      List<Retrospective.Accumulator> accs = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        accs.add(retro.newAccumulator());
      }
      for (OkrCycle c : shuffled) {
        accs.get(r.nextInt(parts)).add(c); // uneven parts, some possibly empty
      }
      Collections.shuffle(accs, r);
      Retrospective.Accumulator merged = accs.get(0);
      for (int p = 1; p < parts; p++) {
        merged.merge(accs.get(p));
      }
      assertThat(RetroJson.write(merged.report())).as("trial %d, %d parts", trial, parts).isEqualTo(whole);
    }
  }

  @Test
  void parallelStream_equalsSequential() {
    Retrospective retro = Retrospective.withDefaults().withoutForecasts();
    RetroReport sequential = CYCLES.stream().collect(retro.collector());
    RetroReport parallel = CYCLES.parallelStream().collect(retro.collector());
    assertThat(parallel).isEqualTo(sequential);
    assertThat(RetroJson.write(parallel)).isEqualTo(RetroJson.write(sequential));
    assertThat(sequential.keyResults()).isGreaterThan(300); // 1 to 6 per random cycle, plus the fixtures' 8
  }

  @Test
  void mergeIntoEmpty_andEmptyInto_changeNothing() {
    Retrospective retro = Retrospective.withDefaults().withoutForecasts();
    String whole = RetroJson.write(retro.run(CYCLES));
    Retrospective.Accumulator acc = retro.newAccumulator();
    CYCLES.forEach(acc::add);
    assertThat(RetroJson.write(retro.newAccumulator().merge(acc).report())).isEqualTo(whole);
    assertThat(RetroJson.write(acc.merge(retro.newAccumulator()).report())).isEqualTo(whole);
  }
}
