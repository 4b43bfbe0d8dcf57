package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;
import org.okrengine.model.json.JsonLine;

/**
 * Accumulators of any split of the input, merged in any order (directly or through their bytes), give exactly the
 * report of one pass: what a distributed backtest needs to write the same JSON as one machine.
 */
class BacktestMergeTest {
  static List<OkrCycle> input() {
    String dir = System.getProperty("okr.shared.data");
    Path d = dir == null ? null : Path.of(dir);
    if (d == null || !Files.isDirectory(d)) {
      System.err.println("../shared/data is absent: split test on synthetic history only");
      return BacktestTest.HISTORY;
    }
    List<OkrCycle> out = new ArrayList<>();
    for (String f : List.of("tawos-quarterly-throughput.jsonl", "tse2017-sprints.jsonl")) {
      out.addAll(BacktestRealDataTest.read(d.resolve(f)));
    }
    return out;
  }

  static BacktestReport split(Backtest bt, List<OkrCycle> cycles, int parts, long seed, boolean viaBytes) {
    List<OkrCycle> shuffled = new ArrayList<>(cycles);
    Collections.shuffle(shuffled, new Random(seed));
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Backtest.Accumulator> accs = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      accs.add(bt.newAccumulator());
    }
    for (OkrCycle c : shuffled) {
      accs.get(rnd.nextInt(parts)).add(c);
    }
    Collections.reverse(accs);
    Backtest.Accumulator total = bt.newAccumulator();
    for (Backtest.Accumulator a : accs) {
      if (viaBytes) {
        total.mergeBytes(a.toBytes());
      } else {
        total.merge(a);
      }
    }
    return total.report();
  }

  @Test
  void anySplitMergesToTheSingleRun() {
    List<OkrCycle> cycles = input();
    Backtest bt = Backtest.withDefaults();
    BacktestReport one = bt.run(cycles);
    assertThat(split(bt, cycles, 3, 1, false)).isEqualTo(one);
    assertThat(split(bt, cycles, 16, 2, true)).isEqualTo(one);
    assertThat(split(bt, cycles, 7, 3, true)).isEqualTo(one);
    // a tree of merges, as Spark's treeReduce does
    Backtest.Accumulator left = bt.newAccumulator();
    Backtest.Accumulator right = bt.newAccumulator();
    for (int i = cycles.size() - 1; i >= 0; i--) {
      (i % 2 == 0 ? left : right).add(cycles.get(i));
    }
    assertThat(bt.newAccumulator().mergeBytes(right.mergeBytes(left.toBytes()).toBytes()).report()).isEqualTo(one);
  }

  @Test
  void weeklyAndOneMethodToo() {
    List<OkrCycle> cycles = BacktestTest.HISTORY;
    Backtest bt = Backtest.withDefaults().withWeeklyOrigins().withMethods(List.of(ForecastMethod.OLS_TREND));
    assertThat(split(bt, cycles, 5, 4, true)).isEqualTo(bt.run(cycles));
  }

  @Test
  void bytesOfAnotherBacktestAreRejected() {
    byte[] weekly = Backtest.withDefaults().withWeeklyOrigins().newAccumulator().toBytes();
    Backtest.Accumulator acc = Backtest.withDefaults().newAccumulator();
    assertThatThrownBy(() -> acc.mergeBytes(weekly)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> acc.mergeBytes(new byte[] {1, 2, 3, 4})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> acc.mergeBytes(new byte[] {0x4F, 0x4B, 0x52})).isInstanceOf(IllegalArgumentException.class);
    byte[] good = Backtest.withDefaults().newAccumulator().toBytes();
    byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> acc.mergeBytes(trailing)).isInstanceOf(IllegalArgumentException.class);
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
    assertThatThrownBy(() -> acc.mergeBytes(truncated)).isInstanceOf(IllegalArgumentException.class);
  }
}
