package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/** Every method, on any numbers: outputs are finite and the probability is within 0..1. */
class KernelFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void forecast_anyInput_finiteOutputs(FuzzedDataProvider data) {
    int n = data.consumeInt(0, 20);
    double length = 1 + Math.abs(data.consumeRegularDouble(-400, 400));
    double[] times = new double[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      times[i] = data.consumeRegularDouble(-length, 2 * length);
      values[i] = data.consumeRegularDouble(-1e300, 1e300);
    }
    Arrays.sort(times);
    // within the kernel's limits (Kernel.MAX_VALUE, MIN_SPAN; BatchExtremesTest covers what lies beyond them)
    double baseline = data.consumeRegularDouble(-Kernel.MAX_VALUE, Kernel.MAX_VALUE);
    double target = data.consumeRegularDouble(-Kernel.MAX_VALUE, Kernel.MAX_VALUE);
    if (!Kernel.validSpan(baseline, target)) {
      target = baseline + (baseline > 0 ? -1 : 1);
    }
    double asOf = data.consumeRegularDouble(-length, 2 * length);
    double confidence = data.consumeRegularDouble(-0.5, 0.5);
    // the outcome at the end or at the last check-in (Kernel.outcomeX)
    boolean atLastCheckIn = data.consumeBoolean();
    double[] out = new double[Kernel.SLOTS];
    Columns scratch = new Columns(1);
    double[] q = StudentT.quantiles(0.9);
    double[] q85 = StudentT.quantiles(0.85);
    for (ForecastMethod m : ForecastMethod.values()) {
      Kernel.forecast(m, Hyperparameters.defaults(), ForecastModel.defaults().stackWeights(), q, 0.8, q85, times,
          values, 0, n, length, asOf, baseline, target, confidence, 0, atLastCheckIn, scratch, out);
      for (int k = 0; k < Kernel.SLOTS; k++) {
        if (k == Kernel.MEAN || k == Kernel.LOW || k == Kernel.HIGH || k == Kernel.RATE || k == Kernel.REQUIRED
            || k == Kernel.INV_HALF_SPAN) {
          // progress units may overflow for absurd spans (the object API clamps them), and so may the scratch
          // inverse of an underflowing span; the rest must be finite
          assertThat(Double.isNaN(out[k])).as(m + " slot " + k).isFalse();
        } else {
          assertThat(Double.isFinite(out[k])).as(m + " slot " + k).isTrue();
        }
      }
      assertThat(out[Kernel.PROBABILITY]).isBetween(0.0, 1.0);
    }
  }
}
