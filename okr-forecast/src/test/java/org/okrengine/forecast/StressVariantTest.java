package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;

/**
 * The default forecast on stress variants built from the shared families (forecasts issue: check-ins thinned to
 * every three to five weeks; values that move only in bursts), the same constructions as
 * docs/experiments/stress-variants.py: behaviour, never data to fit on. What holds: at the 50% origin the default is
 * never over-confident in any reliability bin of 30 or more forecasts (a bin whose mean probability is below 0.5 does
 * not hold more than two standard errors more hits than it says, and one above 0.5 not fewer); it is under-confident
 * there instead (docs/experiments/stress-variants.md lists the bins). The sprints in bursts are the exception, bounded.
 */
class StressVariantTest {
  @BeforeAll
  static void load() {
    BacktestRealDataTest.load();
  }

  /** Keeps the first check-in, then the next one at least 3 to 5 weeks (drawn anew each time) after the last kept. */
  static List<OkrCycle> thinned(List<OkrCycle> cycles, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<OkrCycle> out = new ArrayList<>();
    for (OkrCycle c : cycles) {
      KeyResult kr = c.objectives().get(0).keyResults().get(0);
      List<CheckIn> kept = new ArrayList<>();
      int gapWeeks = 3 + rnd.nextInt(3);
      for (CheckIn ci : kr.checkIns()) {
        if (kept.isEmpty()
            || Duration.between(kept.get(kept.size() - 1).at(), ci.at()).toDays() >= gapWeeks * 7L - 1) {
          kept.add(ci);
          gapWeeks = 3 + rnd.nextInt(3);
        }
      }
      out.add(with(c, kr, kept));
    }
    return out;
  }

  /** The value changes only at every third check-in (from a random first one) and is held in between. */
  static List<OkrCycle> bursts(List<OkrCycle> cycles, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<OkrCycle> out = new ArrayList<>();
    for (OkrCycle c : cycles) {
      KeyResult kr = c.objectives().get(0).keyResults().get(0);
      List<CheckIn> in = kr.checkIns();
      List<CheckIn> held = new ArrayList<>();
      int offset = rnd.nextInt(3);
      double value = in.isEmpty() ? 0 : in.get(0).value();
      for (int i = 0; i < in.size(); i++) {
        if (i % 3 == offset) {
          value = in.get(i).value();
        }
        CheckIn ci = in.get(i);
        held.add(new CheckIn(ci.at(), value, ci.confidence(), ci.note(), ci.blockers(), ci.source()));
      }
      out.add(with(c, kr, held));
    }
    return out;
  }

  static OkrCycle with(OkrCycle c, KeyResult kr, List<CheckIn> checkIns) {
    KeyResult k = new KeyResult(kr.id(), kr.title(), kr.owner(), kr.team(), kr.weight(), kr.tags(), kr.metric(),
        kr.plan(), checkIns, kr.result());
    Objective o = c.objectives().get(0);
    return OkrCycle.of(c.cycle(), c.teams(), List.of(new Objective(o.id(), o.title(), o.team(), o.owner(),
        o.parent(), o.commitment(), List.of(k))));
  }

  /** The bins (of ten equal-width) that are over-confident: "bin: n, mean probability, hit rate" for each. */
  static List<String> overConfident(List<OkrCycle> cycles) {
    List<BacktestForecast> at50 = new ArrayList<>();
    Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE)).withOrigins(0.5)
        .run(cycles, at50::add);
    double[] n = new double[10];
    double[] p = new double[10];
    double[] h = new double[10];
    for (BacktestForecast f : at50) {
      int b = Math.min(9, (int) (f.probability() * 10));
      n[b]++;
      p[b] += f.probability();
      h[b] += f.hit() ? 1 : 0;
    }
    List<String> out = new ArrayList<>();
    for (int b = 0; b < 10; b++) {
      if (n[b] < 30) {
        continue;
      }
      double mean = p[b] / n[b];
      double rate = h[b] / n[b];
      double se = Math.sqrt(mean * (1 - mean) / n[b]);
      boolean over = mean < 0.5 ? rate > mean + 2 * se : rate < mean - 2 * se;
      if (over) {
        out.add(String.format(java.util.Locale.ROOT, "%d: %d, %.3f, %.3f", b, (int) n[b], mean, rate));
      }
    }
    return out;
  }

  @Test
  void thinnedCheckIns_neverOverConfident() {
    assertThat(overConfident(thinned(BacktestRealDataTest.tawos, 1))).isEmpty();
  }

  @Test
  void valuesInBursts_quarters_neverOverConfident() {
    // with the floor at 0.05 the lowest bin was over-confident here: 216 forecasts, mean 0.056, 11.1% hit
    assertThat(overConfident(bursts(BacktestRealDataTest.tawos, 2))).isEmpty();
  }

  /**
   * The sprints in bursts: four check-ins a sprint, so a held value looks unmoved at mid-sprint, and those still land
   * a little more often than the default says (measured: bin 3 holds 1,314 forecasts, mean 0.338, 40.1% hit; bin 6,
   * 38, mean 0.660, 42.1%). Not calibrated by the rule; what is asserted is that the gap stays within 0.1 in the bins
   * of 100 or more forecasts, so that it cannot grow unnoticed.
   */
  @Test
  void valuesInBursts_sprints_overConfidentByLessThanATenth() {
    List<String> over = overConfident(bursts(BacktestRealDataTest.tse, 3));
    assertThat(over).hasSizeLessThanOrEqualTo(2);
    for (String bin : over) {
      String[] f = bin.split("[:,] ");
      int n = Integer.parseInt(f[1]);
      double gap = Math.abs(Double.parseDouble(f[2]) - Double.parseDouble(f[3]));
      if (n >= 100) {
        assertThat(gap).as(bin).isLessThan(0.1);
      }
    }
  }
}
