package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scan's fast loop (no clamp per check-in, no merges) gives the same sums as the exact pass, bit for bit, on
 * seeded series that mix ordinary progress with check-ins at or before the start, duplicates and near-duplicates,
 * values around the clamp and far beyond it, and both directions.
 */
class KernelPassTest {
  static IntStream seeds() {
    return IntStream.range(0, 400);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void pass_sameSlotsAsExactPass(int seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double length = rnd.nextDouble(7, 400);
    int n = rnd.nextInt(0, 20);
    double[] times = new double[n];
    double[] values = new double[n];
    double baseline = rnd.nextBoolean() ? 0 : rnd.nextDouble(-1e3, 1e3);
    double span = (rnd.nextBoolean() ? 1 : -1) * rnd.nextDouble(0.5, 500);
    double target = baseline + span;
    int kind = seed % 5;
    double t = rnd.nextInt(4) == 0 ? -rnd.nextDouble(0, 3) : 0;
    for (int i = 0; i < n; i++) {
      double gap = rnd.nextInt(6) == 0 ? (rnd.nextBoolean() ? 0 : length * 1e-8) : rnd.nextDouble(0, length / 8);
      t += gap;
      times[i] = t;
      double progress = rnd.nextDouble(-0.3, 1.5) * (i + 1) / n;
      if (kind == 1 && rnd.nextInt(4) == 0) {
        // around the clamp: the bound decides
        progress = rnd.nextDouble(-1.2e6, 1.2e6);
      } else if (kind == 2 && rnd.nextInt(5) == 0) {
        progress = rnd.nextBoolean() ? 1e300 / Math.abs(span) : -1e300 / Math.abs(span);
      } else if (kind == 3) {
        progress = rnd.nextDouble(3e5, 6e5);
      }
      values[i] = baseline + progress * span;
    }
    Arrays.sort(times);
    double invLength = 1.0 / length;
    double invSpan = 1.0 / (0.5 * target - 0.5 * baseline);
    Kernel.Columns c = new Kernel.Columns(1);
    Kernel.scan(times, values, new int[] {0, n}, new double[] {length}, new double[] {baseline},
        new double[] {target}, 0, c, 1);
    double[][] fast = c.col;
    double[][] exact = new double[Kernel.SLOTS][1];
    Kernel.exactPass(times, values, 0, n, invLength, baseline, invSpan, exact, 0);
    for (int k : new int[] {Kernel.LAST_X, Kernel.LAST_Y, Kernel.SUM_S, Kernel.SUM_SQUARES, Kernel.INCREMENTS,
        Kernel.FIRST_MET_X, Kernel.BACKWARD}) {
      assertThat(Double.doubleToLongBits(fast[k][0])).as("slot " + k + ": " + fast[k][0] + " vs " + exact[k][0])
          .isEqualTo(Double.doubleToLongBits(exact[k][0]));
    }
  }
}
