package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The movement-aware predictive's rare step where the trajectory is sure of its target beyond the t table's reach
 * (its mass below the target under 1e-16, or rounding to 0): 40 daily check-ins of a steady pace that will pass the
 * target well before the end, at interval levels whose low end must fall short of the target (P at most the
 * ceiling 0.95, below 1 - tail). The low end read the target itself (2,186 of 20,000 such key results at 0.95) or
 * -1,000,000 times the way (218), where the scaled part below the target puts it a little short of the target.
 */
class DeepTailTest {
  @ParameterizedTest
  @ValueSource(doubles = {0.95, 0.99})
  void sureTrajectoryDoubted_lowEndJustShortOfTheTarget(double level) {
    int count = 2000;
    int n = 40;
    int[] offsets = new int[count + 1];
    double[] times = new double[count * n];
    double[] values = new double[count * n];
    double[] lengths = new double[count];
    double[] asOfs = new double[count];
    double[] baselines = new double[count];
    double[] targets = new double[count];
    for (int k = 0; k < count; k++) {
      offsets[k] = k * n;
      double slope = 0.015 + 0.02 * k / count;
      for (int i = 0; i < n; i++) {
        times[k * n + i] = i + 1;
        values[k * n + i] = (i + 1) * slope * 100 * (1 + 0.001 * (i % 3));
      }
      lengths[k] = 91;
      asOfs[k] = 40;
      targets[k] = 100;
    }
    offsets[count] = count * n;
    BatchForecaster.Output out = new BatchForecaster.Output(count);
    BatchForecaster.of(Forecaster.withDefaults().withLevel(level)).forecast(count, offsets, times, values, lengths,
        asOfs, baselines, targets, out);
    double tail = (1 - level) / 2;
    int deep = 0;
    for (int k = 0; k < count; k++) {
      double p = out.probability[k];
      double lo = out.low[k] / 100;
      double landing = out.landingValue[k] / 100;
      String at = "key result " + k + " at level " + level + ": low " + lo + ", chance " + p;
      assertThat(lo >= 1).as(at).isEqualTo(p >= 1 - tail);
      assertThat(landing >= 1).as(at).isEqualTo(p >= 0.5);
      // the trajectory lands at 1.4 to 2.9 of the way, its scale a few hundredths: the part below the target scaled
      // keeps the low end near it
      assertThat(lo).as(at).isGreaterThan(0.5).isLessThanOrEqualTo(landing);
      deep += landing > 2 ? 1 : 0;
    }
    assertThat(deep).isGreaterThan(100);
  }

  /**
   * Location 30 scales beyond the target at 39.5 degrees of freedom (its mass below the target 9e-27, beyond the
   * table), doubted at 0.6: the 2.5% quantile is the trajectory's at 0.025 x 9e-27 / 0.4; one 10,000 scales beyond at
   * 128 degrees of freedom (the exact mass underflows) has its low end from the t's power-law tail.
   */
  @Test
  void doubted_beyondTheTable() {
    Columns c = new Columns(1);
    double[][] col = c.col;
    double location = 1 + 30 * 0.01;
    set(col, location, 0.01, 39.5, 0.6);
    PlanPriorStages.predictive(0.95, new double[] {0}, 0, c, 1);
    TDistribution t = TDistribution.of(39.5);
    double expected = location + 0.01 * t.inverseCumulativeProbability(0.025 * t.cumulativeProbability(-30) / 0.4);
    assertThat(col[Kernel.LOW][0]).isLessThan(1).isCloseTo(expected, within(1e-9));
    assertThat(col[Kernel.MEAN][0]).isEqualTo(location);
    set(col, 1 + 10000 * 0.01, 0.01, 200, 0.6);
    PlanPriorStages.predictive(0.95, new double[] {0}, 0, c, 1);
    // the power law's: 1 - (location - 1) (0.0625^(-1/128) - 1), -1.19 (commons' mass is 0 there)
    assertThat(TDistribution.of(128).cumulativeProbability(-10000)).isZero();
    assertThat(col[Kernel.LOW][0]).isLessThan(1)
        .isCloseTo(101 - 100 * Math.pow(0.025 / 0.4, -1 / 128.0), within(1e-9));
  }

  private static void set(double[][] col, double location, double scale, double df, double probability) {
    double q = TDistribution.of(df).inverseCumulativeProbability(0.975);
    col[Kernel.MEAN][0] = location;
    col[Kernel.SCALE][0] = scale;
    col[Kernel.DF][0] = df;
    col[Kernel.DIRECTION][0] = 1;
    col[Kernel.LOW][0] = location - q * scale;
    col[Kernel.HIGH][0] = location + q * scale;
    col[Kernel.PROBABILITY][0] = probability;
  }
}
