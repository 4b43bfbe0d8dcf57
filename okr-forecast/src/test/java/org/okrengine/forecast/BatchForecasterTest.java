package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BatchForecasterTest {
  @Test
  void forecast_equalsTheObjectApi() {
    // two key results: ForecasterTest's signups series, and the same with no check-ins
    int[] offsets = {0, 5, 5};
    double[] times = {7, 14, 21, 35, 42};
    double[] values = {6, 13, 18, 30, 37};
    BatchForecaster.Output out = new BatchForecaster.Output(2);
    BatchForecaster.of(Forecaster.withDefaults()).forecast(2, offsets, times, values, new double[] {91, 91},
        new double[] {45, 10}, new double[] {0, 0}, new double[] {100, 100}, out);
    Forecast f = Forecaster.withDefaults().forecast(ForecasterTest.SIGNUPS, ForecasterTest.CYCLE,
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
}
