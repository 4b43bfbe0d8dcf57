package org.okrengine.benchmarks;

import java.util.SplittableRandom;

/**
 * Seeded synthetic key results for the benchmarks: 13 irregular check-ins each (gaps of 3 to 11 days) over a
 * 91-day cycle, values a noisy cumulative count toward a target of 100, forecast as of the last check-in plus a day.
 */
final class ForecastData {
  static final int CHECK_INS = 13;
  static final double LENGTH_DAYS = 91.0;

  final int count;
  final int[] offsets;
  final double[] times;
  final double[] values;
  final double[] lengthDays;
  final double[] asOfDays;
  final double[] baselines;
  final double[] targets;

  ForecastData(int count, long seed) {
    this.count = count;
    SplittableRandom rnd = new SplittableRandom(seed);
    offsets = new int[count + 1];
    times = new double[count * CHECK_INS];
    values = new double[count * CHECK_INS];
    lengthDays = new double[count];
    asOfDays = new double[count];
    baselines = new double[count];
    targets = new double[count];
    int k = 0;
    for (int i = 0; i < count; i++) {
      offsets[i] = k;
      double pace = rnd.nextDouble(0.4, 1.4);
      double t = rnd.nextDouble(0.5, 3.0);
      double v = 0;
      for (int j = 0; j < CHECK_INS; j++) {
        double gap = j == 0 ? t : rnd.nextDouble(3.0, 11.0) * 0.6;
        t = Math.min(LENGTH_DAYS - 1, (j == 0 ? 0 : t) + gap);
        v = Math.max(v, pace * 100 * t / LENGTH_DAYS + rnd.nextDouble(-4, 4));
        times[k] = t;
        values[k] = Math.rint(v);
        k++;
      }
      lengthDays[i] = LENGTH_DAYS;
      asOfDays[i] = t + 1;
      baselines[i] = 0;
      targets[i] = 100;
    }
    offsets[count] = k;
  }
}
