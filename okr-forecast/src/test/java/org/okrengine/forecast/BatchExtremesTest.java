package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The batch API on numeric edge values (the hardening issue, item 3): every output finite, or the documented
 * IllegalArgumentException naming the entry; offsets that decrease or are negative refused.
 */
class BatchExtremesTest {
  static final double[] EDGES = {0, -0.0, 1, -1, 1e-300, 5e-324, 1e15, -1e15, 1e16, 1e100, 1e308, -1e308,
      Double.MAX_VALUE, -Double.MAX_VALUE, 1e-9, 0.5, 91, 1e6};

  @ParameterizedTest
  @EnumSource(ForecastMethod.class)
  void edgeValues_giveFiniteOutputsOrTheDocumentedError(ForecastMethod method) {
    SplittableRandom rnd = new SplittableRandom(method.ordinal() + 1L);
    BatchForecaster batch = BatchForecaster.of(Forecaster.withDefaults().withMethod(method));
    for (int r = 0; r < 3000; r++) {
      int n = rnd.nextInt(0, 5);
      double[] times = new double[n];
      double[] values = new double[n];
      double t = rnd.nextBoolean() ? pick(rnd) : 0;
      for (int i = 0; i < n; i++) {
        t = rnd.nextInt(3) == 0 ? pick(rnd) : t + rnd.nextDouble(0, 20);
        times[i] = t;
        values[i] = rnd.nextInt(2) == 0 ? pick(rnd) : rnd.nextDouble(-100, 100);
      }
      java.util.Arrays.sort(times);
      double length = rnd.nextInt(3) == 0 ? pick(rnd) : 91;
      double asOf = rnd.nextInt(3) == 0 ? pick(rnd) : rnd.nextDouble(0, 120);
      double baseline = rnd.nextInt(2) == 0 ? pick(rnd) : 0;
      double target = rnd.nextInt(2) == 0 ? pick(rnd) : 100;
      BatchForecaster.Output out = new BatchForecaster.Output(1);
      try {
        batch.forecast(1, new int[] {0, n}, times, values, new double[] {length}, new double[] {asOf},
            new double[] {baseline}, new double[] {target}, out);
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).contains("bad input");
        continue;
      }
      String where = method + " times " + java.util.Arrays.toString(times) + " values "
          + java.util.Arrays.toString(values) + " length " + length + " asOf " + asOf + " baseline " + baseline
          + " target " + target;
      for (double[] col : new double[][] {out.landingValue, out.low, out.high, out.probability,
          out.requiredVelocityPerWeek, out.actualVelocityPerWeek, out.completionDays, out.completion85Days}) {
        assertThat(Double.isFinite(col[0])).as(where).isTrue();
      }
      assertThat(out.probability[0]).as(where).isBetween(0.0, 1.0);
    }
  }

  static double pick(SplittableRandom rnd) {
    return EDGES[rnd.nextInt(EDGES.length)];
  }

  @Test
  void decreasingOrNegativeOffsets_areRefused() {
    BatchForecaster batch = BatchForecaster.of(Forecaster.withDefaults());
    BatchForecaster.Output out = new BatchForecaster.Output(2);
    double[] d = {91, 91};
    assertThatThrownBy(() -> batch.forecast(2, new int[] {0, 3, 1}, new double[] {1, 2, 3},
        new double[] {1, 2, 3}, d, d, new double[] {0, 0}, new double[] {100, 100}, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offsets[2] = 1");
    assertThatThrownBy(() -> batch.forecast(2, new int[] {-1, 1, 2}, new double[] {1, 2, 3},
        new double[] {1, 2, 3}, d, d, new double[] {0, 0}, new double[] {100, 100}, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offsets[0] = -1");
  }
}
