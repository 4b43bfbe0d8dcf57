package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.okrengine.forecast.ForecasterTest.CYCLE;
import static org.okrengine.forecast.ForecasterTest.day;
import static org.okrengine.forecast.ForecasterTest.kr;

import org.junit.jupiter.api.Test;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Status;

/** The status rule's thresholds (the README's status table). */
class StatusRuleTest {
  @Test
  void atRiskBelow_risesOverTheFirstThirtyPercent() {
    Forecaster f = Forecaster.withDefaults();
    assertThat(f.onTrackProbability()).isEqualTo(0.36);
    assertThat(f.offTrackProbability()).isEqualTo(0.15);
    assertThat(f.atRiskBelow(0.0)).isEqualTo(0.15);
    assertThat(f.atRiskBelow(0.15)).isCloseTo(0.15 + (0.36 - 0.15) * 0.15 / 0.3, within(1e-12));
    assertThat(f.atRiskBelow(0.3)).isEqualTo(0.36);
    assertThat(f.atRiskBelow(0.9)).isEqualTo(0.36);
    assertThat(f.withThresholds(0.6, 0.2).atRiskBelow(0.9)).isEqualTo(0.6);
  }

  @Test
  void status_agreesWithItsProbability() {
    // whatever the key result, after the first 30% of the cycle: on track exactly when P >= 0.36, off track below 0.15
    int[][] days = {{7, 14, 21, 28, 35}, {7, 21, 35}, {14, 35}};
    double[][] values = {{5, 9, 14, 20, 26}, {2, 3, 4}, {30, 62}, {0, 0, 1}, {20, 20, 21, 22, 23}};
    for (int[] d : days) {
      for (double[] v : values) {
        if (v.length != d.length) {
          continue;
        }
        KeyResult k = kr(Metric.of(0, 100, "signups"), d, v);
        Forecast f = Forecaster.withDefaults().forecast(k, CYCLE, day(36));
        double p = f.probabilityOfTarget();
        Status expected = p >= 0.36 ? Status.ON_TRACK : p < 0.15 ? Status.OFF_TRACK : Status.AT_RISK;
        assertThat(f.status()).as("P %s", p).isEqualTo(expected);
      }
    }
  }

  @Test
  void status_earlyMiddlingProbability_isNoAlarmYet() {
    // day 9 of 91 (10%): the at-risk threshold is 0.15 + 0.24 / 3 = 0.23
    KeyResult slow = kr(Metric.of(0, 100, "signups"), new int[] {2, 9}, new double[] {1, 3});
    Forecast f = Forecaster.withDefaults().forecast(slow, CYCLE, day(9));
    double p = f.probabilityOfTarget();
    double threshold = Forecaster.withDefaults().atRiskBelow(9.0 / 91);
    assertThat(f.status()).as("P %s", p)
        .isEqualTo(p >= threshold ? Status.ON_TRACK : p < 0.15 ? Status.OFF_TRACK : Status.AT_RISK);
  }
}
