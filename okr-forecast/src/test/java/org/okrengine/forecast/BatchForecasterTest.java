package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;

class BatchForecasterTest {
  @Test
  void forecast_equalsTheObjectApi() {
    // two key results: ForecasterTest's signups series, and the same with no check-ins
    int[] offsets = {0, 5, 5};
    double[] times = {7, 14, 21, 35, 42};
    double[] values = {6, 13, 18, 30, 37};
    BatchForecaster.Output out = new BatchForecaster.Output(2);
    BatchForecaster.of(ForecasterTest.BAYES).forecast(2, offsets, times, values, new double[] {91, 91},
        new double[] {45, 10}, new double[] {0, 0}, new double[] {100, 100}, out);
    Forecast f = ForecasterTest.BAYES.forecast(ForecasterTest.SIGNUPS, ForecasterTest.CYCLE,
        ForecasterTest.day(45));
    assertThat(out.landingValue[0]).isCloseTo(f.landingValue(), within(1e-9));
    assertThat(out.low[0]).isCloseTo(f.interval().low(), within(1e-9));
    assertThat(out.high[0]).isCloseTo(f.interval().high(), within(1e-9));
    assertThat(out.probability[0]).isEqualTo(f.probabilityOfTarget());
    assertThat(out.actualVelocityPerWeek[0]).isCloseTo(f.actualVelocityPerWeek(), within(1e-9));
    assertThat(out.requiredVelocityPerWeek[0]).isCloseTo(f.requiredVelocityPerWeek(), within(1e-9));
    assertThat(out.flags[0] & BatchForecaster.HAS_INTERVAL).isNotZero();
    assertThat(out.flags[1] & BatchForecaster.NO_DATA).isNotZero();
    assertThat(out.landingValue[1]).isCloseTo(100, within(1e-9));
    assertThat(out.probability[1]).isCloseTo(0.5, within(1e-9));
  }

  /**
   * A decreasing key result (SIGNUPS mirrored: from 100 down to 0) gets the object API's numbers, its interval in the
   * metric's order (low below high), and its landing mirrors the increasing one's. The batch API once stored the
   * interval's ends in progress order, so a decreasing key result's low was above its high.
   */
  @Test
  void forecast_decreasingKeyResult_intervalInValueOrder() {
    int[] offsets = {0, 5, 10};
    double[] times = {7, 14, 21, 35, 42, 7, 14, 21, 35, 42};
    double[] values = {94, 87, 82, 70, 63, 6, 13, 18, 30, 37};
    BatchForecaster.Output out = new BatchForecaster.Output(2);
    BatchForecaster.of(Forecaster.withDefaults()).forecast(2, offsets, times, values, new double[] {91, 91},
        new double[] {45, 45}, new double[] {100, 0}, new double[] {0, 100}, out);
    KeyResult falling = ForecasterTest.kr(Metric.of(100, 0, "open bugs"), ForecasterTest.DAYS,
        new double[] {94, 87, 82, 70, 63});
    Forecast f = Forecaster.withDefaults().forecast(falling, ForecasterTest.CYCLE, ForecasterTest.day(45));
    assertThat(out.low[0]).isLessThan(out.high[0]);
    assertThat(out.low[0]).isCloseTo(f.interval().low(), within(1e-9));
    assertThat(out.high[0]).isCloseTo(f.interval().high(), within(1e-9));
    assertThat(out.landingValue[0]).isCloseTo(f.landingValue(), within(1e-9));
    // mirrored: value v of the falling one is 100 - v of the rising one
    assertThat(out.landingValue[0]).isCloseTo(100 - out.landingValue[1], within(1e-9));
    assertThat(out.low[0]).isCloseTo(100 - out.high[1], within(1e-9));
    assertThat(out.high[0]).isCloseTo(100 - out.low[1], within(1e-9));
    assertThat(out.probability[0]).isEqualTo(out.probability[1]);
  }

  /**
   * 300 seeded key results per method, both directions, running counts and noisy snapshots, none to 14 check-ins on
   * whole days (so that the object API's instants hold the same times): the batch API gives the object API's
   * landing value, interval (in the metric's order) and probability, and its velocities where the object API has
   * them (0 where it has none).
   */
  @ParameterizedTest
  @EnumSource(ForecastMethod.class)
  void forecast_randomKeyResults_equalTheObjectApi(ForecastMethod method) {
    int count = 300;
    SplittableRandom rnd = new SplittableRandom(23);
    Forecaster forecaster = Forecaster.withDefaults().withMethod(method);
    int[] offsets = new int[count + 1];
    double[] times = new double[count * 14];
    double[] values = new double[count * 14];
    double[] lengths = new double[count];
    double[] asOfs = new double[count];
    double[] baselines = new double[count];
    double[] targets = new double[count];
    KeyResult[] krs = new KeyResult[count];
    int k = 0;
    for (int i = 0; i < count; i++) {
      offsets[i] = k;
      lengths[i] = 91;
      baselines[i] = rnd.nextInt(-50, 50);
      targets[i] = baselines[i] + (rnd.nextBoolean() ? 1 : -1) * rnd.nextInt(1, 200);
      boolean snapshot = rnd.nextInt(4) == 0;
      int n = rnd.nextInt(15);
      int[] days = new int[n];
      double[] vs = new double[n];
      int day = 0;
      for (int j = 0; j < n; j++) {
        day += rnd.nextInt(1, 7);
        double share = snapshot ? rnd.nextDouble(-0.2, 0.8) : rnd.nextDouble(0.8, 1.2) * day / lengths[i];
        days[j] = day;
        vs[j] = baselines[i] + share * (targets[i] - baselines[i]);
        times[k] = day;
        values[k] = vs[j];
        k++;
      }
      asOfs[i] = day + 1;
      krs[i] = ForecasterTest.kr(Metric.of(baselines[i], targets[i], null), days, vs);
    }
    offsets[count] = k;
    BatchForecaster.Output out = new BatchForecaster.Output(count);
    BatchForecaster.of(forecaster).forecast(count, offsets, times, values, lengths, asOfs, baselines, targets, out);
    for (int i = 0; i < count; i++) {
      Forecast f = forecaster.forecast(krs[i], ForecasterTest.CYCLE, ForecasterTest.day(asOfs[i]));
      String at = method + " key result " + i;
      assertThat(out.landingValue[i]).as(at).isCloseTo(f.landingValue(), within(1e-9));
      assertThat(out.probability[i]).as(at).isCloseTo(f.probabilityOfTarget(), within(1e-12));
      assertThat(out.low[i]).as(at).isLessThanOrEqualTo(out.high[i]);
      if (f.interval() != null) {
        assertThat(out.flags[i] & BatchForecaster.HAS_INTERVAL).as(at).isNotZero();
        assertThat(out.low[i]).as(at).isCloseTo(f.interval().low(), within(1e-9));
        assertThat(out.high[i]).as(at).isCloseTo(f.interval().high(), within(1e-9));
      }
      double actual = f.actualVelocityPerWeek() == null ? 0 : f.actualVelocityPerWeek();
      double required = f.requiredVelocityPerWeek() == null ? 0 : f.requiredVelocityPerWeek();
      assertThat(out.actualVelocityPerWeek[i]).as(at).isCloseTo(actual, within(1e-9));
      assertThat(out.requiredVelocityPerWeek[i]).as(at).isCloseTo(required, within(1e-9));
    }
  }

  /**
   * A check-in exactly at the target reaches it, as {@code Metric.isMet} says, for every target from 1 to 200 in
   * both directions: progress by multiplication with 1 / span falls short of 1 for some of them (0.5 * 49 * (1 /
   * 24.5) is 0.9999999999999999), so the kernel decides on the values.
   */
  @Test
  void forecast_checkInExactlyAtTarget_reachesIt() {
    BatchForecaster b = BatchForecaster.of(Forecaster.withDefaults());
    BatchForecaster.Output out = new BatchForecaster.Output(1);
    for (int target = 1; target <= 200; target++) {
      for (int direction : new int[] {1, -1}) {
        double baseline = direction > 0 ? 0 : 2 * target;
        double halfway = (baseline + target) / 2;
        b.forecast(1, new int[] {0, 2}, new double[] {20, 40}, new double[] {halfway, target}, new double[] {91},
            new double[] {45}, new double[] {baseline}, new double[] {target}, out);
        assertThat(out.flags[0] & BatchForecaster.MET).as("target %d, direction %d", target, direction).isNotZero();
      }
    }
  }

  /**
   * NaN and infinities in any input, a cycle length that is not positive and a target equal to its baseline are
   * refused, whichever chunk of 256 they are in: the message names every one with its index and value.
   */
  @Test
  void forecast_badNumbers_allNamed() {
    int count = 600;
    int[] offsets = new int[count + 1];
    double[] times = new double[3 * count];
    double[] values = new double[3 * count];
    double[] lengths = new double[count];
    double[] asOfs = new double[count];
    double[] baselines = new double[count];
    double[] targets = new double[count];
    for (int i = 0; i < count; i++) {
      offsets[i + 1] = 3 * (i + 1);
      for (int k = 0; k < 3; k++) {
        times[3 * i + k] = 10 * (k + 1);
        values[3 * i + k] = 10 * (k + 1);
      }
      lengths[i] = 91;
      asOfs[i] = 40;
      targets[i] = 100;
    }
    times[3 * 5 + 1] = Double.NaN;
    values[3 * 300 + 2] = Double.POSITIVE_INFINITY;
    times[3 * 301] = Double.NEGATIVE_INFINITY;
    asOfs[2] = Double.NaN;
    lengths[400] = 0;
    targets[599] = 0;
    BatchForecaster b = BatchForecaster.of(Forecaster.withDefaults());
    assertThatThrownBy(() -> b.forecast(count, offsets, times, values, lengths, asOfs, baselines, targets,
        new BatchForecaster.Output(count)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("6 bad inputs: asOfDays[2] = NaN (must be within +-1000000.0); times[16] = NaN (must be within "
            + "+-1000000.0); values[902] = Infinity (must be finite); times[903] = -Infinity (must be within "
            + "+-1000000.0); lengthDays[400] = 0.0 (must be within [0.001, 1000000.0]); targets[599] = 0.0 (within "
            + "1.0E-9 of baselines[599] = 0.0)");
    // more than 20: the first 20 named, and the count of the rest
    java.util.Arrays.fill(values, 0, 75, Double.NaN);
    assertThatThrownBy(() -> b.forecast(count, offsets, times, values, lengths, asOfs, baselines, targets,
        new BatchForecaster.Output(count)))
        .hasMessageStartingWith("81 bad inputs: values[0] = NaN (must be finite); values[1] = NaN")
        .hasMessageEndingWith("; and 61 more");
  }

  @Test
  void forecast_shortArrays_rejected() {
    BatchForecaster b = BatchForecaster.of(Forecaster.withDefaults());
    assertThatThrownBy(() -> b.forecast(2, new int[] {0, 1}, new double[1], new double[1], new double[2],
        new double[2], new double[2], new double[2], new BatchForecaster.Output(2)))
        .hasMessage("arrays must hold count = 2 key results (offsets count + 1)");
    assertThatThrownBy(() -> b.forecast(1, new int[] {0, 3}, new double[1], new double[1], new double[1],
        new double[1], new double[1], new double[1], new BatchForecaster.Output(1)))
        .hasMessage("times and values must hold offsets[count] = 3 points");
  }

  /**
   * 700 key results (two full runs of the kernel's stages and part of a third) of every kind: running counts and
   * noisy snapshots, both directions, check-ins at or before the start, duplicates, none at all, an as-of past the
   * end. Each comes out bit for bit as when it is forecast alone.
   */
  @ParameterizedTest
  @EnumSource(ForecastMethod.class)
  void forecast_manyChunks_sameAsOneByOne(ForecastMethod method) {
    int count = 700;
    SplittableRandom rnd = new SplittableRandom(11);
    int[] offsets = new int[count + 1];
    double[] times = new double[count * 16];
    double[] values = new double[count * 16];
    double[] lengths = new double[count];
    double[] asOfs = new double[count];
    double[] baselines = new double[count];
    double[] targets = new double[count];
    int k = 0;
    for (int i = 0; i < count; i++) {
      offsets[i] = k;
      lengths[i] = rnd.nextInt(3) == 0 ? 30 : 91;
      baselines[i] = rnd.nextDouble(-50, 50);
      targets[i] = baselines[i] + (rnd.nextBoolean() ? 1 : -1) * rnd.nextDouble(1, 200);
      boolean snapshot = rnd.nextInt(4) == 0;
      int n = rnd.nextInt(16);
      double t = rnd.nextInt(5) == 0 ? -rnd.nextDouble(0, 2) : 0;
      for (int j = 0; j < n; j++) {
        t += rnd.nextInt(8) == 0 ? 0 : rnd.nextDouble(0.5, lengths[i] / 10);
        double share = snapshot ? rnd.nextDouble(-0.2, 0.8) : rnd.nextDouble(0.8, 1.2) * t / lengths[i];
        times[k] = t;
        values[k] = baselines[i] + share * (targets[i] - baselines[i]);
        k++;
      }
      asOfs[i] = rnd.nextInt(10) == 0 ? lengths[i] + 3 : t + 1;
    }
    offsets[count] = k;
    BatchForecaster b = BatchForecaster.of(Forecaster.withDefaults().withMethod(method));
    BatchForecaster.Output all = new BatchForecaster.Output(count);
    b.forecast(count, offsets, times, values, lengths, asOfs, baselines, targets, all);
    BatchForecaster.Output one = new BatchForecaster.Output(1);
    for (int i = 0; i < count; i++) {
      int from = offsets[i];
      int n = offsets[i + 1] - from;
      b.forecast(1, new int[] {0, n}, java.util.Arrays.copyOfRange(times, from, from + n),
          java.util.Arrays.copyOfRange(values, from, from + n), new double[] {lengths[i]}, new double[] {asOfs[i]},
          new double[] {baselines[i]}, new double[] {targets[i]}, one);
      String at = method + " key result " + i;
      assertThat(all.flags[i]).as(at).isEqualTo(one.flags[0]);
      assertThat(all.landingValue[i]).as(at).isEqualTo(one.landingValue[0]);
      assertThat(all.low[i]).as(at).isEqualTo(one.low[0]);
      assertThat(all.high[i]).as(at).isEqualTo(one.high[0]);
      assertThat(all.probability[i]).as(at).isEqualTo(one.probability[0]);
      assertThat(all.requiredVelocityPerWeek[i]).as(at).isEqualTo(one.requiredVelocityPerWeek[0]);
      assertThat(all.actualVelocityPerWeek[i]).as(at).isEqualTo(one.actualVelocityPerWeek[0]);
      assertThat(all.completionDays[i]).as(at).isEqualTo(one.completionDays[0]);
      assertThat(all.completion85Days[i]).as(at).isEqualTo(one.completion85Days[0]);
      assertThat(Double.isFinite(all.landingValue[i]) && Double.isFinite(all.probability[i])).as(at).isTrue();
    }
  }
}
