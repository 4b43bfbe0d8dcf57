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
    assertThat(f.onTrackProbability()).isEqualTo(0.37);
    assertThat(f.offTrackProbability()).isEqualTo(0.15);
    assertThat(f.atRiskBelow(0.0)).isEqualTo(0.15);
    assertThat(f.atRiskBelow(0.15)).isCloseTo(0.15 + (0.37 - 0.15) * 0.15 / 0.3, within(1e-12));
    assertThat(f.atRiskBelow(0.3)).isEqualTo(0.37);
    assertThat(f.atRiskBelow(0.9)).isEqualTo(0.37);
    assertThat(f.withThresholds(0.6, 0.2).atRiskBelow(0.9)).isEqualTo(0.6);
  }

  @Test
  void status_agreesWithItsProbability() {
    // whatever the key result, after the first 30% of the cycle: on track exactly when P >= 0.37, off track below 0.15
    int[][] days = {{7, 14, 21, 28, 35}, {7, 21, 35}, {14, 35}};
    // among them three that went backwards behind their plan (P 0.48, 0.42 and 0.32 at day 36): the step back is in
    // their probability, and no other threshold applies to them
    double[][] values = {{5, 9, 14, 20, 26}, {2, 3, 4}, {30, 62}, {0, 0, 1}, {20, 20, 21, 22, 23}, {40, 30, 25},
        {30, 25, 20}, {20, 15, 12}};
    for (int[] d : days) {
      for (double[] v : values) {
        if (v.length != d.length) {
          continue;
        }
        KeyResult k = kr(Metric.of(0, 100, "signups"), d, v);
        Forecast f = Forecaster.withDefaults().forecast(k, CYCLE, day(36));
        double p = f.probabilityOfTarget();
        Status expected = p >= 0.37 ? Status.ON_TRACK : p < 0.15 ? Status.OFF_TRACK : Status.AT_RISK;
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

  @Test
  void status_earlyButGoingBackwardsBehindThePlan_hasNoGrace() {
    // day 9 of 91: from 3 to 1 while the plan expects 9.9; its P (0.34) is above the early threshold (0.22) and below
    // the whole one (0.37): at risk
    KeyResult back = kr(Metric.of(0, 100, "signups"), new int[] {2, 9}, new double[] {3, 1});
    Forecast f = Forecaster.withDefaults().forecast(back, CYCLE, day(9));
    double p = f.probabilityOfTarget();
    assertThat(p).isBetween(Forecaster.withDefaults().atRiskBelow(9.0 / 91), 0.37);
    assertThat(f.status()).isEqualTo(Status.AT_RISK);
    // the same two check-ins going forward keep the grace
    KeyResult forward = kr(Metric.of(0, 100, "signups"), new int[] {2, 9}, new double[] {1, 3});
    Forecast g = Forecaster.withDefaults().forecast(forward, CYCLE, day(9));
    assertThat(g.probabilityOfTarget()).isGreaterThanOrEqualTo(Forecaster.withDefaults().atRiskBelow(9.0 / 91));
    assertThat(g.status()).isEqualTo(Status.ON_TRACK);
  }
}
