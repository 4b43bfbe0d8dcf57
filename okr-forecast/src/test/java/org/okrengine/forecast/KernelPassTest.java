package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scan's fast loop (raw values, no clamp per check-in, no merges) gives the same figures as the exact pass on
 * seeded series that mix running counts and wandering series with check-ins at or before the start, duplicates and
 * near-duplicates, values exactly at the target, around the clamp and far beyond it, and both directions: the counts,
 * the first point at the target, the last point and the sum of steps bit for bit; the sum of squared steps, which the
 * fast loop sums on raw values and scales once, to within 1e-13 of it (the exact pass rounds each progress value
 * before it differences them, so it is the less exact of the two).
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
    int kind = seed % 7;
    // kinds 5 and 6: running counts that never step back (the fast loop's case), some going beyond the clamp, 6
    // landing exactly on the target
    double level = 0;
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
      } else if (kind >= 5) {
        level += rnd.nextInt(3) == 0 ? 0 : seed % 4 == 1 ? rnd.nextDouble(0, 3e5) : rnd.nextDouble(0, 0.3);
        progress = kind == 6 && i >= n / 2 ? 1 : level;
      }
      values[i] = kind == 6 && progress == 1 ? target : baseline + progress * span;
    }
    Arrays.sort(times);
    double invLength = 1.0 / length;
    double invSpan = 1.0 / (0.5 * target - 0.5 * baseline);
    Columns c = new Columns(1);
    Scan.scan(times, values, new int[] {0, n}, new double[] {length}, new double[] {length / 2},
        new double[] {baseline}, new double[] {target}, 0, c, 1);
    double[][] fast = c.col;
    double[][] exact = new double[Kernel.COLUMNS][1];
    Scan.exactPass(times, values, 0, n, invLength, baseline, target, invSpan, exact, 0);
    for (int k : new int[] {Kernel.LAST_X, Kernel.LAST_Y, Kernel.SUM_S, Kernel.INCREMENTS, Kernel.FIRST_MET_X,
        Kernel.BACKWARD, Kernel.WENT_BACK}) {
      assertThat(Double.doubleToLongBits(fast[k][0])).as("slot " + k + ": " + fast[k][0] + " vs " + exact[k][0])
          .isEqualTo(Double.doubleToLongBits(exact[k][0]));
    }
    assertThat(fast[Kernel.SUM_SQUARES][0]).as("sum of squares")
        .isCloseTo(exact[Kernel.SUM_SQUARES][0], within(1e-13 * Math.max(1, exact[Kernel.SUM_SQUARES][0])));
    if (kind == 6 && n > 0) {
      // a value exactly at the target reaches it, as Metric.isMet says
      assertThat(fast[Kernel.FIRST_MET_X][0]).isGreaterThanOrEqualTo(0);
    }
  }
}
